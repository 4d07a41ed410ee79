import { allCaseStudies } from 'contentlayer/generated';
import { describe, expect, it } from 'vitest';
import { directory } from '@/lib/coops';
import { caseStudies } from '.';

// The index as the pages read it, over whatever content/work/ holds: every expectation comes from the generated
// documents, so an editor's new case study changes nothing here. (How the index sorts and finds is tested on
// fixtures in case-studies.test.ts.)
const slugs = (list: readonly { slug: string }[]) => list.map((entry) => entry.slug).sort();
const listing = (field: 'coops' | 'services', slug: string) =>
  allCaseStudies.filter((caseStudy) => caseStudy[field]?.includes(slug));

describe('the case studies of content/work/', () => {
  it('are every generated case study, each with its co-ops and services resolved', () => {
    expect(allCaseStudies.length).toBeGreaterThan(0);
    expect(slugs(caseStudies.all)).toEqual(slugs(allCaseStudies));
    for (const caseStudy of caseStudies.all) {
      expect(
        caseStudies.coopsOf(caseStudy).map((coop) => coop.slug),
        caseStudy.slug,
      ).toEqual(caseStudy.coops);
      expect(
        caseStudies.servicesOf(caseStudy).map((service) => service.slug),
        caseStudy.slug,
      ).toEqual(caseStudy.services ?? []);
    }
  });

  it('are found from every co-op and service, listing those that name it and no other', () => {
    for (const coop of directory.coops) {
      expect(slugs(caseStudies.byCoop(coop.slug)), coop.slug).toEqual(slugs(listing('coops', coop.slug)));
    }
    for (const service of directory.services) {
      expect(slugs(caseStudies.byService(service.slug)), service.slug).toEqual(
        slugs(listing('services', service.slug)),
      );
    }
  });
});
