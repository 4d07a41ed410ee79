import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./test-summary.mjs', import.meta.url));
const cwd = mkdtempSync(join(tmpdir(), 'cotech-summary-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

// Reports in the shape vitest's and Playwright's JSON reporters write (trimmed to the fields the script reads).
const vitest = {
  numPassedTests: 3,
  numFailedTests: 1,
  testResults: [
    {
      name: join(cwd, 'lib/a.test.ts'),
      status: 'failed',
      message: '',
      assertionResults: [
        { fullName: 'a passes', status: 'passed', failureMessages: [] },
        { fullName: 'a breaks', status: 'failed', failureMessages: ['AssertionError: expected 1 to be 2\n    at …'] },
      ],
    },
    // An error in beforeAll: the file failed, its tests skipped.
    {
      name: join(cwd, 'lib/b.pg.test.ts'),
      status: 'failed',
      message: '',
      assertionResults: [{ fullName: 'b waits', status: 'skipped', failureMessages: [] }],
    },
  ],
};
const playwright = {
  stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 0 },
  suites: [
    {
      title: 'join.spec.ts',
      specs: [],
      suites: [
        {
          title: 'the join form',
          specs: [
            {
              title: 'sends',
              tests: [
                { projectName: 'chromium', status: 'unexpected', results: [{ errors: [{ message: 'Timeout' }] }] },
              ],
            },
            {
              title: 'keeps values',
              tests: [
                { projectName: 'chromium', status: 'flaky', results: [{ error: { message: 'Error: first try' } }] },
              ],
            },
            { title: 'is fine', tests: [{ projectName: 'chromium', status: 'expected', results: [{}] }] },
          ],
        },
      ],
    },
  ],
};

describe('the CI summary (scripts/test-summary.mjs)', () => {
  it('names each failure, counts a file that failed before its tests as one, and ends with the totals', () => {
    mkdirSync(join(cwd, 'test-results'));
    writeFileSync(join(cwd, 'test-results/unit.json'), JSON.stringify(vitest));
    writeFileSync(join(cwd, 'test-results/e2e.json'), JSON.stringify(playwright));
    const run = spawnSync(process.execPath, [script], { cwd, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout.trim().split('\n').sort()).toEqual(
      [
        'failed: lib/a.test.ts > a breaks: AssertionError: expected 1 to be 2',
        'failed: lib/b.pg.test.ts: failed before its tests ran (its error is above)',
        'failed: join.spec.ts > the join form > sends [chromium] (unexpected): Timeout',
        'failed: join.spec.ts > the join form > keeps values [chromium] (flaky): Error: first try',
        'tests: 8 passed, 4 failed',
      ].sort(),
    );
    expect(run.stdout.trim().split('\n').at(-1)).toBe('tests: 8 passed, 4 failed');
  });
});
