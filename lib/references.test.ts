import { describe, expect, it } from 'vitest';
import { unknownCaseStudyReferences, unknownReferences } from './references';

describe('unknownReferences', () => {
  it('names the file and each unknown service or technology', () => {
    const coops = [
      { _raw: { sourceFilePath: 'coops/ok.md' }, services: ['hosting'], technologies: ['php'] },
      { _raw: { sourceFilePath: 'coops/typo.md' }, services: ['hostin', 'hosting'], technologies: ['pph'] },
      { _raw: { sourceFilePath: 'coops/empty.md' } },
    ];
    expect(unknownReferences(coops, ['hosting'], ['php'])).toEqual([
      'content/coops/typo.md: unknown service "hostin" (no content/services/hostin.md)',
      'content/coops/typo.md: unknown technology "pph" (no content/technologies/pph.md)',
    ]);
  });
});

describe('unknownCaseStudyReferences', () => {
  it('names the file and each unknown co-op or service, and a case study that lists no co-op', () => {
    const caseStudies = [
      { _raw: { sourceFilePath: 'work/ok.md' }, coops: ['outlandish'], services: ['hosting'] },
      { _raw: { sourceFilePath: 'work/typo.md' }, coops: ['outlandsh', 'outlandish'], services: ['hostin'] },
      { _raw: { sourceFilePath: 'work/nobody.md' }, coops: [] },
    ];
    expect(unknownCaseStudyReferences(caseStudies, ['outlandish'], ['hosting'])).toEqual([
      'content/work/typo.md: unknown co-op "outlandsh" (no content/coops/outlandsh.md)',
      'content/work/typo.md: unknown service "hostin" (no content/services/hostin.md)',
      'content/work/nobody.md: lists no co-op (coops needs the slug of at least one file in content/coops/)',
    ]);
  });
});
