import { defineDocumentType, makeSource, type ComputedFields } from 'contentlayer2/source-files';
import { markdownPipeline } from './lib/markdown';
import { unknownReferences } from './lib/references';
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

export const Page = defineDocumentType(() => ({
  name: 'Page',
  filePathPattern: 'pages/*.md',
  contentType: 'markdown',
  fields: {
    title: { type: 'string', required: true },
    heading: { type: 'string', description: 'Shown as the page heading; defaults to the title.' },
    description: {
      type: 'string',
      description: 'For search results and link previews; defaults to the first paragraph.',
    },
    date: { type: 'date' },
    tags: { type: 'list', of: { type: 'string' } },
    // Kept from the pages' Jekyll front matter so they stay word for word; the site does not use them.
    layout: { type: 'string' },
    comments: { type: 'boolean' },
  },
  computedFields: {
    ...routeFields,
    ...urlUnder(''),
    displayHeading: { type: 'string', resolve: (doc) => doc.heading ?? doc.title },
    summary: { type: 'string', resolve: (doc) => doc.description ?? summarise(doc.body.raw) },
  },
}));

export const Coop = defineDocumentType(() => ({
  name: 'Coop',
  filePathPattern: 'coops/*.md',
  contentType: 'markdown',
  fields: {
    name: { type: 'string', required: true },
    member: {
      type: 'boolean',
      required: true,
      description: 'false for a co-op that has left the network: its page stays, but not in the directory.',
    },
    website: { type: 'string' },
    town: { type: 'string' },
    latitude: { type: 'number' },
    longitude: { type: 'number' },
    workerMembers: { type: 'number' },
    services: { type: 'list', of: { type: 'string' }, description: 'Slugs of files in content/services/.' },
    technologies: { type: 'list', of: { type: 'string' }, description: 'Slugs of files in content/technologies/.' },
  },
  computedFields: { ...routeFields, ...urlUnder('/co-op') },
}));

export const Service = defineDocumentType(() => ({
  name: 'Service',
  filePathPattern: 'services/*.md',
  contentType: 'markdown',
  fields: { name: { type: 'string', required: true } },
  computedFields: { ...routeFields, ...urlUnder('/service') },
}));

export const Technology = defineDocumentType(() => ({
  name: 'Technology',
  filePathPattern: 'technologies/*.md',
  contentType: 'markdown',
  fields: { name: { type: 'string', required: true } },
  computedFields: { ...routeFields, ...urlUnder('/technology') },
}));

export default makeSource({
  contentDirPath: 'content',
  documentTypes: [Page, Coop, Service, Technology],
  markdown: markdownPipeline,
  // A page with broken front matter must stop the build, not vanish from the site with a warning.
  onMissingOrIncompatibleData: 'fail',
  onExtraFieldData: 'fail',
  onUnknownDocuments: 'fail',
  disableImportAliasWarning: true,
  // Field checks cannot see other documents, so the co-ops' service and technology slugs are checked here, once
  // everything is generated; the error fails `contentlayer2 build` and so `npm run build`.
  onSuccess: async (importData) => {
    const { allCoops, allServices, allTechnologies } = await importData();
    const problems = unknownReferences(
      allCoops,
      allServices.map((service) => service.slug),
      allTechnologies.map((technology) => technology.slug),
    );
    if (problems.length) throw new Error(problems.join('\n'));
  },
});
