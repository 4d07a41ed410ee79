import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { baseURL } from '@/playwright.config';

// The floors; the goal is 100 on all four.
const floors = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };
type Audit = {
  url: string;
  scores: Record<keyof typeof floors, number>;
  failing: string[];
  performanceRuns: number[];
};

// Lighthouse times the pages, so this runs in its own project after every other test (playwright.config.ts).
test('Lighthouse (mobile) on /, /about, /join and /hire: performance at least 95, the other three 100', async () => {
  test.setTimeout(240_000);
  // The script exits 1 under a floor; its JSON says by how much, so read that either way.
  const output = await promisify(execFile)('node', ['scripts/lighthouse.mjs', baseURL, '--json']).catch(
    (error: { stdout?: string; stderr?: string }) => ({ stdout: error.stdout ?? '', stderr: error.stderr ?? '' }),
  );
  expect(output.stdout, `Lighthouse printed no scores: ${output.stderr}`).not.toBe('');
  if (output.stderr) console.log(output.stderr.trim());
  const audits = JSON.parse(output.stdout) as Audit[];
  expect(audits.map(({ url }) => new URL(url).pathname)).toEqual(['/', '/about', '/join', '/hire']);
  for (const { url, scores, failing, performanceRuns } of audits) {
    // In the test log, so each CI run records the scores it measured.
    console.log(`Lighthouse ${url}: ${JSON.stringify(scores)}, performance per run ${performanceRuns.join(', ')}`);
    for (const [category, floor] of Object.entries(floors) as [keyof typeof floors, number][]) {
      expect(scores[category], `${url} ${category}; audits not passed: ${failing.join(', ')}`).toBeGreaterThanOrEqual(
        floor,
      );
    }
  }
});
