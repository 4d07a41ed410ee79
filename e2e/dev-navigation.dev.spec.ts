import type { Page } from '@playwright/test';
import { slugify } from '@/lib/slug';
import { byName, cardNames, expect, fillValidEnquiry, memberFiles, memberNames, test } from './site';

// Under `next dev` (the `dev` project) React renders every page and the App Router navigates between them, so the
// members filter and the join form come and go with React's tree rather than with documents. They must work after
// any sequence of client-side navigations, as they do on a production page's first load.

type Marked = Window & { marker?: string };
/** Set once on the first load: still there later, it proves no navigation reloaded the document. */
const marker = (page: Page) => page.evaluate(() => (window as Marked).marker);

test('the filter and the join form work after client-side navigations', async ({ page }) => {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto('/');
  await page.evaluate(() => ((window as Marked).marker = 'first load'));
  const nav = page.getByRole('navigation', { name: 'Main' });

  for (const [link, heading] of [
    ['Members', 'Member co-ops'],
    ['About', /About/],
    ['Members', 'Member co-ops'],
  ] as const) {
    await nav.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  }
  await expect(page).toHaveURL('/members');

  const search = page.getByRole('searchbox', { name: 'Search' });
  // Shown by the element once it has wired the filter; without JavaScript the page has links instead.
  await expect(search).toBeVisible();
  await search.fill('webarchitects');
  await expect(page).toHaveURL('/members?q=webarchitects');
  await expect.poll(() => cardNames(page)).toEqual(['Webarchitects Co-operative']);
  await search.clear();
  await page.getByLabel('Town', { exact: true }).selectOption('london');
  await expect(page).toHaveURL('/members?town=london');
  const london = memberFiles.filter((coop) => coop.town && slugify(coop.town) === 'london').map((coop) => coop.name);
  await expect(page.getByText(`${london.length} of ${memberNames.length} member co-ops match`)).toBeVisible();
  expect(await cardNames(page)).toEqual(london.sort(byName));
  expect(await marker(page)).toBe('first load');

  await nav.getByRole('link', { name: 'Join' }).click();
  await expect(page).toHaveURL('/join');
  // The form is enhanced once its element is defined (upgrading wires it); a submit before that is a plain post.
  await expect.poll(() => page.evaluate(() => customElements.get('join-form') !== undefined)).toBe(true);
  await page.getByLabel('Co-op name').fill('Dev Co-op');
  await page.getByLabel('Email').fill('not-an-email');
  await page.getByRole('button', { name: 'Send enquiry' }).click();
  // The error summary the server renders for a failed post, filled and focused by the form's script (in main: the
  // development build's route announcer is an alert too).
  const summary = page.getByRole('main').getByRole('alert');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Your enquiry was not sent');
  await expect(summary.getByRole('link', { name: 'Enter an email address like name@example.coop' })).toHaveAttribute(
    'href',
    '#email',
  );
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter an email address like name@example.coop');

  await fillValidEnquiry(page, 'Dev Co-op');
  const posted = page.waitForResponse((response) => response.url().endsWith('/api/join'));
  await page.getByRole('button', { name: 'Send enquiry' }).click();
  expect((await posted).status()).toBe(201);
  await expect(page.getByRole('heading', { name: 'Thank you for your enquiry' })).toBeFocused();
  await expect(page.getByRole('status')).toHaveText('Your enquiry has been sent.');
  await expect(page).toHaveURL('/join');
  expect(await marker(page)).toBe('first load');
  expect(errors).toEqual([]);
});
