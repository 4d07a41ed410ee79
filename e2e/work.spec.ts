import { expect, test } from './site';

// The five case studies seeded from the network's site (content/work/), by project name.
const projects = ['Comms consultancy and web build', 'LocalGov Drupal', 'Mapped', 'Nook', 'World Builders Board Game'];

test.describe('our work', () => {
  test('lists every case study with its client, co-ops and services', async ({ page }) => {
    const response = await page.goto('/work');
    // A document: no React runtime, no script of its own.
    expect(await response?.text()).not.toContain('<script');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our work');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2 })).toHaveText(projects);

    const nook = main.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Nook' }) });
    await expect(nook.getByRole('link', { name: 'Nook' })).toHaveAttribute('href', '/work/nook');
    await expect(nook).toContainText('The Energy Saving Trust');
    await expect(nook).toContainText('Outlandish');
    await expect(nook).toContainText('Development · Idea generation · Business Systems · User Research');

    await nook.getByRole('link', { name: 'Nook' }).click();
    await expect(page).toHaveURL('/work/nook');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nook');
  });

  test('a case study links its co-ops, its services and its links, and says what it was', async ({ page }) => {
    const response = await page.goto('/work/nook');
    expect(await response?.text()).not.toContain('<script');
    await expect(page).toHaveTitle('Nook – CoTech');
    const article = page.getByRole('article');
    await expect(page.getByRole('definition').filter({ hasText: 'The Energy Saving Trust' })).toBeVisible();
    for (const [name, href] of [
      ['Outlandish', '/co-op/outlandish'],
      ['Development', '/service/development'],
      ['Idea generation', '/service/ideation'],
      ['Business Systems', '/service/business-systems'],
      ['User Research', '/service/user-research'],
      ['nookcrm.com', 'https://nookcrm.com/'],
      ['outlandish.com/project/nook-crm', 'https://outlandish.com/project/nook-crm/'],
    ] as const) {
      await expect(article.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
    }
    await expect(article.getByText('Nook is a project by Outlandish for The Energy Saving Trust.')).toBeVisible();
    await expect(page.locator('head meta[property="og:image:alt"]')).toHaveAttribute(
      'content',
      'Nook – Co-operative Technologists',
    );

    await article.getByRole('link', { name: 'Outlandish', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Outlandish');
  });

  test('a co-op page lists the case studies it worked on, and one with none has no such section', async ({ page }) => {
    await page.goto('/co-op/outlandish');
    const section = page.getByRole('region', { name: 'Case studies' });
    await expect(section.getByRole('heading', { level: 2 })).toHaveText('Case studies');
    await expect(section.getByRole('heading', { level: 3 })).toHaveText(['Nook']);
    await expect(section.getByRole('link', { name: 'Nook' })).toHaveAttribute('href', '/work/nook');

    await page.goto('/co-op/webarchitects');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webarchitects Co-operative');
    await expect(page.getByRole('region', { name: 'Case studies' })).toHaveCount(0);
  });

  test('a service page lists the case studies that list it, and one with none has no such section', async ({
    page,
  }) => {
    await page.goto('/service/user-research');
    const section = page.getByRole('region', { name: 'Case studies' });
    await expect(section.getByRole('heading', { level: 3 })).toHaveText([
      'Comms consultancy and web build',
      'LocalGov Drupal',
      'Mapped',
      'Nook',
    ]);

    // A service the network's case studies added, which no member co-op lists yet.
    await page.goto('/service/content-strategy');
    await expect(page.getByText('No member co-op lists Content Strategy at the moment.')).toBeVisible();
    await expect(
      page.getByRole('region', { name: 'Case studies' }).getByRole('link', { name: 'Comms consultancy and web build' }),
    ).toHaveAttribute('href', '/work/fuel-poverty-action');

    await page.goto('/service/hosting');
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
