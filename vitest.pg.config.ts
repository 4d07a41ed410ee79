import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The storage tests again, against the PostgreSQL server in TEST_DATABASE_URL (`.ci/run` starts one), plus the
// tests that need a server several processes share (they run the built site: `npm run build` first).
const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error('Set TEST_DATABASE_URL=postgres://… to run the PostgreSQL tests');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'lib/enquiries/join-handler.test.ts',
      'lib/enquiries/brief-handler.test.ts',
      'lib/enquiries/outbox.test.ts',
      'lib/enquiries/erasure.test.ts',
      'lib/auth/sign-in.test.ts',
      'lib/**/*.pg.test.ts',
    ],
    exclude: ['node_modules/**'],
    env: { DATABASE_URL: url, TEST_DATABASE_URL: url },
    // One database for every file: run them one after another.
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/unit-pg.json' }]],
  },
});
