import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentFileOf, type ContentProblem, type ContentSource } from './problem';
import { logoProblems } from './logo';
import { coopEmailProblems } from './coop-email';
import { buildDirectory, type CoopEntry, type TermEntry } from '@/lib/coops/directory';
import { redirectProblems, sitePaths, type ParsedRedirects } from './redirects';
import { unknownCaseStudyReferences, unknownReferences } from './references';
import { slugPattern, slugRule } from '@/lib/slug';
import { caseStudyProblems } from './case-study-check';
import { serviceGroups } from './schema';
import { remoteImagesIn } from '@/lib/markdown';

// Every check of the content that a field's own declaration cannot make: those that read other documents (a co-op's
// services), files (logos, images) or the redirects. The content build (contentlayer.config.ts) runs them all through
// this one function once everything is generated, and lib/content/checks.test.ts runs the build on fixture trees, so
// a check is either here, and so in the build and its tests, or nowhere.

/** What each check reads of a document; Contentlayer's generated documents satisfy them. */
type Page = ContentSource & { url: string };
type Coop = ContentSource &
  CoopEntry &
  Parameters<typeof coopEmailProblems>[0] &
  Parameters<typeof logoProblems>[0] &
  Parameters<typeof unknownReferences>[0][number];
type Term = ContentSource & TermEntry;
type Service = Term & { group: string };
type CaseStudy = ContentSource & { url: string } & Parameters<typeof caseStudyProblems>[0] &
  Parameters<typeof unknownCaseStudyReferences>[0][number];

/** The generated documents, every type. */
export type ContentDocuments = {
  pages: readonly Page[];
  coops: readonly Coop[];
  services: readonly Service[];
  technologies: readonly Term[];
  caseStudies: readonly CaseStudy[];
};

/** The files the checks read besides the documents. */
export type ContentFiles = {
  /** The folder public/, whose files logos and images name by their site path. */
  publicDir: string;
  /** content/redirects.yml as read (lib/content/redirects.ts); its own problems are reported with the rest. */
  redirects: ParsedRedirects;
};

/** Every problem with the content, each naming its file and field; none when the site can be built from it. */
export function contentProblems(content: ContentDocuments, files: ContentFiles): ContentProblem[] {
  const { pages, coops, services, technologies, caseStudies } = content;
  // Site paths never climb out of public/: the case-study check refuses `..` before it asks.
  const inPublic = (path: string) => existsSync(join(files.publicDir, path));
  const serviceSlugs = services.map((service) => service.slug);
  const site = {
    paths: sitePaths({
      pages,
      coops,
      services,
      technologies,
      towns: buildDirectory(coops, services, technologies).towns,
      caseStudies,
    }),
    inPublic,
  };
  return [
    ...[...pages, ...coops, ...services, ...technologies, ...caseStudies].flatMap(fileNameProblems),
    ...unknownReferences(
      coops,
      serviceSlugs,
      technologies.map((technology) => technology.slug),
    ),
    ...services.flatMap(serviceGroupProblems),
    ...coops.flatMap((coop) => [...coopEmailProblems(coop), ...logoProblems(coop, files.publicDir)]),
    ...unknownCaseStudyReferences(
      caseStudies,
      coops.map((coop) => coop.slug),
      serviceSlugs,
    ),
    ...caseStudies.flatMap((caseStudy) => caseStudyProblems(caseStudy, inPublic)),
    ...files.redirects.problems,
    ...redirectProblems(files.redirects.redirects, site),
  ];
}

/** A document whose file name is not a slug: its address would not be one, and no proposal could name its file. */
function fileNameProblems(document: ContentSource): ContentProblem[] {
  const name = document._raw.sourceFilePath.split('/').pop() ?? '';
  if (slugPattern.test(name.replace(/\.md$/, ''))) return [];
  return [
    {
      file: contentFileOf(document),
      field: 'slug',
      message: `file name "${name}" is not a slug, the last part of the page's address: use ${slugRule}`,
    },
  ];
}

/**
 * A service's group must be one the brief form knows (lib/content/schema.ts `serviceGroups`): Contentlayer requires
 * the field but does not hold it to its options.
 */
function serviceGroupProblems(service: Service): ContentProblem[] {
  if (Object.hasOwn(serviceGroups, service.group)) return [];
  return [
    {
      file: contentFileOf(service),
      field: 'group',
      message: `unknown group "${service.group}" (the groups are ${Object.keys(serviceGroups).join(', ')})`,
    },
  ];
}

/**
 * What the content build says without failing: each image on another site that a document shows, which its page
 * leaves out (lib/markdown.ts), so an editor learns why it is not there.
 */
export function contentNotices(documents: readonly (ContentSource & { body: { raw: string } })[]): ContentProblem[] {
  return documents.flatMap((document) =>
    remoteImagesIn(document.body.raw).map((src) => ({
      file: contentFileOf(document),
      field: 'body',
      message:
        `the image ${src} is on another site, so the page leaves it out (images are served from this site): to ` +
        'show it, put the file under public/ and give its path',
    })),
  );
}
