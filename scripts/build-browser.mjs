// Bundles the public pages' own scripts, `components/**/*.browser.ts`, into `public/scripts/<name>.js` (see
// components/browser-script.tsx). `--watch` rebuilds them on change, for `npm run dev`.
// It also copies Decap CMS's prebuilt bundle into `public/cms/`, for the CMS's page alone (lib/cms/page.ts): the site
// serves it itself, with no CDN. Its chunks load from beside it; its source maps (25 MB) are left out.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

function copyDecap() {
  const dist = dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
  mkdirSync('public/cms', { recursive: true });
  for (const name of readdirSync(dist)) {
    if (/^(\d+\.)?decap-cms\.js$|\.wasm$|^decap-cms\.js\.LICENSE\.txt$/.test(name)) {
      copyFileSync(join(dist, name), join('public/cms', name));
    }
  }
}

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

copyDecap();
if (process.argv.includes('--watch')) await (await esbuild.context(options)).watch();
else await esbuild.build(options);
