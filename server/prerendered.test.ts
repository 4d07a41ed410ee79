import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalStatuses } from '../lib/http/refusal-pages.ts';
import { acceptsHtml, loadPrerendered, loadRefusalPages, servePrerendered } from './prerendered.ts';

// A build output in miniature: what Next.js writes for prerendered pages and route files, and for proxy.ts.
// `/:path*` compiled, as the build records it.
const anyPath =
  '^(?:\\/(_next\\/data\\/[^/]{1,}))?(?:\\/((?:[^\\/#\\?]+?)(?:\\/(?:[^\\/#\\?]+?))*))?(\\.json|\\.rsc|\\.segments\\/.+\\.segment\\.rsc)?[\\/#\\?]?$';
const html = '<!DOCTYPE html><html><body><h1>About CoTech</h1></body></html>'.repeat(20);
const page = { routeType: 'page', initialRevalidateSeconds: false };
const files: Record<string, string> = {
  'prerender-manifest.json': JSON.stringify({
    routes: {
      '/': page,
      '/about': page,
      '/admin/help': page,
      '/_not-found': { ...page, initialStatus: 404 },
      '/_global-error': page,
      '/news': { ...page, initialRevalidateSeconds: 60 },
      '/robots.txt': { routeType: 'route', initialRevalidateSeconds: false },
      '/preview': page,
    },
  }),
  // next.config.ts's headers() as the build records them: the real rule for `/:path*`, and one with a condition.
  'routes-manifest.json': JSON.stringify({
    headers: [
      {
        source: '/:path*',
        regex: '^(?:/((?:[^/]+?)(?:/(?:[^/]+?))*))?(?:/)?$',
        headers: [{ key: 'X-Content-Type-Options', value: 'nosniff' }],
      },
      {
        source: '/preview',
        regex: '^/preview(?:/)?$',
        has: [{ type: 'cookie', key: 'draft' }],
        headers: [{ key: 'Cache-Control', value: 'no-store' }],
      },
    ],
  }),
  // proxy.ts's matchers as the build records them: a path it always runs on, the real `/:path*` for requests with
  // a body, and conditions of each other kind a matcher can hold.
  'server/functions-config-manifest.json': JSON.stringify({
    functions: {
      '/_middleware': {
        matchers: [
          { regexp: '^\\/admin(?:\\/.*)?$' },
          { regexp: anyPath, has: [{ type: 'header', key: 'content-length' }] },
          { regexp: anyPath, has: [{ type: 'header', key: 'transfer-encoding' }] },
          { regexp: '^\\/$', missing: [{ type: 'header', key: 'x-from-cdn' }] },
          { regexp: '^\\/robots\\.txt$', has: [{ type: 'cookie', key: 'preview', value: 'on|yes' }] },
          { regexp: '^\\/about$', has: [{ type: 'host', value: 'admin\\.example' }] },
        ],
      },
    },
  }),
  'server/app/index.html': '<h1>Home</h1>',
  'server/app/about.html': html,
  'server/app/admin/help.html': '<h1>Admin help</h1>',
  'server/app/_not-found.html': '<h1>Not found</h1>',
  'server/app/_global-error.html': '<h1>Error</h1>',
  'server/app/news.html': '<h1>News</h1>',
  'server/app/preview.html': '<h1>Preview</h1>',
  'server/app/robots.txt.body': 'User-Agent: *\nAllow: /\n',
  'server/app/robots.txt.meta': JSON.stringify({
    status: 200,
    headers: { 'content-type': 'text/plain', 'cache-control': 'public, max-age=0, must-revalidate' },
  }),
};

const distDirs: string[] = [];
function writeBuild(build: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cotech-prerendered-'));
  distDirs.push(dir);
  for (const [file, text] of Object.entries(build)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}

let distDir: string;
let server: Server;
let port: number;

beforeAll(async () => {
  distDir = writeBuild(files);
  const responses = loadPrerendered(distDir);
  // What is not sent from memory reaches this stand-in for Next.js.
  server = createServer((request, response) => {
    if (!servePrerendered(request, response, responses)) response.end('next.js');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  for (const dir of distDirs) rmSync(dir, { recursive: true, force: true });
});

/** One raw HTTP exchange (fetch would decompress and hide the encoding). */
function send(path: string, options: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, ...options }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      });
      request.on('error', reject).end();
    },
  );
}

describe('loadPrerendered', () => {
  it('keeps only what never changes and needs no proxy: static pages and files', () => {
    expect([...loadPrerendered(distDir).keys()].sort()).toEqual(['/', '/about', '/robots.txt']);
  });

  it('refuses a build whose header rules changed shape, rather than send pages without them', () => {
    // As if a Next.js upgrade renamed `regex`: every rule would match nothing, and every page go without headers.
    const renamed = JSON.stringify({ headers: [{ source: '/:path*', pattern: '^/.*$', headers: [] }] });
    const changed = writeBuild({ ...files, 'routes-manifest.json': renamed });
    expect(() => loadPrerendered(changed)).toThrow(
      `${join(changed, 'routes-manifest.json')} is not as expected (headers.0.regex: `,
    );
  });
});

