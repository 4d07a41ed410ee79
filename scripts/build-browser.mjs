// Bundles the public pages' own scripts into `public/scripts/<name>.js` (see components/browser-script.tsx):
// `components/**/*.browser.ts`, and one `<KIND>-form.js` for each kind of the enquiry registry
// (lib/enquiry-kinds/index.ts), which defines its form's element with that kind's description alone.
// `--watch` rebuilds them on change, for `npm run dev`.
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

/** The registry's kinds and the module each is described in (lib/enquiry-kinds/KIND.ts exports KINDKind). */
async function enquiryKinds() {
  const { outputFiles } = await esbuild.build({
    entryPoints: ['lib/enquiry-kinds/index.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    logLevel: 'error',
  });
  const registry = await import(
    `data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`
  );
  return registry.enquiryKindList.map((kind) => kind.kind);
}

/** Each kind's script, made here rather than written: `defineEnquiryForm` with the kind's own description. */
const kindForms = (kinds) => ({
  name: 'kind-forms',
  setup(build) {
    build.onResolve({ filter: /^kind-form:/ }, ({ path }) => ({ path, namespace: 'kind-form' }));
    build.onLoad({ filter: /.*/, namespace: 'kind-form' }, ({ path }) => {
      const kind = path.slice('kind-form:'.length);
      if (!kinds.includes(kind)) throw new Error(`${kind} is not a kind of enquiry`);
      return {
        contents:
          "import { defineEnquiryForm } from '@/lib/browser/enquiry-form-element';\n" +
          `import { ${kind}Kind } from '@/lib/enquiry-kinds/${kind}';\n` +
          `defineEnquiryForm(${kind}Kind);\n`,
        loader: 'ts',
        resolveDir: process.cwd(),
      };
    });
  },
});

const kinds = await enquiryKinds();
const options = {
  entryPoints: [
    ...browserEntries('components'),
    ...kinds.map((kind) => ({ in: `kind-form:${kind}`, out: `${kind}-form` })),
  ],
  plugins: [kindForms(kinds)],
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
