import { contentFileOf, type ContentProblem, type ContentSource } from './problem';

/** The fields of a case study this check reads; Contentlayer's generated `CaseStudy` satisfies it. */
type CaseStudyFields = ContentSource & {
  links?: string[];
  image?: { src: string; width: number; height: number };
};

function isWebUrl(value: string, protocols: readonly string[]): boolean {
  return URL.canParse(value) && protocols.includes(new URL(value).protocol);
}

/** A site path to a file of public/: absolute, and never climbing out of it. */
function isPublicPath(value: string): boolean {
  return value.startsWith('/') && !value.split('/').includes('..');
}

const isSize = (value: number) => Number.isInteger(value) && value > 0;

/**
 * What is wrong with a case study's links and image, one problem each: a link the page could not link to, or an
 * image that would not load or would shift the page as it does (`inPublic` says whether a site path names a file
 * under public/).
 */
export function caseStudyProblems(caseStudy: CaseStudyFields, inPublic: (path: string) => boolean): ContentProblem[] {
  const file = contentFileOf(caseStudy);
  const problems: ContentProblem[] = (caseStudy.links ?? [])
    .filter((link) => !isWebUrl(link, ['http:', 'https:']))
    .map((link) => ({ file, field: 'links', message: `link "${link}" in links is not an http(s) URL` }));
  const image = caseStudy.image;
  if (image) {
    const imageProblem = (message: string) => problems.push({ file, field: 'image', message });
    if (isPublicPath(image.src)) {
      if (!inPublic(image.src)) imageProblem(`image "${image.src}" has no file (no public${image.src})`);
    } else if (!isWebUrl(image.src, ['https:'])) {
      imageProblem(`image "${image.src}" is neither a path under public/ (starting with /) nor an https URL`);
    }
    if (!isSize(image.width) || !isSize(image.height)) {
      imageProblem('image width and height must be whole numbers of pixels above 0');
    }
  }
  return problems;
}