describe('servePrerendered', () => {
  it('sends a page as Next.js would: HTML, cacheable, varying on the router headers', async () => {
    const { status, headers, body } = await send('/about');
    expect(status).toBe(200);
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
    expect(headers['cache-control']).toBe('s-maxage=31536000');
    expect(headers.vary).toContain('rsc');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(body.toString()).toBe(html);
    expect(Number(headers['content-length'])).toBe(body.length);
  });

  it('gzips for clients that accept it, and not for those that refuse it', async () => {
    const gzipped = await send('/about', { headers: { 'accept-encoding': 'br, gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(html);
    const refused = await send('/about', { headers: { 'accept-encoding': 'gzip;q=0, identity' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(html);
  });

  it('answers a matching If-None-Match with 304 and HEAD with headers only', async () => {
    const { headers } = await send('/about');
    const etag = String(headers.etag);
    expect((await send('/about', { headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await send('/about', { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
    const head = await send('/about', { method: 'HEAD' });
    expect(head.headers['content-length']).toBe(headers['content-length']);
    expect(head.body).toHaveLength(0);
  });

  it('sends route files with their own type', async () => {
    const robots = await send('/robots.txt');
    expect(robots.headers['content-type']).toBe('text/plain');
    expect(robots.body.toString()).toContain('User-Agent');
    expect(robots.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['an RSC request', '/about', { headers: { rsc: '1' } }],
    ['a prefetch', '/about', { headers: { 'next-router-prefetch': '1' } }],
    ['a Server Action', '/about', { method: 'POST', headers: { 'next-action': 'abc' } }],
    ['a revalidation', '/about', { headers: { 'x-prerender-revalidate': 'secret' } }],
    ['a query string', '/about?page=2', {}],
    ['a path proxy.ts guards', '/admin/help', {}],
    ['a revalidated page', '/news', {}],
    ['a page whose headers depend on the request', '/preview', {}],
    ['the 404 page', '/_not-found', {}],
    ['an unknown path', '/nowhere', {}],
    ['a request with a body, which proxy.ts checks', '/about', { headers: { 'content-length': '0' } }],
    ['a chunked body', '/about', { headers: { 'transfer-encoding': 'chunked' } }],
    ['a request missing what a matcher says it must not miss', '/', {}],
    ['a request with a cookie of a matching value', '/robots.txt', { headers: { cookie: 'a=b; preview=yes' } }],
    ['a request to a matching host', '/about', { headers: { host: 'admin.example:3000' } }],
  ])('leaves %s to Next.js', async (_, path, options) => {
    expect((await send(path, options)).body.toString()).toBe('next.js');
  });

  it.each([
    ['a page whose matcher wants a header the request lacks', '/about', {}],
    ['a request with the header a matcher says it must miss', '/', { headers: { 'x-from-cdn': '1' } }],
    ['a cookie of another value', '/robots.txt', { headers: { cookie: 'preview=no' } }],
    ['another host', '/about', { headers: { host: 'www.example' } }],
  ])('sends %s from memory', async (_, path, options) => {
    expect((await send(path, options)).body.toString()).not.toBe('next.js');
  });
});

describe('loadRefusalPages', () => {
  // The refusal pages as the build writes them (app/refused/[status]), and the app's own 404.
  const refused = Object.fromEntries(refusalStatuses.map((status) => [`/refused/${status}`, page]));
  const build = (routes: Record<string, object>) => ({
    'prerender-manifest.json': JSON.stringify({
      routes: { '/_not-found': { ...page, initialStatus: 404 }, ...routes },
    }),
    'server/app/_not-found.html': '<h1>Page not found</h1>',
    ...Object.fromEntries(refusalStatuses.map((status) => [`server/app/refused/${status}.html`, `<h1>${status}</h1>`])),
  });

  it("reads the page for each of the server's refusals, and the 404, by status", () => {
    const pages = loadRefusalPages(writeBuild(build(refused)));
    expect([...pages.keys()].sort()).toEqual([400, 404, 411, 413, 414]);
    expect(pages.get(413)?.toString()).toBe('<h1>413</h1>');
    expect(pages.get(404)?.toString()).toBe('<h1>Page not found</h1>');
  });

  it('refuses a build without one, naming the page', () => {
    const without413 = Object.fromEntries(Object.entries(refused).filter(([path]) => path !== '/refused/413'));
    expect(() => loadRefusalPages(writeBuild(build(without413)))).toThrow(
      "The build has no page /refused/413, which answers a browser's request refused with 413.",
    );
  });
});

describe('acceptsHtml', () => {
  it('is true for what browsers send with a navigation or a form post', () => {
    expect(acceptsHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true);
    expect(acceptsHtml('TEXT/HTML; q=0.5')).toBe(true);
  });

  it('is false for clients that do not name HTML, or refuse it', () => {
    expect(acceptsHtml(undefined)).toBe(false);
    expect(acceptsHtml('*/*')).toBe(false);
    expect(acceptsHtml('application/json')).toBe(false);
    expect(acceptsHtml('text/html;q=0, */*')).toBe(false);
  });
});
