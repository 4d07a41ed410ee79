// What a person does on the site's pages, step by step, for the browser tests: the e2e suite's specs and the life
// suite's cast (e2e/life/) drive the same forms the same way. Roles, labels and documented routes only.
import { expect, type Page } from '@playwright/test';

/** Opens a mailed link and presses the one button on the page it opens; the person's first page follows. */
export async function confirmSignIn(page: Page, link: string, email: string, landing = /\/admin\/enquiries$/) {
  await page.goto(link);
  await page.getByRole('button', { name: `Sign in as ${email}` }).click();
  await expect(page).toHaveURL(landing);
}

/** Asks for a sign-in mail with /sign-in's form, as a person does, and sees the answer. */
export async function askOnSignInForm(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.locator('form[action="/sign-in/request"]').getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Mail me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your mail' })).toBeVisible();
}

/** Types an address and the code from its sign-in mail on /sign-in, and presses its button. */
export async function typeSignInCode(page: Page, email: string, code: string) {
  await page.goto('/sign-in');
  const form = page.getByRole('form', { name: 'Sign in with the code from the mail' });
  await form.getByLabel('Email address').fill(email);
  await form.getByLabel(/^Code/).fill(code);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

/** Fills in the join form as an eligible co-op would, every field valid. */
export async function fillValidEnquiry(page: Page, coopName: string) {
  await page.getByLabel('Co-op name').fill(coopName);
  await page.getByLabel('Contact name').fill('Grace Hopper');
  await page.getByLabel('Email').fill('grace@example.coop');
  await page.getByLabel('Website (optional)').fill('https://example.coop/');
  await page.getByLabel('Location').fill('Sheffield');
  await page.getByLabel('Legal form').selectOption('co-operative-society');
  await page.getByLabel('Tell us about your co-op and the services you provide').fill('We make accessible websites.');
  for (const name of [
    /7 Co-operative Principles/,
    /owned and democratically run/,
    /tech\/digital services/,
    /the UK/,
    /I agree/,
  ]) {
    await page.getByLabel(name).check();
  }
}

/** Fills in the brief form as a client would, every field valid, ticking Hosting (and whatever is ticked already). */
export async function fillValidBrief(page: Page, organisation: string) {
  await page.getByRole('textbox', { name: 'Organisation', exact: true }).fill(organisation);
  await page.getByLabel('Contact name').fill('Katherine Johnson');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('katherine@example.org');
  await page.getByLabel('What do you need?').fill('A booking system for our community hall.');
  await page.getByRole('group', { name: 'Services you need' }).getByLabel('Hosting', { exact: true }).check();
  await page.getByLabel('Technologies (optional)').fill('Drupal');
  await page.getByLabel('Budget').selectOption('5k-20k');
  await page.getByLabel('When do you need it?').selectOption('1-3-months');
  await page.getByLabel('Where are you?').fill('Sheffield');
  await page.getByLabel(/I agree/).check();
}

/**
 * On a brief's admin page, ticks the co-ops named and forwards the brief to them, as a member does, and waits for
 * the page to say so.
 */
export async function forwardTo(page: Page, names: readonly string[]) {
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Forward to co-ops' }) });
  for (const name of names) {
    await form
      .getByRole('checkbox', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(`) })
      .check();
  }
  await form.getByRole('button', { name: 'Forward' }).click();
  await expect(form.getByRole('status')).toHaveText(
    `Forwarded to ${names.length === 1 ? '1 co-op' : `${names.length} co-ops`}.`,
  );
}

/** Adds a person at /admin/people, as an admin signed in on `page` does, and waits for the page to say so. */
export async function addPerson(page: Page, name: string, email: string, role: 'contact' | 'member' | 'admin') {
  await page.goto('/admin/people');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Role').selectOption(role);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Added: ${name} can sign in now, and an invitation saying how is on its way to ${email}.`,
  );
}

/**
 * Adds a co-op contact at /admin/people and links them to `coop`, as an admin signed in on `page` does, and waits for
 * the page to show the link.
 */
export async function addLinkedContact(page: Page, name: string, email: string, coop: { slug: string; name: string }) {
  await page.goto('/admin/people');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Email address').fill(email);
  // Choosing the co-op is enough: the role is "contact" unless another is chosen.
  await page.getByLabel('Their co-op (optional)').selectOption(coop.slug);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(
    `Added: ${name} can sign in now, and an invitation saying how is on its way to ${email}.`,
  );
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Contact');
  await expect(row.getByRole('button', { name: `Unlink ${name} from ${coop.name}` })).toBeVisible();
}
