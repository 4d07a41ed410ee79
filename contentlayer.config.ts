import { join } from 'node:path';
import {
  contentDirExcludeDefault,
  defineDocumentType,
  defineNestedType,
  makeSource,
  type ComputedFields,
  type FieldDef,
} from 'contentlayer2/source-files';
import {
  caseStudySchema,
  coopSchema,
  pageSchema,
  serviceSchema,
  technologySchema,
  type DocumentSchema,
  type Field,
  type Fields,
} from './lib/content/schema';
import { contentNotices, contentProblems } from './lib/content/checks';
import { describeProblem } from './lib/content/problem';
import { markdownPipeline } from './lib/markdown';
import { readRedirects, redirectsFile } from './lib/content/redirects';
import { summarise } from './lib/summary';

/** Shared by every document type: where a document lives on the site. */
const routeFields = {
  slug: { type: 'string', resolve: (doc) => doc._raw.flattenedPath.split('/').pop() ?? '' },
} satisfies ComputedFields;

/** The name of the file, which is the slug, under a URL prefix the network's site has always used. */
const urlUnder = (prefix: string) =>
  ({
    url: { type: 'string', resolve: (doc) => `${prefix}/${doc._raw.flattenedPath.split('/').pop() ?? ''}` },
  }) satisfies ComputedFields;

/** A field of lib/content/schema.ts as Contentlayer declares it; the CMS reads the same declarations. */
function contentlayerField(field: Field): FieldDef {
  const common = { required: field.required ?? false, ...(field.description && { description: field.description }) };
  switch (field.type) {
    case 'string':
    case 'boolean':
    case 'number':
    case 'date':
      return { type: field.type, ...common };
    case 'choice':
      return { type: 'enum', options: Object.keys(field.options), ...common };
    case 'list':
      return { type: 'list', of: { type: 'string' }, ...common };
    case 'nested': {
      const fields = contentlayerFields(field.fields);
      return { type: 'nested', of: defineNestedType(() => ({ name: field.name, fields })), ...common };
    }
  }
}

function contentlayerFields(fields: Fields): Record<string, FieldDef> {
  return Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, contentlayerField(field)]));
}

/** A document type: every Markdown file in its folder, with the fields its schema declares. */
const documentType = (name: string, schema: DocumentSchema, computedFields: ComputedFields) =>
  defineDocumentType(() => ({
    name,
    filePathPattern: `${schema.folder}/*.md`,
    contentType: 'markdown',
    fields: contentlayerFields(schema.fields),
    computedFields,
  }));

export const Page = documentType('Page', pageSchema, {
  ...routeFields,
  ...urlUnder(''),
  displayHeading: {
    type: 'string',
    resolve: (doc) => (doc.heading as string | undefined) ?? (doc.title as string),
  },
  summary: {
    type: 'string',
    resolve: (doc) => (doc.description as string | undefined) ?? summarise(doc.body.raw),
  },
});

export const Coop = documentType('Coop', coopSchema, { ...routeFields, ...urlUnder('/co-op') });

export const Service = documentType('Service', serviceSchema, { ...routeFields, ...urlUnder('/service') });

export const Technology = documentType('Technology', technologySchema, {
  ...routeFields,
  ...urlUnder('/technology'),
});

export const CaseStudy = documentType('CaseStudy', caseStudySchema, { ...routeFields, ...urlUnder('/work') });

export default makeSource({
  contentDirPath: 'content',
  documentTypes: [Page, Coop, Service, Technology, CaseStudy],
  markdown: markdownPipeline,
  // A page with broken front matter must stop the build, not vanish from the site with a warning.
  onMissingOrIncompatibleData: 'fail',
  onExtraFieldData: 'fail',
  onUnknownDocuments: 'fail',
  disableImportAliasWarning: true,
  // The redirects are one list, not a document: lib/content/redirects.ts reads them, here and in next.config.ts.
  contentDirExclude: [...contentDirExcludeDefault, redirectsFile.replace(/^content\//, '')],
  // Field checks cannot see other documents or files, so what needs them (the co-ops' and case studies' slugs,
  // links, images, logos and emails, the redirects) is checked here, once everything is generated, by the one
  // function that holds those checks; the error fails `contentlayer2 build` and so `npm run build`. What it says
  // without failing (an image on another site, which the page leaves out) it prints first.
  onSuccess: async (importData) => {
    const { allPages, allCoops, allServices, allTechnologies, allCaseStudies } = await importData();
    const documents = [...allPages, ...allCoops, ...allServices, ...allTechnologies, ...allCaseStudies];
    for (const notice of contentNotices(documents)) console.warn(describeProblem(notice));
    const problems = contentProblems(
      {
        pages: allPages,
        coops: allCoops,
        services: allServices,
        technologies: allTechnologies,
        caseStudies: allCaseStudies,
      },
      { publicDir: join(process.cwd(), 'public'), redirects: readRedirects() },
    );
    if (problems.length) throw new Error(problems.map(describeProblem).join('\n'));
  },
});
