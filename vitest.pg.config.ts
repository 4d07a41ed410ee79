import { globSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import base from './vitest.config';

// The storage tests again, against the PostgreSQL server in TEST_DATABASE_URL (`.ci/run` starts one), plus the
// tests that need a server several processes share (they run the built site, built first if it is not current).
const url = process.env.TEST_DATABASE_URL;
if (!url) throw new Error('Set TEST_DATABASE_URL=postgres://… to run the PostgreSQL tests');

// The storage tests are every test on the shared test database (test/database.ts), found rather than listed, so a
// test that moves or is added still runs here; and the tests written for PostgreSQL alone (*.pg.test.ts).
const storageTests = globSync('{app,lib,server,scripts}/**/*.test.ts').filter(
  (file) => !file.endsWith('.pg.test.ts') && readFileSync(file, 'utf8').includes("from '@/test/database'"),
);
if (storageTests.length === 0) throw new Error('No test imports @/test/database: the PostgreSQL suite would be empty');

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    // e2e/life/day.pg.test.ts: the life suite's day on two instances (issue 30).
    include: [...storageTests, '{app,lib,server,scripts,e2e}/**/*.pg.test.ts'],
    exclude: ['node_modules/**'],
    env: { DATABASE_URL: url, TEST_DATABASE_URL: url },
    globalSetup: ['test/built-site.ts'],
    // One database for every file: run them one after another.
    fileParallelism: false,
    reporters: ['default', ['json', { outputFile: 'test-results/unit-pg.json' }]],
  },
});
