// Bundles the public pages' own scripts, `components/**/*.browser.ts`, into `public/scripts/<name>.js` (see
// components/browser-script.tsx). `--watch` rebuilds them on change, for `npm run dev`.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as esbuild from 'esbuild';

const browserEntries = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return browserEntries(path);
    return entry.name.endsWith('.browser.ts') ? [{ in: path, out: basename(path, '.browser.ts') }] : [];
  });

const options = {
  entryPoints: browserEntries('components'),
  outdir: 'public/scripts',
  bundle: true,
  minify: true,
  format: 'esm',
  // The browsers Next.js builds for (next/dist/shared/lib/modern-browserslist-target.js).
  target: ['chrome111', 'edge111', 'firefox111', 'safari16.4'],
  // zod's production build, not its development checks.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'info',
};

if (process.argv.includes('--watch')) await (await esbuild.context(options)).watch();
else await esbuild.build(options);
