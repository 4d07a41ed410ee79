/** The fields of a case study this check reads; Contentlayer's generated `CaseStudy` satisfies it. */
type CaseStudyFields = {
  _raw: { sourceFilePath: string };
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
 * What is wrong with a case study's links and image, one message each naming its file: a link the page could not
 * link to, or an image that would not load or would shift the page as it does (`inPublic` says whether a site path
 * names a file under public/).
 */
export function caseStudyProblems(caseStudy: CaseStudyFields, inPublic: (path: string) => boolean): string[] {
  const file = `content/${caseStudy._raw.sourceFilePath}`;
  const problems = (caseStudy.links ?? [])
    .filter((link) => !isWebUrl(link, ['http:', 'https:']))
    .map((link) => `${file}: link "${link}" is not an http(s) URL`);
  const image = caseStudy.image;
  if (image) {
    if (isPublicPath(image.src)) {
      if (!inPublic(image.src)) problems.push(`${file}: image "${image.src}" has no file (no public${image.src})`);
    } else if (!isWebUrl(image.src, ['https:'])) {
      problems.push(`${file}: image "${image.src}" is neither a path under public/ (starting with /) nor an https URL`);
    }
    if (!isSize(image.width) || !isSize(image.height)) {
      problems.push(`${file}: image width and height must be whole numbers of pixels above 0`);
    }
  }
  return problems;
}
