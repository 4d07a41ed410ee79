import { describe, expect, it } from 'vitest';
import { caseStudies } from '.';

// The committed case studies (content/work/), as the pages read them.
describe('the case studies of content/work/', () => {
  it('are the five from the network, each with its co-ops and services resolved', () => {
    expect(caseStudies.all.map((caseStudy) => caseStudy.project)).toEqual([
      'Comms consultancy and web build',
      'LocalGov Drupal',
      'Mapped',
      'Nook',
      'World Builders Board Game',
    ]);
    for (const caseStudy of caseStudies.all) {
      expect(caseStudies.coopsOf(caseStudy).length, caseStudy.slug).toBe(caseStudy.coops.length);
      expect(caseStudies.servicesOf(caseStudy).length, caseStudy.slug).toBe(caseStudy.services?.length ?? 0);
    }
  });

  it('are found from the co-ops and services they name', () => {
    expect(caseStudies.byCoop('outlandish').map((caseStudy) => caseStudy.slug)).toEqual(['nook']);
    expect(caseStudies.byService('game-design').map((caseStudy) => caseStudy.slug)).toEqual([
      'world-builders-board-game',
    ]);
    expect(caseStudies.byService('user-research').map((caseStudy) => caseStudy.slug)).toEqual([
      'fuel-poverty-action',
      'localgov-drupal',
      'mapped',
      'nook',
    ]);
    expect(caseStudies.byCoop('webarchitects')).toEqual([]);
  });
});
