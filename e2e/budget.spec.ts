import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { describeScripts, overBudget, scriptBudgets, type ScriptDownload } from '../scripts/script-budget';
import { expect, memberFiles, test } from './site';

// What Chromium downloads in script files on a first visit, gzipped, against the budgets of scripts/script-budget.ts
// (where the figures are, and the check's own test). Public pages are sent without the React runtime
// (scripts/strip-runtime.ts); what they load is their own scripts (components/*.browser.ts).
// `npm run measure:js` runs just this test, which prints the figures.
const pages: [path: string, budget: keyof typeof scriptBudgets][] = [
  ['/', 'content'],
  ['/about', 'content'],
  ['/manifesto', 'content'],
  ['/work', 'content'],
  // A co-op's page, whichever comes first: they are all made by one route.
  [`/co-op/${memberFiles[0]?.slug}`, 'coopPage'],
  ['/members', 'memberFilter'],
  ['/join', 'form'],
  ['/hire', 'form'],
];

async function scriptDownloads(page: Page, path: string): Promise<ScriptDownload[]> {
  const downloads: ScriptDownload[] = [];
  // Each body is read as it arrives, and all of them before the sizes are summed: on a busy machine a read can
  // finish after the network is idle.
  const reads: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    reads.push(
      response.body().then((body) => {
        downloads.push({ file: new URL(response.url()).pathname, gzipBytes: gzipSync(body).length });
      }),
    );
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await Promise.all(reads);
  return downloads;
}

for (const [path, kind] of pages) {
  const budget = scriptBudgets[kind];
  test(`${path} keeps to its JavaScript budget of ${budget} kB gzip`, async ({ page }) => {
    const downloads = await scriptDownloads(page, path);
    console.log(`${path.padEnd(24)} ${describeScripts(downloads)} (budget ${budget} kB)`);
    expect(overBudget(path, downloads, budget)).toBeUndefined();
  });
}
