import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { validBrief } from '@/test/enquiry-data';
import { expect, expectNoAxeViolations, fillValidBrief, memberFiles, showAtSite, signIn, test } from './site';

const services = (page: import('@playwright/test').Page) => page.getByRole('group', { name: 'Services you need' });

/** The address a brief's form post lands on: its thanks page with its reference, and `query` if given. */
const thanksAddress = (query?: string) =>
  new RegExp(`/hire/thanks/B-[2-9A-HJKMNP-TV-Z]{4}${query === undefined ? '(\\?.*)?' : `\\?${query}`}$`);
const coop = (page: import('@playwright/test').Page) => page.getByLabel('A co-op you’d like to work with (optional)');

test.describe('the brief form with JavaScript', () => {
  test('shows errors beside their fields, focuses the first, and keeps what was typed', async ({ page }) => {
    await page.goto('/hire');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hire a co-op');
    await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill('Half Done Org');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: 'Send brief' }).click();
    const summary = page.getByRole('alert');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Your brief was not sent');
    await expect(summary.getByRole('link', { name: 'Choose at least one service' })).toHaveAttribute(
      'href',
      '#services',
    );
    await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveAccessibleDescription(
      'Enter an email address like name@example.coop',
    );
    await expect(services(page)).toHaveAttribute('aria-invalid', 'true');
    await expect(services(page)).toHaveAccessibleDescription('Choose one or more Choose at least one service');
    await expect(page.getByLabel('Where are you?')).toHaveAccessibleDescription(
      'Town or city; leave empty if remote is fine Enter your town or city, or tick “Remote is fine”',
    );
    await expect(page.getByRole('textbox', { name: 'Organisation', exact: true })).toHaveValue('Half Done Org');
    await expectNoAxeViolations(page);
  });

  test('sends in place and shows the thanks message', async ({ page }) => {
    await page.goto('/hire');
    await fillValidBrief(page, 'JavaScript Org');
    const posted = page.waitForResponse((response) => response.url().endsWith('/api/briefs'));
    await page.getByRole('button', { name: 'Send brief' }).click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    expect(answer.request().postDataJSON()).toMatchObject({ services: ['hosting'], technologies: 'Drupal' });
    await expect(page.getByRole('heading', { name: 'Thank you for your brief' })).toBeFocused();
    await expect(page.getByRole('status')).toHaveText('Your brief has been sent.');
    const { reference } = (await answer.json()) as { reference: string };
    await expect(page.locator('[data-reference]')).toHaveText(
      `Your reference is ${reference}: quote it if you write to us.`,
    );
    expect(page.url()).toMatch(/\/hire$/);
    await expectNoAxeViolations(page);
  });

  test('ticks the service a link asks for, by its path or its query', async ({ page }) => {
    await page.goto('/hire?service=web-design');
    await expect(services(page).getByLabel('Web Design', { exact: true })).toBeChecked();
    await expect(services(page).getByLabel('Hosting', { exact: true })).not.toBeChecked();
    await page.goto('/hire/hosting');
    await expect(services(page).getByLabel('Hosting', { exact: true })).toBeChecked();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/hire$/);
  });
});

/** What content/ says, read apart from the app: every service, and those a current member co-op offers. */
const frontMatter = (folder: string, file: string) =>
  parse(/^---\n([\s\S]*?)\n---/.exec(readFileSync(join('content', folder, file), 'utf8'))?.[1] ?? '') as {
    member?: boolean;
    services?: string[];
  };
const allServices = readdirSync('content/services').map((file) => file.replace(/\.md$/, ''));
const offered = new Set(
  readdirSync('content/coops')
    .map((file) => frontMatter('coops', file))
    .flatMap((coop) => (coop.member ? (coop.services ?? []) : [])),
);

