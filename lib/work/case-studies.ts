/** What the index reads from a case study (Contentlayer's `CaseStudy` has these and more). */
export type CaseStudyEntry = {
  slug: string;
  url: string;
  client: string;
  project: string;
  coops: string[];
  services?: string[];
};

/** A co-op or a service: a name with a page of its own. */
type Linked = { slug: string; url: string; name: string };

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/**
 * The case studies, by project name, and per co-op and per service, for the /work pages and the co-op and service
 * pages that list them. Co-ops and services are resolved to the directory's entries; the content build has already
 * failed on any slug with no file, so none is dropped here in practice.
 */
export function indexCaseStudies<W extends CaseStudyEntry, C extends Linked, S extends Linked>(
  caseStudies: readonly W[],
  coops: readonly C[],
  services: readonly S[],
) {
  const all = [...caseStudies].sort((a, b) => collator.compare(a.project, b.project));
  const coopsBySlug = new Map(coops.map((coop) => [coop.slug, coop]));
  const servicesBySlug = new Map(services.map((service) => [service.slug, service]));
  return {
    /** Every case study, by project name. */
    all,
    get: (slug: string) => all.find((caseStudy) => caseStudy.slug === slug),
    /** The case studies a co-op worked on, by project name. */
    byCoop: (coop: string) => all.filter((caseStudy) => caseStudy.coops.includes(coop)),
    /** The case studies that list a service, by project name. */
    byService: (service: string) => all.filter((caseStudy) => caseStudy.services?.includes(service)),
    /** A case study's co-ops and services in the order its file lists them, as linkable entries. */
    coopsOf: (caseStudy: W) => caseStudy.coops.flatMap((slug) => coopsBySlug.get(slug) ?? []),
    servicesOf: (caseStudy: W) => (caseStudy.services ?? []).flatMap((slug) => servicesBySlug.get(slug) ?? []),
  };
}
