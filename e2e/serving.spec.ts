import { prerenderedRoutes } from '@/server/next-build';
import { expect, pagePaths, signedInHeaders, test } from './site';

// server/server.ts answers plain requests for prerendered pages and files from memory; these check that it
// answers them as Next.js would, and leaves the App Router's own requests to Next.js.

test('a prerendered page is sent compressed, revalidates by ETag and answers HEAD', async ({ request }) => {
  const plain = await request.get('/about', { headers: { 'accept-encoding': 'identity' } });
  expect(plain.status()).toBe(200);
  expect(plain.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(plain.headers()['content-encoding']).toBeUndefined();
  const html = await plain.text();
  expect(html).toContain('<h1');
  expect(Number(plain.headers()['content-length'])).toBe(Buffer.byteLength(html));

  const gzipped = await request.get('/about', { headers: { 'accept-encoding': 'gzip' } });
  expect(gzipped.headers()['content-encoding']).toBe('gzip');
  expect(gzipped.headers()['vary']).toContain('Accept-Encoding');
  expect(await gzipped.text()).toBe(html);

  const etag = plain.headers()['etag'] ?? '';
  expect(etag).toMatch(/^".+"$/);
  const unchanged = await request.get('/about', { headers: { 'if-none-match': etag } });
  expect(unchanged.status()).toBe(304);
  expect(await unchanged.body()).toHaveLength(0);
  const otherPage = await request.get('/join', { headers: { 'if-none-match': etag } });
  expect(otherPage.status()).toBe(200);

  const head = await request.head('/about', { headers: { 'accept-encoding': 'identity' } });
  expect(head.status()).toBe(200);
  expect(head.headers()['content-length']).toBe(plain.headers()['content-length']);
  expect(await head.body()).toHaveLength(0);
});

test('every page and file the build prerendered is sent from memory, not through Next.js', async ({ request }) => {
  // Next.js's own pages (/_not-found, /_global-error) are Next.js's to answer. Every other prerendered path is
  // public and the same for everyone; proxy.ts runs on those only for requests with a body or a percent sign.
  const built = Object.keys(prerenderedRoutes()).filter((path) => !path.startsWith('/_'));
  expect(built.length).toBeGreaterThan(250);
  const throughNextJs: string[] = [];
  for (const path of built) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    // Next.js marks what it answers from its cache; server/server.ts sends the build's bytes with the build's headers.
    if (Object.keys(response.headers()).some((name) => name.startsWith('x-nextjs-'))) throughNextJs.push(path);
  }
  expect(throughNextJs).toEqual([]);
});

test('prerendered files keep their own types', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.headers()['content-type']).toContain('text/plain');
  expect(await robots.text()).toContain('Sitemap:');
  const card = await request.get('/opengraph-image');
  expect(card.headers()['content-type']).toBe('image/png');
  expect((await card.body()).subarray(1, 4).toString()).toBe('PNG');
});

test("Next.js's own prerendered pages answer as Next.js answers them", async ({ request }) => {
  for (const path of ['/_not-found', '/_global-error']) {
    const direct = await request.get(path);
    const throughNext = await request.get(`${path}?through=next`);
    expect(direct.status(), path).toBe(throughNext.status());
    expect(direct.status(), path).not.toBe(200);
  }
});

test('the App Router still gets RSC payloads for the same URLs', async ({ request }) => {
  const payload = await request.get('/about', { headers: { rsc: '1' } });
  expect(payload.status()).toBe(200);
  expect(payload.headers()['content-type']).toContain('text/x-component');
});

test('public pages are sent without the React runtime, and the admin keeps it', async ({ request }) => {
  // Through memory and through Next.js (a query string), pages and the 404: only the site's own scripts.
  for (const path of [...pagePaths, '/join/thanks', '/members?service=hosting', '/no-such-page']) {
    const html = await (await request.get(path)).text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes ?? '');
    const ownScript = /^ type="module" src="\/scripts\/[\w-]+\.js" async=""$/;
    expect(
      scripts.filter((attributes) => !ownScript.test(attributes)),
      path,
    ).toEqual([]);
    expect(html, path).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
  }
  const admin = await request.get('/admin/enquiries', { headers: await signedInHeaders(request) });
  expect(await admin.text()).toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
});