test.describe('the brief form on a phone (390 × 844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
      test.use({ javaScriptEnabled });

      test('is at most 2,500 px tall, and offers only what member co-ops offer, in groups', async ({ page }) => {
        await page.goto('/hire');
        const box = await page.locator('brief-form > section').boundingBox();
        expect(box?.height).toBeGreaterThan(1000);
        expect(box?.height).toBeLessThanOrEqual(2500);
        // Every field is there and shown: nothing is folded away.
        for (const id of ['organisation', 'contactName', 'email', 'description', 'budget', 'timescale', 'location']) {
          await expect(page.locator(`#${id}`)).toBeVisible();
        }
        const boxes = services(page).getByRole('checkbox');
        const values = await boxes.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
        expect(new Set(values)).toEqual(offered);
        expect(values).toHaveLength(offered.size);
        expect(offered.size).toBeLessThan(allServices.length);
        expect(await boxes.evaluateAll((inputs) => inputs.filter((input) => !input.checkVisibility()).length)).toBe(0);
        const hosting = services(page).getByRole('group', { name: 'Hosting and support' });
        await expect(hosting.getByLabel('Hosting', { exact: true })).toBeVisible();
        await expect(services(page).getByRole('group')).toHaveCount(7);
        // axe is a script: in a page without JavaScript it never finishes (the test timed out there). The markup is
        // the server's either way, and is checked with JavaScript.
        if (javaScriptEnabled) await expectNoAxeViolations(page);
      });
    });
  }

  test('a service no member offers has no option page, and its page does not send to one', async ({ page }) => {
    const unoffered = allServices.find((slug) => !offered.has(slug));
    if (!unoffered) throw new Error('every service has a member co-op offering it');
    expect((await page.goto(`/hire/${unoffered}`))?.status()).toBe(404);
    await page.goto(`/service/${unoffered}`);
    await expect(page.getByRole('link', { name: /Send us your brief/ })).toHaveCount(0);
  });
});

test.describe('the member co-ops a client is shown once the brief is sent', () => {
  const webDesigners = readdirSync('content/coops')
    .map((file) => ({ slug: file.replace(/\.md$/, ''), ...frontMatter('coops', file) }))
    .filter((coop) => coop.member && coop.services?.includes('web-design'));

  for (const javaScriptEnabled of [true, false]) {
    test(`a brief for one service shows it named on every matched card, ${javaScriptEnabled ? 'with' : 'without'} JavaScript`, async ({
      browser,
      page,
    }) => {
      const context = await browser.newContext({ javaScriptEnabled });
      const client = await context.newPage();
      await client.goto('/hire/web-design');
      await fillValidBrief(client, `Matched Org ${javaScriptEnabled}`);
      await services(client).getByLabel('Hosting', { exact: true }).uncheck();
      await client.getByLabel('Technologies (optional)').fill('');
      await client.getByLabel('Remote is fine').check();
      await client.getByRole('button', { name: 'Send brief' }).click();
      if (!javaScriptEnabled) await expect(client).toHaveURL(thanksAddress('service=web-design'));
      await expect(client.locator('[data-reference]')).toHaveText(/^Your reference is B-[2-9A-Z]{4}: quote it/);

      const matches = client.getByRole('region', { name: 'Member co-ops that match your brief' });
      await expect(matches).toBeVisible();
      await expect(matches).toContainText(`${webDesigners.length} member co-ops offer Web Design`);
      await expect(matches).toContainText('Your brief has gone to the whole network anyway');
      const cards = matches.locator('[data-cards] > li');
      await expect(cards).toHaveCount(Math.min(webDesigners.length, 6));
      for (const card of await cards.all()) {
        await expect(card.getByRole('listitem')).toHaveText(['Offers Web Design.']);
        const href = await card.getByRole('link').getAttribute('href');
        expect(webDesigners.map((coop) => `/co-op/${coop.slug}`)).toContain(href);
      }
      if (javaScriptEnabled) await expectNoAxeViolations(client);
      else {
        // axe needs JavaScript: the thanks page, a document without script, is checked in a page that has it.
        await page.goto(client.url());
        await expectNoAxeViolations(page);
      }
      await context.close();
    });
  }

  test('with no co-op offering every service asked for in the client’s town, shows the nearest and says so', async ({
    page,
    request,
  }) => {
    const { organisation, contactName, email, description, budget, timescale } = validBrief;
    const form = new URLSearchParams([
      ...Object.entries({ organisation, contactName, email, description, budget, timescale }),
      ['services', 'web-design'],
      ['services', 'hosting'],
      ['location', 'Lerwick'],
      ['consent', 'on'],
    ]);
    const answer = await request.post('/api/briefs', {
      data: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      maxRedirects: 0,
    });
    expect(answer.status()).toBe(303);
    await page.goto(answer.headers().location ?? '');
    const nearest = page.getByRole('region', { name: 'The member co-ops nearest to your brief' });
    await expect(nearest).toContainText('No member co-op in your town offers every service you asked for');
    await expect(nearest.locator('[data-cards] > li').first()).toContainText('Based in');
    await expectNoAxeViolations(page);
  });
});

