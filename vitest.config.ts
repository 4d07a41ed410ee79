import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      'server-only': fileURLToPath(new URL('./test/empty.ts', import.meta.url)),
      'contentlayer/generated': fileURLToPath(new URL('./.contentlayer/generated', import.meta.url)),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts', 'server/**/*.test.ts'],
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
