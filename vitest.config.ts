import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { settingNames } from './lib/settings';

// Tests must not depend on the shell that runs them: the variables the site reads (every one lib/settings.ts
// parses) are removed here, before the test workers start (they inherit this process's environment), so a
// developer's ADMIN_EMAILS or DATABASE_URL changes nothing. A test that needs one sets it itself, and `test.env`
// below sets what every test shares.
for (const name of settingNames) delete process.env[name];
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
