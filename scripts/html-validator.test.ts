import { afterEach, describe, expect, it } from 'vitest';
import { formatErrors, javaMissing, validateHtml } from './html-validator.ts';

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Test</title></head><body>${body}</body></html>`;

describe('validateHtml', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('reports each error of each document with its message and place, and nothing for a valid one', async () => {
    const errors = await validateHtml({
      '/skipped-level': page('<main><h1>Members</h1>\n<h3>Agile Collective</h3></main>'),
      '/duplicate-id': page('<main><h1 id="top">About</h1><p id="top">Twice</p></main>'),
      '/valid': page('<main><h1>Members</h1><h2>Co-ops</h2><h3>Agile Collective</h3></main>'),
    });

    expect(errors).toEqual({
      '/skipped-level': [
        expect.objectContaining({
          message:
            'The heading “h3” (with computed level 3) follows the heading “h1” (with computed level 1), skipping 1 heading level.',
          line: 2,
        }),
      ],
      '/duplicate-id': [expect.objectContaining({ message: 'Duplicate ID “top”.', line: 1 })],
      '/valid': [],
    });
    expect(formatErrors(errors)).toEqual([
      expect.stringMatching(/^\/skipped-level:2:\d+: The heading “h3” .* skipping 1 heading level\.$/),
      expect.stringMatching(/^\/duplicate-id:1:\d+: Duplicate ID “top”\.$/),
    ]);
  });

  it('says in one line how to install Java when there is none', async () => {
    process.env.PATH = '';
    await expect(validateHtml({ '/': page('<h1>Home</h1>') })).rejects.toThrow(javaMissing);
    expect(javaMissing).not.toContain('\n');
    expect(javaMissing).toContain('apt-get install -y default-jre-headless');
  });
});
