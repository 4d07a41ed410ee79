import type { Page } from '@playwright/test';
import {
  byName,
  cardNames,
  coopFiles,
  expect,
  expectNoAxeViolations,
  memberFiles,
  memberNames,
  test,
  townSlugs,
} from './site';

/** The co-ops a static service, technology or town page lists: what a filter for it must show. */
async function listedOn(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  const names = await cardNames(page);
  expect(names.length, `${path} lists co-ops`).toBeGreaterThan(0);
  return names;
}

test.describe('the members directory with JavaScript', () => {
  test('shows every current member as a card, by name, with its town, services and links', async ({ page }) => {
    await page.goto('/members');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Member co-ops');
    await expect(page.getByText(`${memberNames.length} member co-ops`, { exact: true })).toBeVisible();
    expect(await cardNames(page)).toEqual(memberNames);

    const formers = coopFiles.filter((coop) => !coop.member);
    for (const former of formers) await expect(page.getByRole('link', { name: former.name })).toHaveCount(0);

    const card = page.getByRole('article').filter({ has: page.getByRole('link', { name: 'Agile Collective' }) });
    await expect(card.getByRole('link', { name: 'Agile Collective' })).toHaveAttribute(
      'href',
      '/co-op/agile-collective',
    );
    await expect(card).toContainText('Oxford');
    await expect(card).toContainText('Analytics · Branding and Identity · Consultancy');
    await expect(card.getByRole('link', { name: 'agile.coop' })).toHaveAttribute('href', 'https://agile.coop/');
  });

  for (const [key, label, option, path] of [
    ['service', 'Service', 'Hosting', '/service/hosting'],
    ['technology', 'Technology', 'Drupal', '/technology/drupal'],
    ['town', 'Town', 'London', '/town/london'],
  ] as const) {
    test(`filters by ${key} in place and puts it in the URL`, async ({ page }) => {
      const expected = await listedOn(page, path);
      await page.goto('/members');
      const select = page.getByLabel(label, { exact: true });
      await select.selectOption({ label: `${option} (${expected.length})` });
      await expect(page).toHaveURL(`/members?${key}=${path.split('/').pop()}`);
      await expect(page.getByText(`${expected.length} of ${memberNames.length} member co-ops match`)).toBeVisible();
      expect(await cardNames(page)).toEqual(expected);

      // The URL shares the view: loading it shows the same filter and co-ops.
      await page.reload();
      await expect(select).toHaveValue(path.split('/').pop() ?? '');
      expect(await cardNames(page)).toEqual(expected);
    });
  }

  test('searches by name, place or technology as the visitor types', async ({ page }) => {
    const drupal = await listedOn(page, '/technology/drupal');
    await page.goto('/members');
    const search = page.getByRole('searchbox', { name: 'Search' });

    await search.fill('webarchitects');
    await expect(page).toHaveURL('/members?q=webarchitects');
    await expect.poll(() => cardNames(page)).toEqual(['Webarchitects Co-operative']);

    await search.fill('drupal');
    await expect(page).toHaveURL('/members?q=drupal');
    await expect.poll(async () => (await cardNames(page)).filter((name) => drupal.includes(name))).toEqual(drupal);

    // Typed key by key, spaces and all, as a visitor would.
    await search.clear();
    await search.pressSequentially('drupal oxford');
    await expect(search).toHaveValue('drupal oxford');
    await expect(page).toHaveURL('/members?q=drupal+oxford');
    const both = await cardNames(page);
    expect(both.length).toBeGreaterThan(0);
    expect(both.every((name) => drupal.includes(name))).toBe(true);

    await search.fill('no such co-op anywhere');
    await expect(page.getByText(`0 of ${memberNames.length} member co-ops match`)).toBeVisible();
    await expect(page.getByRole('main').getByRole('article')).toHaveCount(0);
  });

  test('combines filters from a shared URL and clears them', async ({ page }) => {
    const hosting = await listedOn(page, '/service/hosting');
    const london = await listedOn(page, '/town/london');
    await page.goto('/members?service=hosting&town=london');
    await expect(page.getByLabel('Service', { exact: true })).toHaveValue('hosting');
    await expect(page.getByLabel('Town', { exact: true })).toHaveValue('london');
    expect(await cardNames(page)).toEqual(hosting.filter((name) => london.includes(name)));

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL('/members');
    expect(await cardNames(page)).toEqual(memberNames);
  });

  test('following the Members link from a filtered view shows every co-op again', async ({ page }) => {
    await page.goto('/members?town=london');
    await expect(page.getByLabel('Town', { exact: true })).toHaveValue('london');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await expect(page).toHaveURL('/members');
    await expect(page.getByLabel('Town', { exact: true })).toHaveValue('');
    await expect.poll(() => cardNames(page)).toEqual(memberNames);
  });

  test('a service page leads to the directory filtered by that service', async ({ page }) => {
    const hosting = await listedOn(page, '/service/hosting');
    await page.getByRole('link', { name: 'Search and filter all member co-ops' }).click();
    await expect(page).toHaveURL('/members?service=hosting');
    await expect(page.getByLabel('Service', { exact: true })).toHaveValue('hosting');
    await expect.poll(() => cardNames(page)).toEqual(hosting);
  });

  test('has no WCAG 2.2 AA violations with filters applied', async ({ page }) => {
    await page.goto('/members?service=hosting&q=a');
    await expect(page.getByRole('button', { name: 'Clear filters' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('the members directory without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('lists every member and offers the filters as links to static pages', async ({ page }) => {
    await page.goto('/members');
    expect(await cardNames(page)).toEqual(memberNames);
    await expect(page.getByRole('combobox')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Filter member co-ops' })).toBeVisible();
  });

  for (const [group, option, path, heading] of [
    ['By service', 'Hosting', '/service/hosting', 'Co-ops offering Hosting'],
    ['By technology', 'Drupal', '/technology/drupal', 'Co-ops using Drupal'],
    ['By town', 'London', '/town/london', 'Co-ops in London'],
  ] as const) {
    test(`filters by ${group.replace('By ', '')} through a link`, async ({ page }) => {
      await page.goto('/members');
      await page.getByText(new RegExp(`^${group} \\(\\d+\\)$`)).click();
      const link = page.getByRole('link', { name: new RegExp(`^${option} \\((\\d+)\\)$`) });
      const count = Number(/\((\d+)\)/.exec((await link.textContent()) ?? '')?.[1]);
      await link.click();
      await expect(page).toHaveURL(path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      const names = await cardNames(page);
      expect(names).toHaveLength(count);
      expect(names).toEqual([...names].sort(byName));
      expect(names.every((name) => memberNames.includes(name))).toBe(true);
    });
  }
});

test.describe('co-op pages', () => {
  test('show the name, town, website, worker-members, services and technologies as links', async ({ page }) => {
    await page.goto('/co-op/agile-collective');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Agile Collective');
    await expect(page.getByRole('link', { name: 'Oxford' })).toHaveAttribute('href', '/town/oxford');
    await expect(page.getByRole('link', { name: 'https://agile.coop/' })).toHaveAttribute(
      'href',
      'https://agile.coop/',
    );
    await expect(page.getByRole('definition').filter({ hasText: /^12$/ })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Send Agile Collective a brief' })).toHaveAttribute(
      'href',
      '/hire?coop=agile-collective',
    );
    const services = page.getByRole('region', { name: 'Services' });
    await expect(services.getByRole('link', { name: 'User Research' })).toHaveAttribute(
      'href',
      '/service/user-research',
    );
    const technologies = page.getByRole('region', { name: 'Technologies' });
    await expect(technologies.getByRole('link', { name: 'Drupal' })).toHaveAttribute('href', '/technology/drupal');
    await expect(page.locator('head meta[property="og:image:alt"]')).toHaveAttribute(
      'content',
      'Agile Collective – Co-operative Technologists',
    );

    await services.getByRole('link', { name: 'User Research' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Co-ops offering User Research');
    await expect(page.getByRole('link', { name: 'Agile Collective' })).toBeVisible();
  });

  test('leave out the facts a co-op’s file does not give', async ({ page }) => {
    const bare = coopFiles.find((coop) => coop.member && !coop.town && !coop.located);
    // The content has such a co-op today; if editors fill its facts in, pick another example here.
    expect(bare, 'a member co-op with no town or location in content/coops').toBeDefined();
    await page.goto(`/co-op/${bare?.slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(bare?.name ?? '');
    await expect(page.getByText('Town', { exact: true })).toHaveCount(0);
  });

  test('mark a former member and keep it out of the lists', async ({ page }) => {
    const former = coopFiles.find((coop) => !coop.member);
    expect(former, 'a former member in content/coops').toBeDefined();
    await page.goto(`/co-op/${former?.slug}`);
    await expect(page.getByText(/is a former member/)).toBeVisible();
    await page.goto('/service/community-building');
    await expect(page.getByRole('link', { name: former?.name ?? '' })).toHaveCount(0);
  });

  test('a service no member offers says so', async ({ page }) => {
    await page.goto('/service/broadband');
    await expect(page.getByText('No member co-op lists Broadband at the moment.')).toBeVisible();
  });
});

test.describe('the map', () => {
  test('has a dot linking to the page of every member co-op that gives its location', async ({ page }) => {
    await page.goto('/members');
    const map = page.getByRole('figure');
    await expect(map.locator('svg title')).toHaveText('Map of the UK with a link for each member co-op');
    const located = memberFiles.filter((coop) => coop.located);
    const dots = map.getByRole('link');
    await expect(dots).toHaveCount(located.length);
    expect((await dots.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).sort()).toEqual(
      located.map((coop) => `/co-op/${coop.slug}`).sort(),
    );
    for (const coop of memberFiles.filter((entry) => !entry.located)) await expect(map).toContainText(coop.name);

    const dot = map.getByRole('link', { name: /^Webarchitects Co-operative/ });
    await dot.focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL('/co-op/webarchitects');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Webarchitects Co-operative');
  });
});

test.describe('the map follows the filter', () => {
  test('with JavaScript, filtered to one technology, shows only those co-ops', async ({ page }) => {
    const drupal = await listedOn(page, '/technology/drupal');
    await page.goto('/members?technology=drupal');
    await expect.poll(() => cardNames(page)).toEqual(drupal);
    const map = page.getByRole('figure');
    const located = memberFiles.filter((coop) => coop.located && drupal.includes(coop.name));
    expect(located.length).toBeGreaterThan(0);
    expect(located.length).toBeLessThan(memberFiles.filter((coop) => coop.located).length);
    await expect(map.getByRole('link')).toHaveCount(located.length);
    expect(
      (await map.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).sort(),
    ).toEqual(located.map((coop) => `/co-op/${coop.slug}`).sort());
    await expect(map).toContainText('Only the member co-ops that match the filter');
    await expect(map).not.toContainText(/^All \d+ member co-ops/);

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(map.getByRole('link')).toHaveCount(memberFiles.filter((coop) => coop.located).length);
    await expect(map).toContainText(/All \d+ member co-ops with a location/);
    await expectNoAxeViolations(page);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the list is the answer, and the map says it shows all', async ({ page }) => {
      await page.goto('/members?technology=drupal');
      const map = page.getByRole('figure');
      const located = memberFiles.filter((coop) => coop.located);
      await expect(map.getByRole('link')).toHaveCount(located.length);
      await expect(map).toContainText(`All ${located.length} member co-ops with a location`);
      await expect(map.getByText('Only the member co-ops that match the filter')).toBeHidden();
    });
  });
});

test.describe('home and navigation', () => {
  test('home shows the headline figures from the content and links to the directory', async ({ page }) => {
    await page.goto('/');
    const figures = page.getByRole('region', { name: 'The network' });
    const figure = (label: string) =>
      figures
        .locator('div')
        .filter({ has: page.getByRole('term').getByText(label, { exact: true }) })
        .locator('dd');
    const workers = memberFiles.reduce((sum, coop) => sum + coop.workerMembers, 0);
    await expect(figure('member co-ops')).toHaveText(String(memberFiles.length));
    await expect(figure('worker-members')).toHaveText(String(workers));
    await expect(figure('towns and cities')).toHaveText(String(townSlugs.length));
    await figures.getByRole('link', { name: /members directory/ }).click();
    await expect(page).toHaveURL('/members');
  });

  test('the main nav leads to the directory and marks it', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await expect(page).toHaveURL('/members');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });
});
