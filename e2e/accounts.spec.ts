import { request as requestContexts, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { validEnquiry } from '@/test/enquiry-data';
import { signInAddressLimit } from '@/playwright.config';
import { invitationsTo, mailsTo, nextSignInLink, nextSignInMail, signInMailsTo } from './mailbox';
import {
  askOnSignInPage,
  confirmSignIn,
  expect,
  expectNoAxeViolations,
  signIn,
  test,
  typeSignInCode,
  workerAdmin,
} from './site';

// Each test here waits for mailed links and drives two or three browsers through the admin's dynamic pages: on a
// two-core machine running the suite that is 10 to 20 s, so the budget against a hang is 60 s rather than 30.
test.describe.configure({ timeout: 60_000 });

/** A new browser context (its own cookies): another person, or the same person elsewhere. */
async function newPage(browser: Browser, baseURL: string | undefined, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ baseURL, ...options });
  return context.newPage();
}

/** An admin adds a person on the People page; returns the address, unique to this run. */
async function addPerson(admin: Page, name: string, role: 'member' | 'admin' = 'member'): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@e2e.example`;
  await admin.goto('/admin/people');
  await admin.getByLabel('Name').fill(name);
  await admin.getByLabel('Email address').fill(email);
  await admin.getByLabel('Role').selectOption(role);
  await admin.getByRole('button', { name: 'Add' }).click();
  await expect(admin.getByRole('status')).toHaveText(
    `Added: ${name} can sign in now, and an invitation saying how is on its way to ${email}.`,
  );
  await expect(admin.getByRole('row').filter({ hasText: email })).toContainText('Active');
  // They are told by mail, well within a minute: what they can do, and how to sign in.
  await expect
    .poll(() => invitationsTo(email).length, { timeout: 60_000, message: `the invitation to ${email}` })
    .toBe(1);
  return email;
}

/** A join enquiry from Erin in Leeds: the erasure test checks her name goes and the town stays. */
async function postEnquiry(page: Page, coopName: string): Promise<{ id: string; reference: string }> {
  const erin = { contactName: 'Erin Applicant', email: `erin.${Date.now()}@example.coop`, location: 'Leeds' };
  const created = await page.request.post('/api/join', { data: { ...validEnquiry, coopName, ...erin } });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string; reference: string };
}

test('a member signs in by the mailed link, triages, and the history and the activity name them', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page);
  const memberEmail = await addPerson(page, 'Mo Member');
  expect(invitationsTo(memberEmail)[0]?.text).toContain('You can triage the join enquiries and client briefs');
  expect(invitationsTo(memberEmail)[0]?.text).toMatch(/\/sign-in\n/);
  // The invitation again, from the list.
  await page
    .getByRole('row')
    .filter({ hasText: memberEmail })
    .getByRole('button', { name: 'Send Mo Member the invitation again' })
    .click();
  await expect(page.getByRole('status')).toHaveText(`The invitation is on its way to ${memberEmail} again.`);
  await expect.poll(() => invitationsTo(memberEmail).length, { message: 'the invitation again' }).toBe(2);
  const { id } = await postEnquiry(page, `History Co-op ${Date.now()}`);

  const member = await newPage(browser, baseURL);
  await member.goto(await askOnSignInPage(member, memberEmail));
  // The link opens our page, which spends nothing until its one button is pressed.
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Sign in');
  await expectNoAxeViolations(member);
  await member.getByRole('button', { name: `Sign in as ${memberEmail}` }).click();
  await expect(member).toHaveURL(/\/admin\/enquiries$/);
  await expect(member.getByRole('navigation', { name: 'Admin' })).toContainText(
    `Signed in as Mo Member (${memberEmail})`,
  );
  // Members triage; people and activity are for admins.
  await expect(member.getByRole('link', { name: 'People' })).toHaveCount(0);
  await member.goto(`/admin/enquiries/${id}`);
  await member.getByLabel('Status').selectOption('in-discussion');
  await member.getByRole('button', { name: 'Save' }).click();
  await expect(member.getByRole('status')).toHaveText('Saved.');
  await expect(member.getByRole('region', { name: 'History' })).toContainText(
    'Mo Member changed the status from New to In discussion',
  );
  await expectNoAxeViolations(member);

  // The admin sees it in the recent activity.
  await page.goto('/admin/activity');
  await expect(page.getByRole('listitem').filter({ hasText: 'Mo Member changed the status' }).first()).toBeVisible();
});

test('a sign-in link works once', async ({ page, browser, baseURL }) => {
  const link = await signIn(page);
  // The same link, again, in a browser with no session: refused, and nobody is signed in.
  const again = await newPage(browser, baseURL);
  await again.goto(link);
  await again.getByRole('button', { name: /^Sign in as / }).click();
  await expect(again).toHaveURL(/\/sign-in\?error=INVALID_TOKEN$/);
  await expect(again.getByRole('main').getByRole('alert')).toContainText('expired or has been used already');
  await expectNoAxeViolations(again);
  await again.goto('/admin/enquiries');
  await expect(again).toHaveURL(/\/sign-in$/);
});

test('an unknown address gets the same answer as a member, and no mail', async ({ page, browser, baseURL }) => {
  await signIn(page);
  const memberEmail = await addPerson(page, 'Known Member');
  const unknown = `nobody.${Date.now()}@e2e.example`;
  const answers: string[] = [];
  let asker = page;
  for (const email of [memberEmail, unknown]) {
    asker = await newPage(browser, baseURL);
    await asker.goto('/sign-in');
    await asker.locator('form[action="/sign-in/request"]').getByLabel('Email address').fill(email);
    await asker.getByRole('button', { name: 'Mail me a sign-in link' }).click();
    await expect(asker).toHaveURL(/\/sign-in\/check-your-mail$/);
    answers.push(await asker.locator('main').innerText());
  }
  expect(answers[1]).toBe(answers[0]);
  // Both saw the same page: it is checked once.
  await expectNoAxeViolations(asker);
  await nextSignInLink(memberEmail, 0);
  // The member's mail has arrived, and the worker sends in order: the unknown address would have had one by now.
  expect(mailsTo(unknown)).toEqual([]);
});

test('a made-up link is refused, and better-auth’s own link endpoint is not served', async ({ page, request }) => {
  // Expiry is tested against the database in lib/auth/sign-in.test.ts, where the clock can be moved.
  await page.goto(`/sign-in/confirm?token=${'a'.repeat(32)}&email=ada%40e2e.example`);
  await page.getByRole('button', { name: 'Sign in as ada@e2e.example' }).click();
  await expect(page).toHaveURL(/\/sign-in\?error=INVALID_TOKEN$/);
  await page.goto('/sign-in/confirm?token=short');
  await expect(page.getByRole('main').getByRole('alert')).toContainText('That sign-in link is not whole');
  const old = await request.get(`/api/auth/magic-link/verify?token=${'a'.repeat(32)}`, { maxRedirects: 0 });
  expect(old.status()).toBe(404);
});

test('a mail scanner that opens the link spends nothing: the member’s own click still signs in', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page);
  const email = await addPerson(page, 'Scanned Member');
  const asker = await newPage(browser, baseURL);
  const link = await askOnSignInPage(asker, email);
  // A scanner: HEAD, then GET, with no cookies, following any redirect on our origin by hand.
  const scanner = await requestContexts.newContext();
  const cookies: string[] = [];
  for (const method of ['HEAD', 'GET'] as const) {
    let url = link;
    for (let hops = 0; hops < 5; hops++) {
      const answer = await scanner.fetch(url, { method, maxRedirects: 0 });
      cookies.push(
        ...answer
          .headersArray()
          .filter(({ name }) => name.toLowerCase() === 'set-cookie')
          .map(({ value }) => value),
      );
      expect(answer.status()).toBe(200);
      expect(answer.headers()['x-robots-tag']).toBe('noindex');
      expect(answer.headers()['cache-control']).toContain('no-store');
      const next = answer.headers().location;
      if (!next || new URL(next, url).origin !== new URL(link).origin) break;
      url = new URL(next, url).toString();
    }
  }
  await scanner.dispose();
  expect(cookies).toEqual([]);
  // The member, with JavaScript off: the page and its button work all the same.
  const member = await newPage(browser, baseURL, { javaScriptEnabled: false });
  await confirmSignIn(member, link, email);
  await expect(member.getByRole('navigation', { name: 'Admin' })).toContainText(
    `Signed in as Scanned Member (${email})`,
  );
});

test('the code from the mail, typed on /sign-in in another browser, signs in once', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page);
  const email = await addPerson(page, 'Code Member');
  const phone = await newPage(browser, baseURL);
  await askOnSignInPage(phone, email);
  const { code } = await nextSignInMail(email, 0);
  const laptop = await newPage(browser, baseURL);
  await typeSignInCode(laptop, email, code);
  await expect(laptop).toHaveURL(/\/admin\/enquiries$/);
  await laptop.getByRole('button', { name: 'Sign out', exact: true }).click();
  await typeSignInCode(laptop, email, code);
  await expect(laptop).toHaveURL(/\/sign-in\?error=code$/);
  await expect(laptop.getByRole('main').getByRole('alert')).toContainText('That code is not right');
  await expectNoAxeViolations(laptop);
});

test('a disabled member is signed out at once, cannot sign in again, and is re-enabled', async ({
  page,
  browser,
  baseURL,
}) => {
  await signIn(page);
  const memberEmail = await addPerson(page, 'Leaving Member');
  const member = await newPage(browser, baseURL);
  await signIn(member, memberEmail);
  // A link asked for and not yet used when they are disabled.
  const held = await askOnSignInPage(await newPage(browser, baseURL), memberEmail);

  await page.goto('/admin/people');
  await page.getByRole('button', { name: 'Disable Leaving Member' }).click();
  await expect(page.getByRole('row').filter({ hasText: memberEmail })).toContainText('Disabled since');
  await expectNoAxeViolations(page);

  await member.goto('/admin/enquiries');
  await expect(member).toHaveURL(/\/sign-in$/);
  const csv = await member.request.get('/admin/enquiries.csv', { maxRedirects: 0 });
  expect(csv.status()).toBeGreaterThanOrEqual(300);
  // Asking again: the same answer, and no mail.
  const seen = signInMailsTo(memberEmail).length;
  await member.locator('form[action="/sign-in/request"]').getByLabel('Email address').fill(memberEmail);
  await member.getByRole('button', { name: 'Mail me a sign-in link' }).click();
  await expect(member).toHaveURL(/\/sign-in\/check-your-mail$/);

  await page.getByRole('button', { name: 'Re-enable Leaving Member' }).click();
  await expect(page.getByRole('row').filter({ hasText: memberEmail })).toContainText('Active');
  expect(signInMailsTo(memberEmail)).toHaveLength(seen);
  // Disabling revoked the held link: re-enabling does not bring it back.
  const holder = await newPage(browser, baseURL);
  await holder.goto(held);
  await holder.getByRole('button', { name: `Sign in as ${memberEmail}` }).click();
  await expect(holder).toHaveURL(/\/sign-in\?error=INVALID_TOKEN$/);
  await signIn(member, memberEmail);

  await page.goto('/admin/activity');
  const activity = page.getByRole('main');
  await expect(activity).toContainText('disabled Leaving Member');
  await expect(activity).toContainText('re-enabled Leaving Member');
  await expect(activity).toContainText('added Leaving Member as a member');
  // Each entry links the person it names, at their row of the people list.
  await activity.getByRole('link', { name: 'Leaving Member' }).first().click();
  await expect(page).toHaveURL(/\/admin\/people#person-/);
  const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
  await expect(page.locator(`[id="${anchor}"]`)).toHaveText('Leaving Member');
});

test('sign out ends this session; sign out everywhere ends the others too', async ({ page, browser, baseURL }) => {
  await signIn(page);
  const email = await addPerson(page, 'Two Browsers');
  const laptop = await newPage(browser, baseURL);
  const phone = await newPage(browser, baseURL);
  await signIn(laptop, email);
  await signIn(phone, email);

  await laptop.getByRole('button', { name: 'Sign out', exact: true }).click();
  await expect(laptop).toHaveURL(/\/sign-in\?signed-out=1$/);
  await expect(laptop.getByRole('status')).toHaveText('You are signed out.');
  await expectNoAxeViolations(laptop);
  await laptop.goto('/admin/enquiries');
  await expect(laptop).toHaveURL(/\/sign-in$/);
  await phone.reload();
  await expect(phone).toHaveURL(/\/admin\/enquiries$/);

  await signIn(laptop, email);
  await phone.getByRole('button', { name: 'Sign out everywhere' }).click();
  await expect(phone.getByRole('status')).toHaveText('You are signed out everywhere.');
  await laptop.goto('/admin/enquiries');
  await expect(laptop).toHaveURL(/\/sign-in$/);
});

test('asking for links again and again for one address from one client is refused after the limit', async ({
  request,
}) => {
  const target = `target.${Date.now()}@e2e.example`;
  const answers: string[] = [];
  for (let i = 0; i <= signInAddressLimit; i++) {
    const response = await request.post('/sign-in/request', { form: { email: target }, maxRedirects: 0 });
    answers.push(response.headers().location ?? '');
  }
  expect(answers.slice(0, signInAddressLimit)).toEqual(Array(signInAddressLimit).fill('/sign-in/check-your-mail'));
  expect(answers.at(-1)).toBe('/sign-in?error=too-many');
  const refused = await request.get('/sign-in?error=too-many');
  expect(await refused.text()).toContain('Too many sign-in requests');
});

test('an admin erases an enquiry: its personal details go, and the history says who erased it', async ({ page }) => {
  await signIn(page);
  const { id, reference } = await postEnquiry(page, `Erase Me Co-op ${Date.now()}`);
  await page.goto(`/admin/enquiries/${id}`);
  await expect(page.getByText('Erin Applicant')).toBeVisible();
  await page.getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Tick the box to confirm the erasure.');
  await page.getByLabel('Erase this enquiry’s personal details').check();
  await page.getByRole('button', { name: 'Erase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Erased.' })).toBeVisible();
  await expect(page.getByText('Erin Applicant')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'History' })).toContainText(/admin\d erased the personal details/);
  await expectNoAxeViolations(page);
  const csv = await (await page.request.get('/admin/enquiries.csv')).text();
  const row = csv.split('\n').find((line) => line.startsWith(`"${reference}"`));
  expect(row).toContain('"Leeds"');
  expect(row).not.toContain('Erin Applicant');
  expect(row).not.toContain('@example.coop');
});

test('the sign-in page, the privacy notice, the people and the activity pages have no WCAG 2.2 AA violations', async ({
  page,
}) => {
  await page.goto('/sign-in');
  await expectNoAxeViolations(page);
  await page.goto('/join');
  await page.getByRole('link', { name: 'our privacy notice' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy notice');
  await expectNoAxeViolations(page);
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' })).toHaveAttribute(
    'href',
    '/privacy',
  );
  await signIn(page);
  for (const path of ['/admin/people', '/admin/activity', '/admin/coops']) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
});

test('the admin tables fit a 390px screen, each row a card whose cells say their column, with no WCAG 2.2 AA violations', async ({
  page,
}) => {
  await signIn(page);
  // The list of enquiries shows its table only when it has one.
  await postEnquiry(page, `Narrow Co-op ${Date.now()}`);
  const email = workerAdmin();
  // Wide, a cell is its value alone, under its column header.
  await page.goto('/admin/people');
  await expect(
    page.getByRole('row').filter({ hasText: email }).getByRole('cell', { name: email, exact: true }),
  ).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  // The people last: its rows are read below.
  for (const path of ['/admin/enquiries', '/admin/coops', '/admin/proposals', '/admin/people']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path}: no sideways scrolling at 390px`).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  }
  // Stacked, each cell says its column, and the table keeps its headers for screen readers.
  const you = page.getByRole('row').filter({ hasText: email });
  await expect(you.getByRole('cell', { name: `Email: ${email}`, exact: true })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Email' })).toHaveCount(1);
});
