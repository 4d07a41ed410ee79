// The CMS's collections, made from the same field declarations as the content build's document types
// (lib/content/schema.ts), with the build's rules as the CMS's own validation: what the build would refuse, the
// CMS will not save.
import { documentSchemas, logoFolder, type DocumentSchema, type Field, type Fields } from '@/lib/content/schema';
import { cmsFormat } from '@/lib/cms/names';
import { logoFileName } from '@/lib/content/logo';
import { placeholders } from '@/lib/site';

/** A field as Decap CMS's configuration declares it. */
export type CmsField = { name: string; label: string; widget: string; required: boolean; [option: string]: unknown };

export type CmsCollection = {
  name: string;
  label: string;
  label_singular: string;
  folder: string;
  create: true;
  extension: 'md';
  format: typeof cmsFormat;
  identifier_field: string;
  slug: string;
  fields: CmsField[];
};

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern as Decap can use it: Decap compiles a field's pattern without flags, so a rule that ignores case (the
 * build takes Acme.PNG for a logo's name) has each letter outside a [class] written in both cases. Its classes are
 * kept as they are, so they must list both cases themselves (config.test.ts checks the logo's rule).
 */
export function withoutFlags(pattern: RegExp): string {
  const others = pattern.flags.replace('i', '');
  if (others) throw new Error(`A CMS pattern cannot keep the flags ${others} of ${String(pattern)}`);
  if (!pattern.flags.includes('i')) return pattern.source;
  return pattern.source.replace(/\\.|\[(?:\\.|[^\]\\])*\]|[A-Za-z]/g, (token) =>
    token.length === 1 ? `[${token.toLowerCase()}${token.toUpperCase()}]` : token,
  );
}

/**
 * A pattern matching Markdown with no `{{ site.NAME }}` placeholder other than those lib/site.ts defines: the same
 * placeholders lib/markdown.ts fills, and the build refuses any other.
 */
export function knownPlaceholdersPattern(names: readonly string[] = Object.keys(placeholders)): string {
  const known = names.map(escapeRegExp).join('|');
  return String.raw`^(?![\s\S]*\{\{\s*site\.(?!(?:${known})\s*\}\})[A-Za-z_]\w*\s*\}\})[\s\S]*$`;
}

// Decap shows a pattern's message after "<Label> didn't match the pattern: " and ends it with a full stop.
const urlPattern: [string, string] = ['^https?://[^\\s]+$', 'an address starting with https:// (or http://)'];
// The shape the build's check (zod's email, lib/content/coop-email.ts, run by lib/content/checks.ts) accepts, near
// enough to catch a slip.
const emailPattern: [string, string] = [
  '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$',
  'an email address, such as hello@example.coop',
];

/** The label the CMS shows, with the description as its hint. */
function basics(name: string, field: Field): CmsField {
  return {
    name,
    label: field.label,
    widget: 'string',
    // Decap's fields are required unless they say otherwise.
    required: field.required ?? false,
    ...(field.description && { hint: field.description }),
  };
}

function cmsField(name: string, field: Field): CmsField {
  const common = basics(name, field);
  switch (field.type) {
    case 'string':
      if (field.format === 'url') return { ...common, pattern: urlPattern };
      if (field.format === 'email') return { ...common, pattern: emailPattern };
      if (field.format === 'long') return { ...common, widget: 'text' };
      if (field.format === 'logo') {
        return {
          ...common,
          widget: 'image',
          media_folder: `/public${logoFolder}`,
          public_folder: logoFolder,
          choose_url: false,
          // Decap tests an image field's pattern against the file's name alone, not the path it writes: the folder
          // is the field's own, so the name is what is left for the build to refuse.
          pattern: [
            withoutFlags(logoFileName),
            'an SVG or PNG file, its name of letters, digits, hyphens, underscores and dots',
          ],
        };
      }
      return common;
    case 'choice':
      return {
        ...common,
        widget: 'select',
        options: Object.entries(field.options).map(([value, label]) => ({ label, value })),
      };
    case 'boolean':
      // A required switch starts a new entry at its default, so it always has a value. An optional one starts
      // empty, so a new file leaves it out (its absence is its default) rather than write what a careful person
      // would not, and an old file without it keeps not having it.
      return { ...common, widget: 'boolean', required: false, ...(field.required && { default: field.default }) };
    case 'number':
      return {
        ...common,
        widget: 'number',
        value_type: field.integer ? 'int' : 'float',
        ...(field.min !== undefined && { min: field.min }),
        ...(field.max !== undefined && { max: field.max }),
      };
    case 'date':
      // An ISO date and time, as the pages' dates are written and Contentlayer reads them.
      return { ...common, widget: 'datetime', picker_utc: true };
    case 'list':
      if (field.references) {
        const target = documentSchemas.find((schema) => schema.folder === field.references);
        if (!target) throw new Error(`No document type has the folder ${field.references}`);
        return {
          ...common,
          widget: 'relation',
          collection: target.folder,
          multiple: true,
          // The file name, which is what the build looks up (lib/content/references.ts).
          value_field: '{{slug}}',
          search_fields: [target.identifier],
          display_fields: [target.identifier],
          options_length: 1000,
          ...(field.required && { min: 1 }),
        };
      }
      if (field.format === 'url') {
        return {
          ...common,
          widget: 'list',
          field: { name: 'address', label: 'Address', widget: 'string', required: true, pattern: urlPattern },
        };
      }
      return { ...common, widget: 'list' };
    case 'nested': {
      // Decap checks an object's fields even when the object is left empty, so an optional object's required fields
      // would stop every entry without it (no case study has an image yet); the build still refuses a partial one.
      const fields = cmsFields(field.fields).map((f) => (field.required ? f : { ...f, required: false }));
      return { ...common, widget: 'object', collapsed: true, fields };
    }
  }
}

function cmsFields(fields: Fields): CmsField[] {
  return Object.entries(fields)
    .filter(([, field]) => field.inCms !== false)
    .map(([name, field]) => cmsField(name, field));
}

/** The Markdown after the front matter; `{{ site.NAME }}` placeholders must be ones the site fills. */
const bodyField: CmsField = {
  name: 'body',
  label: 'Text',
  widget: 'markdown',
  required: false,
  // The raw Markdown first: the rich-text editor rewrites the Markdown it saves (reference links, HTML, spacing).
  modes: ['raw', 'rich_text'],
  pattern: [
    knownPlaceholdersPattern(),
    `only these placeholders are filled in: ${Object.keys(placeholders)
      .map((name) => `{{ site.${name} }}`)
      .join(', ')}`,
  ],
};

export function cmsCollection(schema: DocumentSchema): CmsCollection {
  return {
    name: schema.folder,
    label: schema.label,
    label_singular: schema.singular,
    folder: `content/${schema.folder}`,
    create: true,
    extension: 'md',
    format: cmsFormat,
    identifier_field: schema.identifier,
    slug: '{{slug}}',
    fields: [...cmsFields(schema.fields), bodyField],
  };
}

export const cmsCollections = (): CmsCollection[] => documentSchemas.map(cmsCollection);
