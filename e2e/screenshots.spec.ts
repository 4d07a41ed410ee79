import { caseStudyFiles, expect, memberFiles, signIn, test, townSlugs } from './site';

// A screenshot of each kind of page, at a desktop's width and a phone's (390×844), attached to the test report
// (test-results/e2e-artifacts and the JSON report), so a reviewer sees what changed without running the site. Not
// committed: docs/screenshots/ holds the two the README shows.

const coop = memberFiles[0];
const caseStudy = caseStudyFiles[0];
if (!coop || !caseStudy) throw new Error('the content needs a member co-op and a case study');

const pageKinds: { kind: string; path: string; signedIn?: boolean }[] = [
  { kind: 'home', path: '/' },
  { kind: 'about', path: '/about' },
  { kind: 'members', path: '/members' },
  { kind: 'co-op', path: `/co-op/${coop.slug}` },
  { kind: 'service', path: '/service/hosting' },
  { kind: 'town', path: `/town/${townSlugs[0] ?? ''}` },
  { kind: 'work', path: '/work' },
  { kind: 'case-study', path: `/work/${caseStudy.slug}` },
  { kind: 'join', path: '/join' },
  { kind: 'hire', path: '/hire' },
  { kind: 'sign-in', path: '/sign-in' },
  { kind: 'admin', path: '/admin/enquiries', signedIn: true },
];

const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 390, height: 844 },
};

for (const { kind, path, signedIn } of pageKinds) {
  test(`screenshots of ${kind} (${path}) at desktop and phone width`, async ({ page }, testInfo) => {
    if (signedIn) await signIn(page);
    for (const [name, viewport] of Object.entries(viewports)) {
      await page.setViewportSize(viewport);
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      // Pictures and the font in place, not half loaded.
      await page.waitForLoadState('load');
      await page.evaluate(() => document.fonts.ready);
      // A file in the test's output folder, which the report names, rather than the picture inside the report.
      const file = testInfo.outputPath(`${kind}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`${kind}-${name}.png`, { path: file, contentType: 'image/png' });
    }
  });
}
