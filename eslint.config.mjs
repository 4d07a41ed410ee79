import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import prettier from 'eslint-config-prettier/flat';
import jsxA11y from 'eslint-plugin-jsx-a11y';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  // next's config registers jsx-a11y with a few rules; turn on its whole recommended set.
  { files: ['**/*.tsx'], rules: jsxA11y.flatConfigs.recommended.rules },
  { rules: { '@typescript-eslint/no-explicit-any': 'error' } },
  // Imports only look down: app/ → components/ → lib/ (README: How the code is laid out). lib/layers.test.ts shows
  // this rule failing on a backwards import, and checks that no two folders of lib/ import each other.
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './lib',
              from: ['./app', './components', './server'],
              message: 'lib/ holds what the app does and never imports app/, components/ or server/.',
            },
            {
              target: './components',
              from: ['./app', './server'],
              message: 'components/ import lib/, never app/ or server/.',
            },
          ],
        },
      ],
    },
  },
  prettier,
  globalIgnores([
    '.next/**',
    '.contentlayer/**',
    'public/scripts/**',
    'public/cms/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
  ]),
]);
