import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests must not depend on the shell that runs them: the variables the site reads are removed here, before the
// test workers start (they inherit this process's environment), so a developer's ADMIN_EMAILS or DATABASE_URL
// changes nothing. A test that needs one sets it itself, and `test.env` below sets what every test shares.
const siteVariables = [
  'ADMIN_EMAILS',
  'BETTER_AUTH_SECRET',
  'RETENTION_MONTHS',
  'SIGN_IN_CLIENT_LIMIT',
  'SIGN_IN_CLIENT_ADDRESS_LIMIT',
  'SIGN_IN_ADDRESS_HOURLY_LIMIT',
  'DATABASE_URL',
  'DATA_DIR',
  'SMTP_URL',
  'MAIL_FROM',
  'JOIN_NOTIFY_TO',
  'JOIN_RATE_LIMIT',
  'BRIEF_RATE_LIMIT',
  'TRUST_PROXY',
  'SITE_URL',
  'PORT',
  'HOSTNAME',
  'OUTBOX_POLL_MS',
  'OUTBOX_RETRY_SECONDS',
  'NEXT_MANUAL_SIG_HANDLE',
  'BACKUP_DIR',
  'BACKUP_INTERVAL_HOURS',
  'BACKUP_KEEP',
  'CONTENT_GIT_URL',
  'PROPOSALS_RETRY_SECONDS',
  'PROPOSALS_DAILY_LIMIT',
  'LINK_CHECK_DAYS',
  'LINK_CHECK_ALLOWED_NETWORKS',
];
for (const name of siteVariables) delete process.env[name];
// The servers tests start check no links: their traffic stays on loopback.
process.env.LINK_CHECK_DAYS = '0';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      'server-only': fileURLToPath(new URL('./test/empty.ts', import.meta.url)),
      'contentlayer/generated': fileURLToPath(new URL('./.contentlayer/generated', import.meta.url)),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'app/**/*.test.ts',
      'components/**/*.test.ts',
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
    ],
    exclude: ['lib/**/*.pg.test.ts', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['test/behind-our-server.ts'],
    env: { DATA_DIR: 'memory://' },
    testTimeout: 60_000,
    // Opening PGlite (Postgres in WASM) and migrating takes seconds on a busy two-core machine.
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: 'test-results/unit.json' }]],
  },
});
