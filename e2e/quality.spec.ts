import { expect, expectNoAxeViolations, pagePaths, test } from './site';

for (const path of [...pagePaths, '/no-such-page']) {
  test(`${path} has no WCAG 2.2 AA violations`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });

  test(`${path} fits a 360px screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('every internal link on every page resolves', async ({ page, request }) => {
  // It visits every page and requests every link target in turn: its time grows with the content.
  test.setTimeout(30_000 + pagePaths.length * 1_000);
  const targets = new Set<string>();
  for (const path of pagePaths) {
    await page.goto(path);
    // Resolved from the attribute, not `.href`: the map's links are SVG <a> elements, whose `href` is not a string.
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => new URL(a.getAttribute('href') ?? '', document.baseURI).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin === new URL(page.url()).origin) targets.add(url.pathname);
    }
  }
  expect(targets.size).toBeGreaterThanOrEqual(pagePaths.length);
  for (const target of targets) {
    const response = await request.get(target);
    expect(response.status(), target).toBe(200);
  }
});
