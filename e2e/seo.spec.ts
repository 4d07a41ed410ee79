import { expect, pagePaths, pngSize, test } from './site';

test('sitemap.xml lists the absolute URL of every page', async ({ request, baseURL }) => {
  const response = await request.get('/sitemap.xml');
  expect(response.status()).toBe(200);
  const xml = await response.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]);
  expect(locs.sort()).toEqual(pagePaths.map((path) => `${baseURL}${path}`).sort());
});

test('robots.txt allows crawling and points to the sitemap', async ({ request, baseURL }) => {
  const text = await (await request.get('/robots.txt')).text();
  expect(text).toContain('Allow: /');
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
});

for (const path of pagePaths) {
  test(`${path} carries canonical and link-preview meta with a 1200×630 PNG`, async ({ page, request, baseURL }) => {
    await page.goto(path);
    const meta = (key: string) =>
      page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first().getAttribute('content');
    // Compared as parsed URLs: Next.js writes the home page's canonical without its (equivalent) trailing slash.
    const url = new URL(path, baseURL).href;
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical ?? '').href).toBe(url);
    expect(new URL((await meta('og:url')) ?? '').href).toBe(url);
    expect(await meta('og:title')).toBeTruthy();
    expect((await meta('og:description'))?.length).toBeGreaterThan(20);
    expect(await meta('og:site_name')).toBe('Co-operative Technologists');
    expect(await meta('og:locale')).toBe('en_GB');
    expect(await meta('og:image:width')).toBe('1200');
    expect(await meta('og:image:height')).toBe('630');
    expect(await meta('og:image:alt')).toMatch(/Co-operative Technologists/);
    expect(await meta('twitter:card')).toBe('summary_large_image');

    const image = await meta('og:image');
    expect(image?.startsWith(`${baseURL}/`)).toBe(true);
    const response = await request.get(image ?? '');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
  });
}

test('each page has its own preview image', async ({ page }) => {
  // It visits every page in turn: its time grows with the content.
  test.setTimeout(30_000 + pagePaths.length * 500);
  const images = new Set<string | null>();
  for (const path of pagePaths) {
    await page.goto(path);
    images.add(await page.locator('head meta[property="og:image"]').getAttribute('content'));
  }
  expect(images.size).toBe(pagePaths.length);
});
