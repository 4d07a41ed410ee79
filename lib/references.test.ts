import { describe, expect, it } from 'vitest';
import { unknownReferences } from './references';

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
