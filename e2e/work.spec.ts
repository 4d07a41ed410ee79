import { displayUrl } from '../lib/format';
import { byName, caseStudyFiles, coopFiles, expect, namesIn, test } from './site';

// Whatever content/work/ holds: every expectation is read from the committed files, so an editor's new case study
// is checked like the others and breaks nothing.
const coopNames = new Map(coopFiles.map((coop) => [coop.slug, coop.name]));
const serviceNames = namesIn('services');
const nameOf = (names: Map<string, string>, slug: string) => names.get(slug) ?? slug;

/** The case studies' projects, in the order the pages list them. */
const projects = (list: typeof caseStudyFiles) => list.map((caseStudy) => caseStudy.project).sort(byName);
const listing = (field: 'coops' | 'services', slug: string) =>
  caseStudyFiles.filter((caseStudy) => caseStudy[field].includes(slug));

/** The body's first paragraph as a page shows it: a link's text without its address, no emphasis marks. */
const firstParagraph = (markdown: string) =>
  (markdown.split(/\n\s*\n/)[0] ?? '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

test.describe('our work', () => {
  test('lists every case study with its client, co-ops and services', async ({ page }) => {
    expect(caseStudyFiles.length, 'case studies in content/work').toBeGreaterThan(0);
    const response = await page.goto('/work');
    // A document: no React runtime, no script of its own.
    expect(await response?.text()).not.toContain('<script');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our work');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2 })).toHaveText(projects(caseStudyFiles));

    for (const caseStudy of caseStudyFiles) {
      const card = main
        .getByRole('article')
        .filter({ has: page.getByRole('heading', { name: caseStudy.project, exact: true }) });
      await expect(card.getByRole('link', { name: caseStudy.project, exact: true })).toHaveAttribute(
        'href',
        `/work/${caseStudy.slug}`,
      );
      await expect(card).toContainText(caseStudy.client);
      for (const coop of caseStudy.coops) await expect(card).toContainText(nameOf(coopNames, coop));
      if (caseStudy.services.length > 0) {
        await expect(card).toContainText(caseStudy.services.map((slug) => nameOf(serviceNames, slug)).join(' · '));
      }
    }

    const [first] = projects(caseStudyFiles);
    await main.getByRole('link', { name: first, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first ?? '');
  });

  for (const caseStudy of caseStudyFiles) {
    test(`/work/${caseStudy.slug} links its co-ops, its services and its links, and says what it was`, async ({
      page,
    }) => {
      const response = await page.goto(`/work/${caseStudy.slug}`);
      expect(await response?.text()).not.toContain('<script');
      await expect(page).toHaveTitle(`${caseStudy.project} – CoTech`);
      const article = page.getByRole('article');
      // Exactly: a client's name may also be part of a link's (Mapped, mapped.tools).
      await expect(article.getByRole('definition').getByText(caseStudy.client, { exact: true })).toBeVisible();
      const links: [name: string, href: string][] = [
        ...caseStudy.coops.map((slug): [string, string] => [nameOf(coopNames, slug), `/co-op/${slug}`]),
        ...caseStudy.services.map((slug): [string, string] => [nameOf(serviceNames, slug), `/service/${slug}`]),
        ...caseStudy.links.map((link): [string, string] => [displayUrl(link), link]),
      ];
      for (const [name, href] of links) {
        await expect(article.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
      }
      if (caseStudy.body) await expect(article).toContainText(firstParagraph(caseStudy.body));
      await expect(page.locator('head meta[property="og:image:alt"]')).toHaveAttribute(
        'content',
        `${caseStudy.project} – Co-operative Technologists`,
      );
    });
  }

  test("a case study's co-op link leads to the co-op's page", async ({ page }) => {
    const [caseStudy] = caseStudyFiles;
    const coop = nameOf(coopNames, caseStudy?.coops[0] ?? '');
    await page.goto(`/work/${caseStudy?.slug}`);
    await page.getByRole('article').getByRole('link', { name: coop, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(coop);
  });

  test('a co-op page lists the case studies it worked on, and one with none has no such section', async ({ page }) => {
    const listed = coopFiles.filter((coop) => listing('coops', coop.slug).length > 0);
    for (const coop of listed) {
      await page.goto(`/co-op/${coop.slug}`);
      const section = page.getByRole('region', { name: 'Case studies' });
      await expect(section.getByRole('heading', { level: 2 })).toHaveText('Case studies');
      const own = listing('coops', coop.slug);
      await expect(section.getByRole('heading', { level: 3 })).toHaveText(projects(own));
      for (const caseStudy of own) {
        await expect(section.getByRole('link', { name: caseStudy.project, exact: true })).toHaveAttribute(
          'href',
          `/work/${caseStudy.slug}`,
        );
      }
    }

    const none = coopFiles.find((coop) => listing('coops', coop.slug).length === 0);
    expect(none, 'a co-op in content/coops that no case study lists').toBeDefined();
    await page.goto(`/co-op/${none?.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(none?.name ?? '');
    await expect(page.getByRole('region', { name: 'Case studies' })).toHaveCount(0);
  });

  test('a service page lists the case studies that list it, and one with none has no such section', async ({
    page,
  }) => {
    const listed = [...serviceNames.keys()].filter((slug) => listing('services', slug).length > 0);
    for (const slug of listed) {
      await page.goto(`/service/${slug}`);
      const section = page.getByRole('region', { name: 'Case studies' });
      await expect(section.getByRole('heading', { level: 3 })).toHaveText(projects(listing('services', slug)));
    }

    const none = [...serviceNames.keys()].find((slug) => listing('services', slug).length === 0);
    expect(none, 'a service in content/services that no case study lists').toBeDefined();
    await page.goto(`/service/${none}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(nameOf(serviceNames, none ?? ''));
    await expect(page.getByRole('region', { name: 'Case studies' })).toHaveCount(0);
  });

  test('the site navigation leads to our work', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Our work' }).click();
    await expect(page).toHaveURL('/work');
    await expect(
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Our work' }),
    ).toHaveAttribute('aria-current', 'page');
  });
});
