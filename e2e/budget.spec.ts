import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './site';

// What Chromium downloads in script files on a first visit, gzipped, against the budgets. Public pages are
// sent without the React runtime (scripts/strip-runtime.mjs); what they load is their own scripts
// (components/*.browser.ts). `npm run measure:js` runs just this test, which prints the figures.
const budgets = { '/': 100, '/about': 100, '/manifesto': 100, '/members': 100, '/join': 115, '/hire': 115 };

async function scriptSizes(page: Page, path: string): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  // Each body is read as it arrives, and all of them before the sizes are summed: on a busy machine a read can
  // finish after the network is idle.
  const reads: Promise<void>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    reads.push(
      response.body().then((body) => {
        sizes.set(new URL(response.url()).pathname, gzipSync(body).length / 1000);
      }),
    );
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  await Promise.all(reads);
  return sizes;
}

for (const [path, budget] of Object.entries(budgets)) {
  test(`${path} keeps to its JavaScript budget of ${budget} kB gzip`, async ({ page }) => {
    const sizes = await scriptSizes(page, path);
    const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
    const detail = [...sizes].map(([file, size]) => `${file} ${size.toFixed(1)}`).join(', ');
    console.log(`${path.padEnd(11)} ${sizes.size} scripts ${total.toFixed(1)} kB (budget ${budget} kB) ${detail}`);
    expect(total, detail).toBeLessThanOrEqual(budget);
  });
}
