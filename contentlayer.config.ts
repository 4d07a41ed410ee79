import { existsSync } from 'node:fs';
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
} from './lib/content-schema';
import { logoProblems } from './lib/logo';
import { markdownPipeline } from './lib/markdown';
import { buildDirectory } from './lib/members/directory';
import { readRedirects, redirectProblems, redirectsFile, sitePaths } from './lib/redirects';
import { unknownCaseStudyReferences, unknownReferences } from './lib/references';
import { caseStudyProblems } from './lib/work/check';
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

/** A field of lib/content-schema.ts as Contentlayer declares it; the CMS reads the same declarations. */
function contentlayerField(field: Field): FieldDef {
  const common = { required: field.required ?? false, ...(field.description && { description: field.description }) };
  switch (field.type) {
    case 'string':
    case 'boolean':
    case 'number':
    case 'date':
      return { type: field.type, ...common };
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
  // The redirects are one list, not a document: lib/redirects.ts reads them, here and in next.config.ts.
  contentDirExclude: [...contentDirExcludeDefault, redirectsFile.replace(/^content\//, '')],
  // Field checks cannot see other documents or files, so the co-ops' and case studies' slugs (and the case studies'
  // links and images, the co-ops' logos, the redirects) are checked here, once everything is generated; the
  // error fails `contentlayer2 build` and so `npm run build`.
  onSuccess: async (importData) => {
    const { allPages, allCoops, allServices, allTechnologies, allCaseStudies } = await importData();
    const serviceSlugs = allServices.map((service) => service.slug);
    const inPublic = (path: string) => existsSync(join(process.cwd(), 'public', path));
    const redirects = readRedirects();
    const site = {
      paths: sitePaths({
        pages: allPages,
        coops: allCoops,
        services: allServices,
        technologies: allTechnologies,
        towns: buildDirectory(allCoops, allServices, allTechnologies).towns,
        caseStudies: allCaseStudies,
      }),
      inPublic,
    };
    const problems = [
      ...unknownReferences(
        allCoops,
        serviceSlugs,
        allTechnologies.map((technology) => technology.slug),
      ),
      ...unknownCaseStudyReferences(
        allCaseStudies,
        allCoops.map((coop) => coop.slug),
        serviceSlugs,
      ),
      ...allCaseStudies.flatMap((caseStudy) => caseStudyProblems(caseStudy, inPublic)),
      ...allCoops.flatMap((coop) => logoProblems(coop)),
      ...redirects.problems,
      ...redirectProblems(redirects.redirects, site),
    ];
    if (problems.length) throw new Error(problems.join('\n'));
  },
});
