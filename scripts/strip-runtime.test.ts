import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSettings, runtimeNeed, stripBuild, stripRuntime } from './strip-runtime.ts';

// What Next.js writes into a prerendered page, in miniature: the runtime's scripts and preloads, the inline
// bootstrap and RSC payload, and what must stay (styles, fonts, the page's own script, structured data).
const head =
  '<link rel="preload" href="/_next/static/media/inter.woff2" as="font" crossorigin="" type="font/woff2"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>' +
  '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>' +
  '<script src="/_next/static/chunks/main.js" async=""></script>' +
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>';
const body =
  '<h1>About CoTech</h1>' +
  '<script type="application/ld+json">{"@type":"Organization"}</script>' +
  '<script type="module" src="/scripts/member-filter.js" async=""></script>' +
  '<script id="_R_">(globalThis.TURBOPACK||[]).push({})</script>' +
  '<script>self.__next_f.push([1,"0:{}"])</script>';
const page = `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;
const kept =
  '<!DOCTYPE html><html><head>' +
  '<link rel="preload" href="/_next/static/media/inter.woff2" as="font" crossorigin="" type="font/woff2"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>' +
  '</head><body><h1>About CoTech</h1>' +
  '<script type="application/ld+json">{"@type":"Organization"}</script>' +
  '<script type="module" src="/scripts/member-filter.js" async=""></script>' +
  '</body></html>';

describe('stripRuntime', () => {
  it("takes out the framework's scripts and script preloads, and keeps everything else", () => {
    expect(stripRuntime(page)).toBe(kept);
  });

  it('leaves a page without scripts as it was', () => {
    expect(stripRuntime(kept)).toBe(kept);
  });
});

const nextLink = '[project]/node_modules/next/dist/client/app-dir/link.js';

describe('runtimeNeed', () => {
  it('lets a page go without the runtime when its client components only render', () => {
    expect(runtimeNeed(page, [nextLink, '[project]/components/site-nav.tsx'])).toBeUndefined();
  });

  it("keeps it for the site's own or a library's client components, naming them", () => {
    expect(runtimeNeed(page, [nextLink, '[project]/components/carousel.tsx'])).toBe(
      'client components [project]/components/carousel.tsx',
    );
    expect(runtimeNeed(page, ['[project]/node_modules/react-slick/lib/index.js'])).toContain('react-slick');
  });

  it('keeps it when content still waits for React to reveal it, or when nothing says what the page uses', () => {
    const streamed = '<div hidden id="S:0"><p>Later</p></div><template id="B:0"></template>';
    expect(runtimeNeed(streamed, [nextLink])).toBe('streamed content that React reveals');
    expect(runtimeNeed(page, undefined)).toBe('no client reference manifest');
  });
});

describe('stripBuild', () => {
  const manifest = (route: string, modules: string[]) =>
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\n` +
    `globalThis.__RSC_MANIFEST[${JSON.stringify(`${route}/page`)}] = ${JSON.stringify({
      clientModules: Object.fromEntries(modules.map((module) => [module, { chunks: [] }])),
    })};`;
  const settings = (config: Record<string, string>) =>
    JSON.stringify({ version: 1, config: { basePath: '', assetPrefix: '', ...config } });
  const pageRoute = (srcRoute: string) => ({ routeType: 'page', initialRevalidateSeconds: false, srcRoute });
  const build = (extra: Record<string, string> = {}, config: Record<string, string> = {}) => ({
    'required-server-files.json': settings(config),
    'prerender-manifest.json': JSON.stringify({
      routes: {
        '/': pageRoute('/'),
        '/about': pageRoute('/[slug]'),
        '/robots.txt': { routeType: 'route', initialRevalidateSeconds: false, srcRoute: '/robots.txt' },
        ...(extra['server/app/carousel.html'] && { '/carousel': pageRoute('/carousel') }),
      },
    }),
    'server/app/index.html': page,
    'server/app/page_client-reference-manifest.js': manifest('', [nextLink]),
    'server/app/about.html': page,
    'server/app/[slug]/page_client-reference-manifest.js': manifest('/[slug]', [nextLink]),
    'server/app/robots.txt.body': '<script>not a page</script>',
    ...extra,
  });
  const dirs: string[] = [];
  const write = (files: Record<string, string>) => {
    const distDir = join(mkdtempSync(join(tmpdir(), 'cotech-strip-')), '.next');
    dirs.push(dirname(distDir));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(distDir, file)), { recursive: true });
      writeFileSync(join(distDir, file), text);
    }
    return { distDir, read: (file: string) => readFileSync(join(distDir, file), 'utf8') };
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('rewrites every prerendered page, and nothing else', () => {
    const { distDir, read } = write(build());
    expect(stripBuild(distDir)).toEqual({ stripped: ['/', '/about'], standalone: undefined });
    expect(read('server/app/index.html')).toBe(kept);
    expect(read('server/app/about.html')).toBe(kept);
    expect(read('server/app/robots.txt.body')).toBe('<script>not a page</script>');
  });

  it('gives a standalone build the same pages', () => {
    const copy = (file: string) => [`standalone/.next/${file}`, page];
    const files = build(Object.fromEntries([copy('server/app/index.html'), copy('server/app/about.html')]), {
      output: 'standalone',
    });
    const { distDir, read } = write(files);
    expect(stripBuild(distDir).stripped).toEqual(['/', '/about']);
    expect(read('standalone/.next/server/app/about.html')).toBe(kept);
    expect(read('standalone/.next/server/app/index.html')).toBe(kept);
  });

  it('fails naming a page that needs the runtime, which the CSP would block, and writes nothing', () => {
    const { distDir, read } = write(
      build({
        'server/app/carousel.html': page,
        'server/app/carousel/page_client-reference-manifest.js': manifest('/carousel', [
          '[project]/components/carousel.tsx',
        ]),
      }),
    );
    expect(() => stripBuild(distDir)).toThrow(
      "These prerendered pages need the React runtime, which public pages' Content-Security-Policy does not allow: " +
        '/carousel (client components [project]/components/carousel.tsx)',
    );
    expect(read('server/app/about.html')).toBe(page);
  });

  it('fails when a stripped page still has an inline script: the output changed shape', () => {
    const { distDir } = write(build({ 'server/app/about.html': `${page}<SCRIPT>self.__next_f=[]</SCRIPT>` }));
    expect(() => stripBuild(distDir)).toThrow(
      "The strip left inline scripts in /about: Next.js's output changed shape.",
    );
  });
});

describe('buildSettings', () => {
  it('refuses basePath and assetPrefix, naming the setting', () => {
    for (const [setting, value] of [
      ['basePath', '/cotech'],
      ['assetPrefix', 'https://cdn.example'],
    ] as const) {
      const distDir = mkdtempSync(join(tmpdir(), 'cotech-settings-'));
      const config = { basePath: '', assetPrefix: '', [setting]: value };
      writeFileSync(join(distDir, 'required-server-files.json'), JSON.stringify({ config }));
      expect(() => buildSettings(distDir)).toThrow(`next.config sets ${setting} (${JSON.stringify(value)})`);
      rmSync(distDir, { recursive: true, force: true });
    }
  });

  it('says to build first when there is no build', () => {
    expect(() => buildSettings(join(tmpdir(), 'no-such-build'))).toThrow(/required-server-files\.json is missing/);
  });
});
