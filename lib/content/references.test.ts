import { describe, expect, it } from 'vitest';
import { describeProblem } from './problem';
import { unknownCaseStudyReferences, unknownReferences } from './references';

describe('unknownReferences', () => {
  it('names the file, the field and each unknown service or technology', () => {
    const coops = [
      { _raw: { sourceFilePath: 'coops/ok.md' }, services: ['hosting'], technologies: ['php'] },
      { _raw: { sourceFilePath: 'coops/typo.md' }, services: ['hostin', 'hosting'], technologies: ['pph'] },
      { _raw: { sourceFilePath: 'coops/empty.md' } },
    ];
    const problems = unknownReferences(coops, ['hosting'], ['php']);
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual([
      'content/coops/typo.md services',
      'content/coops/typo.md technologies',
    ]);
    expect(problems.map(describeProblem)).toEqual([
      'content/coops/typo.md: unknown service "hostin" in services (no content/services/hostin.md)',
      'content/coops/typo.md: unknown technology "pph" in technologies (no content/technologies/pph.md)',
    ]);
  });
});

describe('unknownCaseStudyReferences', () => {
  it('names the file, the field and each unknown co-op or service, and a case study that lists no co-op', () => {
    const caseStudies = [
      { _raw: { sourceFilePath: 'work/ok.md' }, coops: ['outlandish'], services: ['hosting'] },
      { _raw: { sourceFilePath: 'work/typo.md' }, coops: ['outlandsh', 'outlandish'], services: ['hostin'] },
      { _raw: { sourceFilePath: 'work/nobody.md' }, coops: [] },
    ];
    const problems = unknownCaseStudyReferences(caseStudies, ['outlandish'], ['hosting']);
    expect(problems.map(({ file, field }) => `${file} ${field}`)).toEqual([
      'content/work/typo.md coops',
      'content/work/typo.md services',
      'content/work/nobody.md coops',
    ]);
    expect(problems.map(describeProblem)).toEqual([
      'content/work/typo.md: unknown co-op "outlandsh" in coops (no content/coops/outlandsh.md)',
      'content/work/typo.md: unknown service "hostin" in services (no content/services/hostin.md)',
      'content/work/nobody.md: lists no co-op (coops needs the slug of at least one file in content/coops/)',
    ]);
  });
});
