import { defineConfig } from '@playwright/test';

// The life suite (e2e/life/, issue 30): one production site for the whole run, its own SMTP sink and content
// repositories, started by the suite itself: none of the main suite's webServers. `npm run test:life`.
export default defineConfig({
  testDir: 'e2e/life',
  testMatch: /\.spec\.ts$/,
  // A current production build, made here if there is none (`npm test` has made it already for the e2e suite).
  globalSetup: './test/built-site.ts',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  // Pages rendered while the cast loads the site, on a small machine: the browser's waits are longer than usual.
  expect: { timeout: 20_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/life.json' }]],
  // Not test-results/ itself: Playwright empties its outputDir, and the other runners report there too.
  outputDir: 'test-results/life-artifacts',
});
