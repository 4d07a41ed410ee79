import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  checkBuildOutput,
  clientModules,
  layoutHtmlClassName,
  layoutStylesheets,
  prerenderedRoutes,
  proxyMatchers,
  revalidationKey,
  routeOutputFiles,
} from './next-build.ts';

// The files of a build that the site reads, in miniature, each in the shape Next.js 16 writes it (fields the site
// does not read are left out, as the checks ignore them).
const page = (srcRoute: string) => ({ routeType: 'page', initialRevalidateSeconds: false, srcRoute });
const rscManifest = (route: string, modules: string[]) =>
  `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
  `globalThis.__RSC_MANIFEST[${JSON.stringify(`${route}/page`)}] = ${JSON.stringify({
    moduleLoading: { prefix: '' },
    clientModules: Object.fromEntries(modules.map((module) => [module, { id: 1, chunks: [] }])),
    entryCSSFiles: { '[project]/app/layout': [{ path: 'static/chunks/0site.css', inlined: false }] },
  })};`;
const routes = {
  '/': page('/'),
  '/about': { ...page('/[slug]'), dataRoute: '/about.rsc' },
  '/robots.txt': { routeType: 'route', initialRevalidateSeconds: false, srcRoute: '/robots.txt', dataRoute: null },
};
const build: Record<string, string> = {
  'required-server-files.json': JSON.stringify({ version: 1, config: { basePath: '', assetPrefix: '' } }),
  'prerender-manifest.json': JSON.stringify({
    version: 4,
    routes,
    dynamicRoutes: {},
    preview: { previewModeId: 'k3y' },
  }),
  'routes-manifest.json': JSON.stringify({
    headers: [{ source: '/:path*', regex: '^/.*$', headers: [{ key: 'x-content-type-options', value: 'nosniff' }] }],
  }),
  'server/functions-config-manifest.json': JSON.stringify({
    version: 1,
    functions: { '/_middleware': { runtime: 'nodejs', matchers: [{ regexp: '^/admin$', originalSource: '/admin' }] } },
  }),
  'server/middleware-manifest.json': JSON.stringify({ version: 3, middleware: {}, functions: {} }),
  'server/app/index.html':
    '<!DOCTYPE html><html lang="en-GB" class="uXw2zq_variable"><body><h1>Home</h1></body></html>',
  'server/app/index.meta': JSON.stringify({ headers: { 'x-nextjs-prerender': '1' } }),
  'server/app/page_client-reference-manifest.js': rscManifest('', ['[project]/components/site-nav.tsx']),
  'server/app/about.html': '<h1>About</h1>',
  'server/app/about.meta': JSON.stringify({ headers: { 'x-nextjs-prerender': '1' } }),
  'server/app/[slug]/page_client-reference-manifest.js': rscManifest('/[slug]', []),
  'server/app/robots.txt.body': 'User-Agent: *\n',
  'server/app/robots.txt.meta': JSON.stringify({ status: 200, headers: { 'content-type': 'text/plain' } }),
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes `files` as a build output (a `.next` folder in a new directory) and returns its path. */
function writeBuild(files: Record<string, string | undefined>): string {
  const root = mkdtempSync(join(tmpdir(), 'cotech-next-build-'));
  dirs.push(root);
  const distDir = join(root, '.next');
  for (const [file, text] of Object.entries(files)) {
    if (text === undefined) continue;
    mkdirSync(dirname(join(distDir, file)), { recursive: true });
    writeFileSync(join(distDir, file), text);
  }
  return distDir;
}

describe('the build output as Next.js 16 writes it', () => {
  it('passes the shape check, and reads as the site expects', () => {
    const distDir = writeBuild(build);
    expect(() => checkBuildOutput(distDir)).not.toThrow();
    expect(Object.keys(prerenderedRoutes(distDir))).toEqual(['/', '/about', '/robots.txt']);
    expect(proxyMatchers(distDir).map(({ path }) => String(path))).toEqual(['/^\\/admin$/']);
    expect(clientModules(distDir, '/')).toEqual(['[project]/components/site-nav.tsx']);
    expect(revalidationKey(distDir)).toBe('k3y');
    expect(layoutStylesheets(distDir)).toEqual(['/_next/static/chunks/0site.css']);
    expect(layoutHtmlClassName(distDir)).toBe('uXw2zq_variable');
  });

  it("names the files a route's output is in, a page's RSC payload among them", () => {
    const distDir = writeBuild(build);
    const { '/about': about, '/robots.txt': robots } = prerenderedRoutes(distDir);
    if (!about || !robots) throw new Error('the fixture has /about and /robots.txt');
    const app = join(distDir, 'server/app');
    expect(routeOutputFiles(distDir, '/about', about)).toEqual({
      body: join(app, 'about.html'),
      meta: join(app, 'about.meta'),
      data: join(app, 'about.rsc'),
    });
    expect(routeOutputFiles(distDir, '/robots.txt', robots)).toEqual({
      body: join(app, 'robots.txt.body'),
      meta: join(app, 'robots.txt.meta'),
    });
  });

  it('fails to give the revalidation key when the manifest keeps it elsewhere, naming the file and where', () => {
    const distDir = writeBuild({ ...build, 'prerender-manifest.json': JSON.stringify({ routes, previewModeId: 'k' }) });
    expect(() => revalidationKey(distDir)).toThrow(
      `${join(distDir, 'prerender-manifest.json')} is not as expected (preview: `,
    );
  });
});

const routesWith = (about: object) => JSON.stringify({ routes: { ...routes, '/about': about } });

// Each a change a Next.js upgrade could make, the file it is in, and where in it the check finds it.
const changes: [string, Record<string, string | undefined>, string, string][] = [
  [
    'a renamed revalidation field',
    { 'prerender-manifest.json': routesWith({ routeType: 'page', revalidate: false }) },
    'prerender-manifest.json',
    'routes./about.initialRevalidateSeconds',
  ],
  [
    'a new kind of route',
    { 'prerender-manifest.json': routesWith({ routeType: 'app-page', initialRevalidateSeconds: false }) },
    'prerender-manifest.json',
    'routes./about.routeType',
  ],
  [
    'header rules kept elsewhere',
    { 'routes-manifest.json': JSON.stringify({ headers: { rules: [] } }) },
    'routes-manifest.json',
    'headers',
  ],
  [
    'settings without basePath',
    { 'required-server-files.json': JSON.stringify({ config: { assetPrefix: '' } }) },
    'required-server-files.json',
    'config.basePath',
  ],
  [
    "the proxy's matchers as strings",
    {
      'server/functions-config-manifest.json': JSON.stringify({ functions: { '/_middleware': { matchers: ['/a'] } } }),
    },
    'server/functions-config-manifest.json',
    'functions./_middleware.matchers.0',
  ],
  [
    'an edge proxy without matchers',
    { 'server/middleware-manifest.json': JSON.stringify({ middleware: { '/': { files: [] } } }) },
    'server/middleware-manifest.json',
    'middleware./.matchers',
  ],
  [
    "a route's headers as a list",
    { 'server/app/robots.txt.meta': JSON.stringify({ status: 200, headers: [['content-type', 'text/plain']] }) },
    'server/app/robots.txt.meta',
    'headers',
  ],
  [
    'client modules renamed',
    {
      'server/app/[slug]/page_client-reference-manifest.js': rscManifest('/[slug]', []).replace(
        'clientModules',
        'modules',
      ),
    },
    'server/app/[slug]/page_client-reference-manifest.js',
    '/[slug]/page.clientModules',
  ],
  [
    "the layout's stylesheet inlined into the pages",
    {
      'server/app/page_client-reference-manifest.js': rscManifest('', []).replace('"inlined":false', '"inlined":true'),
    },
    'server/app/page_client-reference-manifest.js',
    '/page.entryCSSFiles.[project]/app/layout.0.inlined',
  ],
  [
    'stylesheets kept elsewhere',
    {
      'server/app/page_client-reference-manifest.js': rscManifest('', []).replace('entryCSSFiles', 'cssFiles'),
    },
    'server/app/page_client-reference-manifest.js',
    '/page.entryCSSFiles',
  ],
  ['a manifest that is not JSON', { 'routes-manifest.json': 'module.exports = {}' }, 'routes-manifest.json', ''],
];

describe('checkBuildOutput', () => {
  it.each(changes)('fails on %s, naming the file and where in it', (_, changed, file, where) => {
    const distDir = writeBuild({ ...build, ...changed });
    const message = `${join(distDir, file)} is not ${where ? `as expected (${where}: ` : 'JSON'}`;
    expect(() => checkBuildOutput(distDir)).toThrow(message);
    expect(() => checkBuildOutput(distDir)).toThrow(/Next\.js's build output changed shape/);
  });

  it('fails when a prerendered page is not where the build writes pages', () => {
    const distDir = writeBuild({ ...build, 'server/app/about.html': undefined, 'server/app/about/index.html': '' });
    expect(() => checkBuildOutput(distDir)).toThrow(
      `${join(distDir, 'prerender-manifest.json')} lists /about, but ${join(distDir, 'server/app/about.html')} is missing`,
    );
  });

  it("fails when the home page's manifest names no stylesheet for the root layout", () => {
    const file = 'server/app/page_client-reference-manifest.js';
    const distDir = writeBuild({ ...build, [file]: rscManifest('', []).replace('[project]/app/layout', 'layout') });
    expect(() => checkBuildOutput(distDir)).toThrow(
      `${join(distDir, file)} names no stylesheet for [project]/app/layout: Next.js's build output changed shape.`,
    );
  });

  it("fails when the home page's <html> has no class, the font's variable", () => {
    const distDir = writeBuild({ ...build, 'server/app/index.html': '<html lang="en-GB"><h1>Home</h1></html>' });
    expect(() => checkBuildOutput(distDir)).toThrow(
      `${join(distDir, 'server/app/index.html')} has no <html> element with a class: Next.js's build output changed shape.`,
    );
  });

  it('says to build first when there is no build', () => {
    const distDir = join(tmpdir(), 'cotech-no-such-build');
    expect(() => checkBuildOutput(distDir)).toThrow(`is missing: run \`npm run build\` first`);
  });
});

describe('npm run build', () => {
  it('fails at its last step, naming the file, when the build output changed shape', () => {
    const distDir = writeBuild({ ...build, 'prerender-manifest.json': routesWith({ routeType: 'page' }) });
    // scripts/strip-runtime.ts as the build runs it, in a project whose `next build` wrote that output.
    const step = spawnSync(
      process.execPath,
      [
        '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
        fileURLToPath(new URL('../scripts/strip-runtime.ts', import.meta.url)),
      ],
      { cwd: dirname(distDir), encoding: 'utf8' },
    );
    expect(step.status).toBe(1);
    // One line, naming the file and the field.
    expect(step.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^scripts\/strip-runtime\.ts: \.next\/prerender-manifest\.json is not as expected \(routes\.\/about\.initialRevalidateSeconds: .+\): Next\.js's build output changed shape\./,
      ),
    ]);
  });
});
