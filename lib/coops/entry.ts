import { z } from 'zod';
import { coopSchema, descriptionField, type Field } from '@/lib/content-schema';
import { unsafeLink } from '@/lib/links/address';

/**
 * The public fields of a co-op's entry that its own people may propose changes to, checked by rules derived from
 * `coopSchema` (lib/content-schema.ts), the one schema the content build and the CMS read: no second copy of the
 * rules. `member` stays with the network's editors; the logo is a file, checked by lib/logo.ts.
 */
export const editableFields = [
  'name',
  'website',
  'email',
  'showEmail',
  'town',
  'latitude',
  'longitude',
  'workerMembers',
  'services',
  'technologies',
] as const satisfies readonly (keyof typeof coopSchema.fields)[];
export type EditableField = (typeof editableFields)[number];

export type EntryValues = Partial<Record<EditableField, string | number | boolean | string[]>> & {
  description?: string;
};

const blankIsAbsent = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

/** One field's rule from its declaration; `choices` holds the slugs a list that references a folder may name. */
function fieldRule(field: Field, choices: readonly string[]): z.ZodType {
  switch (field.type) {
    case 'string': {
      const text = z.string().trim().max(500, `${field.label}: at most 500 characters.`);
      const rule =
        field.format === 'url'
          ? z
              .url({ protocol: /^https?$/, error: `${field.label}: give an address starting https://.` })
              .superRefine((link, context) => {
                const unsafe = unsafeLink(link);
                if (unsafe) context.addIssue({ code: 'custom', message: `${field.label}: ${unsafe}` });
              })
          : field.format === 'email'
            ? z.email(`${field.label}: give an address such as name@example.coop.`)
            : text.min(1, `${field.label}: give a value.`);
      return field.required ? rule : z.preprocess(blankIsAbsent, rule.optional());
    }
    case 'boolean':
      // An HTML checkbox sends its value when ticked and nothing when not.
      return z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());
    case 'number': {
      let rule = z.number(`${field.label}: give a number.`);
      if (field.integer) rule = rule.int(`${field.label}: give a whole number.`);
      if (field.min !== undefined) rule = rule.min(field.min, `${field.label}: at least ${field.min}.`);
      if (field.max !== undefined) rule = rule.max(field.max, `${field.label}: at most ${field.max}.`);
      return z.preprocess((value) => {
        const given = blankIsAbsent(value);
        return typeof given === 'string' ? Number(given) : given;
      }, rule.optional());
    }
    case 'list':
      return z.array(
        choices.length > 0
          ? z.enum(choices as [string, ...string[]], `${field.label}: choose from the list.`)
          : z.string(),
      );
    default:
      throw new Error(`coopSchema field of type ${field.type} cannot be edited in the account area`);
  }
}

/** The directory's lists a co-op's services and technologies are chosen from. */
export type EntryChoices = { services: readonly string[]; technologies: readonly string[] };

/** The rules for a submitted entry, from coopSchema and the directory's current lists. */
export function entrySchema(choices: EntryChoices) {
  const shape = Object.fromEntries(
    editableFields.map((name) => [
      name,
      fieldRule(coopSchema.fields[name], name === 'services' || name === 'technologies' ? choices[name] : []),
    ]),
  );
  const { label, maxLength } = descriptionField;
  // Absent when the form did not send it (no change); an empty box clears it.
  const description = z
    .string(`${label}: give it as text.`)
    .trim()
    .max(maxLength, `${label}: at most ${maxLength.toLocaleString('en-GB')} characters.`)
    .optional();
  return z.object({ ...shape, [descriptionField.name]: description });
}

const lineBreaks = (value: unknown) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value);

/** A form's fields as the schema reads them: lists as every value given, the rest as their one value. */
export function formEntry(form: FormData): Record<string, unknown> {
  return Object.fromEntries([
    ...editableFields.map((name) => {
      const field: Field = coopSchema.fields[name];
      return [name, field.type === 'list' ? form.getAll(name) : (form.get(name) ?? undefined)];
    }),
    // A browser sends a text area's line breaks as CRLF; the file and the build's `body.raw` have LF.
    [descriptionField.name, lineBreaks(form.get(descriptionField.name) ?? undefined)],
  ]);
}

/** Field name → the first problem with it, for the form. */
export function fieldErrors(error: z.ZodError): Partial<Record<EditableField | 'logo' | 'form', string>> {
  const errors: Partial<Record<string, string>> = {};
  for (const issue of error.issues) {
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * A submitted list in the entry's own order: the items it keeps where they were, then the new ones. The form lists
 * its choices in the directory's order, which need not be the file's; this way adding one item adds one line to
 * the file, and a list whose items are the same is no change.
 */
function inEntryOrder(before: unknown, after: unknown): unknown {
  if (!Array.isArray(before) || !Array.isArray(after)) return after;
  return [...before.filter((item) => after.includes(item)), ...after.filter((item) => !before.includes(item))];
}

/**
 * What a proposal changes: each editable field whose submitted value differs from the entry's, with its new value,
 * or null where a field was cleared (the worker removes that line), and the description when one was sent that
 * differs (an empty one clears the body).
 */
export function entryChanges(current: EntryValues, submitted: EntryValues): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const name of editableFields) {
    const before = current[name];
    const after = inEntryOrder(before, submitted[name]);
    const emptyList = (value: unknown) => value === undefined || (Array.isArray(value) && value.length === 0);
    if (emptyList(before) && emptyList(after)) continue;
    // A boolean left at its default reads as not set.
    const field: Field = coopSchema.fields[name];
    if (field.type === 'boolean' && (before ?? field.default) === after) continue;
    if (!same(before, after)) changes[name] = after ?? null;
  }
  const { description } = submitted;
  if (description !== undefined && description !== (current.description ?? '').trim()) {
    changes[descriptionField.name] = description;
  }
  return changes;
}
