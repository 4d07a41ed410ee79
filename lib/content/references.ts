import { contentFileOf, type ContentProblem, type ContentSource as Source } from './problem';

/** The fields of a co-op the reference check reads; Contentlayer's generated `Coop` satisfies it. */
type CoopReferences = Source & { services?: string[]; technologies?: string[] };

/** The fields of a case study the reference check reads; Contentlayer's generated `CaseStudy` satisfies it. */
type CaseStudyReferences = Source & { coops: string[]; services?: string[] };

/**
 * One problem per slug in a list that is not a file in `content/FOLDER/`, naming the document's file; each list is
 * named after the folder it refers to (`services` lists files of content/services/).
 */
function unknownSlugs(
  document: Source,
  kind: string,
  folder: string,
  slugs: readonly string[] | undefined,
  known: ReadonlySet<string>,
): ContentProblem[] {
  return (slugs ?? [])
    .filter((slug) => !known.has(slug))
    .map((slug) => ({
      file: contentFileOf(document),
      field: folder,
      message: `unknown ${kind} "${slug}" in ${folder} (no content/${folder}/${slug}.md)`,
    }));
}

/**
 * One problem per service or technology a co-op lists that has no file in `content/services/` or
 * `content/technologies/`, naming the co-op's file, so a typo stops the build instead of making an empty filter.
 */
export function unknownReferences(
  coops: readonly CoopReferences[],
  serviceSlugs: readonly string[],
  technologySlugs: readonly string[],
): ContentProblem[] {
  const services = new Set(serviceSlugs);
  const technologies = new Set(technologySlugs);
  return coops.flatMap((coop) => [
    ...unknownSlugs(coop, 'service', 'services', coop.services, services),
    ...unknownSlugs(coop, 'technology', 'technologies', coop.technologies, technologies),
  ]);
}

/**
 * The same for case studies: each co-op and service it lists must have a file, and it must list a co-op, so that
 * every case study appears on the page of a co-op that did the work.
 */
export function unknownCaseStudyReferences(
  caseStudies: readonly CaseStudyReferences[],
  coopSlugs: readonly string[],
  serviceSlugs: readonly string[],
): ContentProblem[] {
  const coops = new Set(coopSlugs);
  const services = new Set(serviceSlugs);
  return caseStudies.flatMap((caseStudy) => [
    ...(caseStudy.coops.length === 0
      ? [
          {
            file: contentFileOf(caseStudy),
            field: 'coops',
            message: 'lists no co-op (coops needs the slug of at least one file in content/coops/)',
          },
        ]
      : []),
    ...unknownSlugs(caseStudy, 'co-op', 'coops', caseStudy.coops, coops),
    ...unknownSlugs(caseStudy, 'service', 'services', caseStudy.services, services),
  ]);
}
