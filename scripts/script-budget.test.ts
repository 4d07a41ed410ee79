import { describe, expect, it } from 'vitest';
import { describeScripts, overBudget } from './script-budget';

const filter = { file: '/scripts/member-filter.js', gzipBytes: 1123 };

describe('overBudget', () => {
  it('passes a page within its budget, or exactly at it', () => {
    expect(overBudget('/members', [filter], 1.2)).toBeUndefined();
    expect(overBudget('/members', [{ ...filter, gzipBytes: 1200 }], 1.2)).toBeUndefined();
    expect(overBudget('/about', [], 0)).toBeUndefined();
  });

  it('fails a page over its budget, naming the page, each script and the budget', () => {
    const runtime = { file: '/_next/static/chunks/main.js', gzipBytes: 45_600 };
    expect(overBudget('/members', [filter, runtime], 1.2)).toBe(
      '/members downloads 46.7 kB (/scripts/member-filter.js 1.1, /_next/static/chunks/main.js 45.6) of script, ' +
        'gzipped: over its budget of 1.2 kB',
    );
    expect(overBudget('/members', [{ ...filter, gzipBytes: 1201 }], 1.2)).toMatch(/^\/members downloads 1\.2 kB/);
  });

  it('fails a content page with any script at all, even one that rounds to 0.0 kB', () => {
    expect(overBudget('/about', [{ file: '/tiny.js', gzipBytes: 20 }], 0)).toBe(
      '/about downloads 0.0 kB (/tiny.js 0.0) of script, gzipped: over its budget of 0 kB',
    );
  });
});

describe('describeScripts', () => {
  it('sums the files and lists each, or says 0 kB for none', () => {
    expect(describeScripts([filter])).toBe('1.1 kB (/scripts/member-filter.js 1.1)');
    expect(describeScripts([])).toBe('0.0 kB');
  });
});
