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
