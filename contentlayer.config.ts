import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  contentDirExcludeDefault,
  defineDocumentType,
  defineNestedType,
  makeSource,
  type ComputedFields,
} from 'contentlayer2/source-files';
import { logoProblems } from './lib/logo';
import { markdownPipeline } from './lib/markdown';
import { buildDirectory } from './lib/members/directory';
import { readRedirects, redirectProblems, redirectsFile, sitePaths } from './lib/redirects';
import { coopEmailProblems } from './lib/members/coop-email';
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
    email: {
      type: 'string',
      description:
        'Where the network forwards client briefs for this co-op. Private unless showEmail is true; without it, briefs go to the network address in lib/site.ts.',
    },
    showEmail: {
      type: 'boolean',
      default: false,
      description: 'true to show the email address on the co-op page; by default it is used only to forward briefs.',
    },
    town: { type: 'string' },
    latitude: { type: 'number' },
    longitude: { type: 'number' },
    workerMembers: { type: 'number' },
    services: { type: 'list', of: { type: 'string' }, description: 'Slugs of files in content/services/.' },
    technologies: { type: 'list', of: { type: 'string' }, description: 'Slugs of files in content/technologies/.' },
    logo: {
      type: 'string',
      description: 'A path to an SVG or PNG file under public/images/coops/, such as /images/coops/outlandish.svg.',
    },
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

// Width and height are given, not measured: a page must reserve the image's space before it loads, and an image on
// another host cannot be read at build time (nothing is downloaded then).
const CaseStudyImage = defineNestedType(() => ({
  name: 'CaseStudyImage',
  fields: {
    src: {
      type: 'string',
      required: true,
      description: 'A path to a file under public/ (`/images/work/nook.png`) or an https URL.',
    },
    alt: { type: 'string', required: true, description: 'What the image shows, for those who cannot see it.' },
    width: { type: 'number', required: true },
    height: { type: 'number', required: true },
  },
}));

export const CaseStudy = defineDocumentType(() => ({
  name: 'CaseStudy',
  filePathPattern: 'work/*.md',
  contentType: 'markdown',
  fields: {
    client: { type: 'string', required: true },
    project: { type: 'string', required: true, description: 'The project, which is the page title.' },
    coops: {
      type: 'list',
      of: { type: 'string' },
      required: true,
      description: 'Slugs of files in content/coops/: the co-ops that did the work, at least one.',
    },
    services: { type: 'list', of: { type: 'string' }, description: 'Slugs of files in content/services/.' },
    links: { type: 'list', of: { type: 'string' }, description: 'http(s) URLs: the project, or its write-up.' },
    image: { type: 'nested', of: CaseStudyImage },
  },
  computedFields: { ...routeFields, ...urlUnder('/work') },
}));

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
      ...allCoops.flatMap((coop) => coopEmailProblems(coop)),
      ...redirects.problems,
      ...redirectProblems(redirects.redirects, site),
    ];
    if (problems.length) throw new Error(problems.join('\n'));
  },
});
