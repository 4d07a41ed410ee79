/** The fields of a co-op the reference check reads; Contentlayer's generated `Coop` satisfies it. */
type CoopReferences = {
  _raw: { sourceFilePath: string };
  services?: string[];
  technologies?: string[];
};

/**
 * One message per service or technology a co-op lists that has no file in `content/services/` or
 * `content/technologies/`, naming the co-op's file, so a typo stops the build instead of making an empty filter.
 */
export function unknownReferences(
  coops: readonly CoopReferences[],
  serviceSlugs: readonly string[],
  technologySlugs: readonly string[],
): string[] {
  const services = new Set(serviceSlugs);
  const technologies = new Set(technologySlugs);
  return coops.flatMap((coop) => {
    const file = `content/${coop._raw.sourceFilePath}`;
    return [
      ...(coop.services ?? [])
        .filter((slug) => !services.has(slug))
        .map((slug) => `${file}: unknown service "${slug}" (no content/services/${slug}.md)`),
      ...(coop.technologies ?? [])
        .filter((slug) => !technologies.has(slug))
        .map((slug) => `${file}: unknown technology "${slug}" (no content/technologies/${slug}.md)`),
    ];
  });
}
