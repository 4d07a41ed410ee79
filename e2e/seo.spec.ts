import { expect, pagePaths, test } from './site';

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
