import { describe, expect, it } from 'vitest';
import { indexCaseStudies, type CaseStudyEntry } from './case-studies';

const linked = (prefix: string, slug: string, name: string) => ({ slug, name, url: `/${prefix}/${slug}` });
const coops = [linked('co-op', 'agile', 'Agile Collective'), linked('co-op', 'outlandish', 'Outlandish')];
const services = [linked('service', 'development', 'Development'), linked('service', 'hosting', 'Hosting')];

function caseStudy(slug: string, project: string, fields: Partial<CaseStudyEntry> = {}): CaseStudyEntry {
  return { slug, url: `/work/${slug}`, project, client: `Client of ${project}`, coops: ['agile'], ...fields };
}

const index = indexCaseStudies(
  [
    caseStudy('nook', 'Nook', { coops: ['outlandish'], services: ['hosting', 'development'] }),
    caseStudy('localgov', 'LocalGov Drupal', { coops: ['agile', 'outlandish'], services: ['development'] }),
    caseStudy('archive', 'an archive'),
  ],
  coops,
  services,
);
const slugs = (list: readonly { slug: string }[]) => list.map((entry) => entry.slug);

describe('indexCaseStudies', () => {
  it('lists every case study by project name, ignoring case', () => {
    expect(slugs(index.all)).toEqual(['archive', 'localgov', 'nook']);
    expect(index.get('nook')?.project).toBe('Nook');
    expect(index.get('no-such-study')).toBeUndefined();
  });

  it('finds the case studies of a co-op, by project name', () => {
    expect(slugs(index.byCoop('outlandish'))).toEqual(['localgov', 'nook']);
    expect(slugs(index.byCoop('agile'))).toEqual(['archive', 'localgov']);
    expect(index.byCoop('no-such-coop')).toEqual([]);
  });

  it('finds the case studies that list a service, leaving out those that list none', () => {
    expect(slugs(index.byService('development'))).toEqual(['localgov', 'nook']);
    expect(slugs(index.byService('hosting'))).toEqual(['nook']);
    expect(index.byService('printing')).toEqual([]);
  });

  it("resolves a case study's co-ops and services to linkable entries, in its file's order", () => {
    const nook = index.get('nook');
    if (!nook) throw new Error('nook is indexed');
    expect(index.coopsOf(nook)).toEqual([{ slug: 'outlandish', name: 'Outlandish', url: '/co-op/outlandish' }]);
    expect(index.servicesOf(nook).map((service) => service.name)).toEqual(['Hosting', 'Development']);
    const archive = index.get('archive');
    if (!archive) throw new Error('archive is indexed');
    expect(index.servicesOf(archive)).toEqual([]);
  });
});
