import type { APIRequestContext, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, pagePaths, pngSize, test } from './site';

/** Canonical URL, Open Graph and Twitter meta, and the preview image itself: a 1200×630 PNG. */
async function expectLinkPreview(page: Page, request: APIRequestContext, path: string, baseURL: string) {
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
}

// One visit per page for what every page owes its visitors; the 404 has no preview of its own.
for (const path of [...pagePaths, '/no-such-page']) {
  const isPage = path !== '/no-such-page';
  test(`${path}: WCAG 2.2 AA, fits 360px${isPage ? ', link preview' : ''}`, async ({ page, request, baseURL }) => {
    await page.goto(path);
    if (isPage) await expectLinkPreview(page, request, path, baseURL ?? '');
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'no sideways scrolling at 360px').toBeLessThanOrEqual(0);
  });
}

/** Each page's HTML as the server sends it, for the checks across all pages. */
async function allPagesHtml(request: APIRequestContext) {
  const pages = [];
  for (const path of pagePaths) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    pages.push({ path, html: await response.text() });
  }
  return pages;
}

test('every internal link on every page resolves', async ({ request, baseURL }) => {
  // It reads every page and requests every link target in turn: its time grows with the content.
  test.setTimeout(30_000 + pagePaths.length * 500);
  const targets = new Set<string>();
  for (const { path, html } of await allPagesHtml(request)) {
    // Anchors of HTML and of the map's SVG alike.
    for (const [, href = ''] of html.matchAll(/<a\b[^>]*?\shref="([^"]*)"/g)) {
      const url = new URL(href.replace(/&amp;/g, '&'), new URL(path, baseURL));
      if (url.origin === new URL(baseURL ?? '').origin) targets.add(url.pathname);
    }
  }
  expect(targets.size).toBeGreaterThanOrEqual(pagePaths.length);
  for (const target of targets) {
    expect((await request.get(target)).status(), target).toBe(200);
  }
});

test('each page has its own preview image', async ({ request }) => {
  test.setTimeout(30_000 + pagePaths.length * 250);
  const images = (await allPagesHtml(request)).map(
    ({ html }) => /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1],
  );
  expect(images.every(Boolean)).toBe(true);
  expect(new Set(images).size).toBe(pagePaths.length);
});