test.describe('a brief that names a co-op', () => {
  test('from a co-op page’s link, arrives with that co-op chosen, named and suggested first', async ({ page }) => {
    const member = memberFiles.at(-1);
    if (!member) throw new Error('no member co-op');
    const organisation = `Named Co-op Org ${Date.now()}`;
    await page.goto(`/co-op/${member.slug}`);
    await page.getByRole('link', { name: `Send ${member.name} a brief` }).click();
    await expect(page).toHaveURL(`/hire?coop=${member.slug}`);
    await expect(coop(page)).toHaveValue(member.slug);
    await expect(coop(page).locator('option:checked')).toHaveText(member.name);
    await fillValidBrief(page, organisation);
    const posted = page.waitForResponse((response) => response.url().endsWith('/api/briefs'));
    await page.getByRole('button', { name: 'Send brief' }).click();
    const answer = await posted;
    expect(answer.status()).toBe(201);
    expect(answer.request().postDataJSON()).toMatchObject({ coop: member.slug });
    await expect(page.getByRole('heading', { name: 'Thank you for your brief' })).toBeFocused();
    const { id } = (await answer.json()) as { id: string };

    await signIn(page);
    await page.goto(`/admin/enquiries/${id}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(organisation);
    await expect(page.locator('div:has(> dt:text-is("Co-op named")) > dd')).toHaveText(member.name);
    const suggested = page.getByRole('group', { name: 'Suggested co-ops' }).getByRole('listitem');
    await expect(suggested.first()).toContainText(member.name);
    await expect(suggested.first().getByRole('checkbox')).toHaveAccessibleDescription(/^named by the client/);
    // Merged, not listed twice.
    await expect(page.locator(`input[name="coop"][value="${member.slug}"]`)).toHaveCount(1);
    await expectNoAxeViolations(page);
  });

  test('ignores a co-op the form does not offer', async ({ page }) => {
    await page.goto('/hire?service=web-design&coop=no-such-coop');
    // The service ticked: the script has read the query.
    await expect(services(page).getByLabel('Web Design', { exact: true })).toBeChecked();
    await expect(coop(page)).toHaveValue('');
  });
});

test.describe('the brief form without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a service page leads to the form with its service ticked, which posts to the thanks page', async ({ page }) => {
    await page.goto('/service/web-design');
    await page.getByRole('link', { name: 'Need Web Design? Send us your brief' }).click();
    await expect(page).toHaveURL(/\/hire\/web-design$/);
    await expect(services(page).getByLabel('Web Design', { exact: true })).toBeChecked();
    await fillValidBrief(page, 'No Script Org');
    await page.getByRole('button', { name: 'Send brief' }).click();
    // Its reference, and what was asked, as matching reads it: the directory's slugs and the town's.
    await expect(page).toHaveURL(thanksAddress('service=web-design&service=hosting&technology=drupal&town=sheffield'));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Thank you for your brief');
    const reference = new URL(page.url()).pathname.split('/').at(-1);
    await expect(page.locator('[data-reference]')).toHaveText(
      `Your reference is ${reference}: quote it if you write to us.`,
    );
  });

  test('lets the visitor choose the co-op, and posts it', async ({ page }) => {
    const member = memberFiles.at(0);
    if (!member) throw new Error('no member co-op');
    await page.goto(`/hire?coop=${member.slug}`);
    await expect(coop(page)).toHaveValue('');
    await fillValidBrief(page, 'No Script Named Org');
    await coop(page).selectOption(member.slug);
    const posted = page.waitForRequest((request) => request.url().endsWith('/api/briefs'));
    await page.getByRole('button', { name: 'Send brief' }).click();
    expect(new URLSearchParams((await posted).postData() ?? '').get('coop')).toBe(member.slug);
    await expect(page).toHaveURL(thanksAddress());
  });

  test('shows the form again with each error by its field and every value kept', async ({ page }) => {
    await page.goto('/hire');
    await fillValidBrief(page, 'Forgetful Org');
    await services(page).getByLabel('Consultancy', { exact: true }).check();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('forgetful@');
    await page.getByLabel('Where are you?').fill('');
    const answer = page.waitForResponse((response) => response.url().endsWith('/api/briefs'));
    await page.getByRole('button', { name: 'Send brief' }).click();
    expect((await answer).status()).toBe(422);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Please check your enquiry');
    await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveAccessibleDescription(
      'Enter an email address like name@example.coop',
    );
    await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue('forgetful@');
    await expect(page.getByRole('textbox', { name: 'Organisation', exact: true })).toHaveValue('Forgetful Org');
    await expect(page.getByLabel('Budget')).toHaveValue('5k-20k');
    await expect(services(page).getByLabel('Hosting', { exact: true })).toBeChecked();
    await expect(services(page).getByLabel('Consultancy', { exact: true })).toBeChecked();
    await expect(page.getByLabel(/I agree/)).toBeChecked();
    await expect(page.getByText('Enter your town or city, or tick “Remote is fine”').first()).toBeVisible();

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('forgetful@example.org');
    await page.getByLabel('Remote is fine').check();
    await page.getByRole('button', { name: 'Send brief' }).click();
    await expect(page).toHaveURL(thanksAddress());
  });
});

test('the page a failed brief post shows has no WCAG 2.2 AA violations', async ({ page, request }) => {
  const answer = await request.post('/api/briefs', {
    form: { organisation: 'Axe Org', email: 'nope' },
    headers: { accept: 'text/html' },
  });
  expect(answer.status()).toBe(422);
  await showAtSite(page, answer);
  await expectNoAxeViolations(page);
});

test('home, About and co-op pages lead to /hire', async ({ page }) => {
  await page.goto('/about');
  await page.getByRole('link', { name: 'contact us if you want to work with us' }).click();
  await expect(page).toHaveURL(/\/hire$/);
  const [member] = memberFiles;
  await page.goto(`/co-op/${member?.slug}`);
  await page.getByRole('link', { name: `Send ${member?.name} a brief` }).click();
  await expect(page).toHaveURL(`/hire?coop=${member?.slug}`);
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hire a co-op' }).click();
  await expect(page).toHaveURL(/\/hire$/);
});

test.describe('a brief in the members’ list', () => {
  test('is listed with its kind, and its page shows its fields and the suggested co-ops', async ({ page, request }) => {
    const organisation = `Triage Org ${Date.now()}`;
    const created = await request.post('/api/briefs', {
      data: { ...validBrief, organisation, contactName: '<b>Bold</b> Client', services: ['hosting'] },
    });
    expect(created.status()).toBe(201);
    const { id, reference } = (await created.json()) as { id: string; reference: string };

    await signIn(page);
    await page.goto('/admin/enquiries');
    const row = page.getByRole('row').filter({ hasText: organisation });
    await expect(row).toContainText('Brief');
    await expect(row).toContainText(reference);
    await expect(row).toContainText('Leeds; Remote is fine');
    await row.getByRole('link', { name: organisation }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/enquiries/${id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(organisation);
    await expect(page.getByText('<b>Bold</b> Client')).toBeVisible();
    await expect(page.getByText('£5,000 to £20,000')).toBeVisible();
    const suggested = page.getByRole('group', { name: 'Suggested co-ops' }).getByRole('listitem');
    await expect(suggested.first()).toContainText('offers Hosting');
    // Why a co-op is suggested is read with its checkbox.
    await expect(suggested.first().getByRole('checkbox')).toHaveAccessibleDescription(/offers Hosting/);
    await expect(page).toHaveTitle(/Brief/);
    await expectNoAxeViolations(page);

    const csv = await (await page.request.get('/admin/enquiries.csv')).text();
    // The CSV reads as the page does: the reference the client was given, the kind in words.
    expect(csv).toContain(`\n"${reference}","Brief",`);
  });
});
