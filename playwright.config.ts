import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './test/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
// `next dev`, for the test that development behaves as production does (e2e/*.dev.spec.ts).
const devPort = Number(process.env.E2E_DEV_PORT ?? 3101);
const devURL = `http://localhost:${devPort}`;
/** The CMS's local backend (decap-server), which e2e/cms.dev.spec.ts starts over a copy of the content. */
export const cmsBackendPort = Number(process.env.E2E_CMS_PORT ?? 3103);
/** The GitLab the production server's CMS is configured for; nothing connects to it in the tests. */
export const cmsGitlab = { url: 'https://git.example.coop', repo: 'cotech/website', appId: 'e2e-oauth-app' };
/**
 * The test server's first admins, from ADMIN_EMAILS: one per parallel worker (e2e/site.ts, workerAdmin), so two
 * workers never wait for sign-in links to the same address at once and take each other's.
 */
export const adminEmails = Array.from({ length: 4 }, (_, n) => `admin${n}@e2e.example`);
/**
 * Sign-in requests per client and address per 15 minutes on the test server: every test signs in from 127.0.0.1,
 * some as the same admin. The hourly cap per address is out of reach; lib/auth/sign-in.test.ts tests it.
 */
export const signInAddressLimit = 30;
// The SMTP sink the test server mails to (e2e/global-setup.ts): beside the servers' ports, 3102 by default.
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 3102);
/**
 * The content repository the test server pushes co-ops' proposals to (CONTENT_GIT_URL): git's own HTTP server
 * (test/git-server.ts), which e2e/global-setup.ts starts beside the SMTP sink.
 */
const gitPort = Number(process.env.E2E_GIT_PORT ?? 3104);
/** The co-op whose file the content repository holds: the one e2e/coop-contacts.spec.ts proposes changes to. */
export const proposalCoop = 'outlandish';
/** The co-op e2e/membership.spec.ts proposes has left the network: its file is in the content repository too. */
export const departingCoop = 'agile-collective';
// A fresh embedded database per run, and a fresh folder for the mail the sink receives (workers inherit the
// variables, so all agree on them).
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'cotech-e2e-'));
process.env.E2E_MAIL_DIR ??= mkdtempSync(join(tmpdir(), 'cotech-e2e-mail-'));
process.env.E2E_SMTP_PORT = String(smtpPort);
process.env.E2E_GIT_PORT = String(gitPort);
// The test servers (and the ones specs start themselves) check no links: their traffic stays on loopback.
process.env.LINK_CHECK_DAYS = '0';

// Playwright adds the webServer's env to the caller's environment: the site's other variables are emptied, so a
// developer's DATABASE_URL or SMTP_URL does not reach the test servers.
const ignoredFromShell = Object.fromEntries(
  [
    'ADMIN_EMAILS',
    'BETTER_AUTH_SECRET',
    'DATABASE_URL',
    'SMTP_URL',
    'MAIL_FROM',
    'JOIN_NOTIFY_TO',
    'TRUST_PROXY',
    'RETENTION_MONTHS',
    'CMS_GITLAB_BRANCH',
    'CONTENT_GIT_URL',
    'BACKUP_DIR',
    'LINK_CHECK_ALLOWED_NETWORKS',
  ].map((name) => [name, '']),
);

export default defineConfig({
  testDir: 'e2e',
  // Starts the SMTP sink the production server mails to, so tests can read sign-in links from it.
  globalSetup: './e2e/global-setup.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Not test-results/ itself: Playwright empties its outputDir, and the unit runners report there too.
  outputDir: 'test-results/e2e-artifacts',
  projects: [
    {
      name: 'chromium',
      // e2e/life/ is a suite of its own, with its own config (playwright.life.config.ts: `npm run test:life`).
      testIgnore: [
        /(lighthouse|lifecycle|backup|hostile-requests)\.spec\.ts/,
        /\.dev\.spec\.ts/,
        /[\\/]e2e[\\/]life[\\/]/,
      ],
    },
    // `next dev` compiles each page on its first request, which takes a while on a small machine and slows every
    // other test that runs beside it: the dev tests run after the browser tests (alone: `--project=dev --no-deps`).
    {
      name: 'dev',
      dependencies: ['chromium'],
      testMatch: /\.dev\.spec\.ts/,
      use: { baseURL: devURL },
      timeout: 180_000,
      expect: { timeout: 30_000 },
    },
    // These time the site: they run after the browser tests, one after the other, with the machine to themselves.
    // On their own: `npx playwright test --project=lifecycle --no-deps` (or hostile-requests, or lighthouse).
    { name: 'lifecycle', testMatch: /lifecycle\.spec\.ts/, dependencies: ['chromium', 'dev'] },
    // A backup of a running server (e2e/backup.spec.ts); alone: `npx playwright test --project=backup --no-deps`.
    { name: 'backup', testMatch: /backup\.spec\.ts/, dependencies: ['lifecycle'] },
    { name: 'hostile-requests', testMatch: /hostile-requests\.spec\.ts/, dependencies: ['backup'] },
    { name: 'lighthouse', testMatch: /lighthouse\.spec\.ts/, dependencies: ['hostile-requests'], fullyParallel: false },
  ],
  use: {
    baseURL,
    ...devices['Desktop Chrome'],
    launchOptions: chromiumLaunchOptions,
  },
  webServer: [
    {
      // The production site, built if needed by `npm start` for this SITE_URL.
      command: 'node --disable-warning=MODULE_TYPELESS_PACKAGE_JSON server/start.mjs',
      url: baseURL,
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'pipe',
      env: {
        ...ignoredFromShell,
        HOSTNAME: 'localhost',
        PORT: String(port),
        SITE_URL: baseURL,
        DATA_DIR: process.env.E2E_DATA_DIR,
        ADMIN_EMAILS: adminEmails.join(','),
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        OUTBOX_POLL_MS: '500',
        OUTBOX_RETRY_SECONDS: '1',
        // Every browser test posts from 127.0.0.1; the rate limits themselves are tested beside the handlers.
        JOIN_RATE_LIMIT: '1000',
        BRIEF_RATE_LIMIT: '1000',
        SIGN_IN_CLIENT_LIMIT: '1000',
        SIGN_IN_CLIENT_ADDRESS_LIMIT: String(signInAddressLimit),
        SIGN_IN_ADDRESS_HOURLY_LIMIT: '1000',
        CMS_GITLAB_URL: cmsGitlab.url,
        CMS_GITLAB_REPO: cmsGitlab.repo,
        CMS_GITLAB_APP_ID: cmsGitlab.appId,
        CONTENT_GIT_URL: `http://127.0.0.1:${gitPort}/content.git`,
        PROPOSALS_RETRY_SECONDS: '1',
        // Set to show a production server ignores it: the local backend is for `next dev` alone.
        CMS_LOCAL_BACKEND_PORT: String(cmsBackendPort),
      },
    },
    {
      // The development server, as `npm run dev` runs it (without watching): it writes to .next/dev, so it leaves
      // the production build alone, and keeps its enquiries in memory. The URL is a file from public/, which it
      // answers without compiling a page.
      command: `node scripts/build-browser.mjs && next dev --port ${devPort}`,
      url: `${devURL}/scripts/join-form.js`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        ...ignoredFromShell,
        SITE_URL: devURL,
        DATA_DIR: 'memory://',
        JOIN_RATE_LIMIT: '1000',
        NEXT_TELEMETRY_DISABLED: '1',
        CMS_LOCAL_BACKEND_PORT: String(cmsBackendPort),
      },
    },
  ],
});
