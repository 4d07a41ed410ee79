import { defineDocumentType, makeSource, type ComputedFields } from 'contentlayer2/source-files';
import { markdownPipeline } from './lib/markdown';
import { summarise } from './lib/summary';

/** Shared by every document type: where a document lives on the site. */
const routeFields = {
  slug: { type: 'string', resolve: (doc) => doc._raw.flattenedPath.split('/').pop() ?? '' },
} satisfies ComputedFields;

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
    url: { type: 'string', resolve: (doc) => `/${doc._raw.flattenedPath.split('/').pop() ?? ''}` },
    displayHeading: { type: 'string', resolve: (doc) => doc.heading ?? doc.title },
    summary: { type: 'string', resolve: (doc) => doc.description ?? summarise(doc.body.raw) },
  },
}));

export default makeSource({
  contentDirPath: 'content',
  documentTypes: [Page],
  markdown: markdownPipeline,
  // A page with broken front matter must stop the build, not vanish from the site with a warning.
  onMissingOrIncompatibleData: 'fail',
  onExtraFieldData: 'fail',
  onUnknownDocuments: 'fail',
  disableImportAliasWarning: true,
});
