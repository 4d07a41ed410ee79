// A co-op keeps its own entry current (issue 22): an admin links a contact to a co-op, the contact proposes a change
// through the account area's form, and the test server's worker pushes it to the content repository over git's HTTP
// server (CONTENT_GIT_URL, started by e2e/global-setup.ts), with the push options that open a GitLab merge request.
// The same over file:// and the retries are tested in lib/proposals/worker.test.ts.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { proposalCoop } from '@/playwright.config';
import { markdownText } from '@/lib/proposals/quote';
import { recordedPushes } from '@/test/git-server';
import { signInMailsTo, nextSignInLink } from './mailbox';
import { addLinkedContact, coopFiles, expect, expectNoAxeViolations, namesIn, signIn, test } from './site';

// Two people sign in by mailed links and the worker pushes over HTTP: more than the default 30 s on a small machine.
test.describe.configure({ timeout: 90_000 });

const run = promisify(execFile);
const confirmedBefore = /^confirmed: (.*)$/m.exec(
  readFileSync(join(__dirname, '..', 'content', 'coops', `${proposalCoop}.md`), 'utf8'),
)?.[1];
const bare = process.env.E2E_GIT_BARE ?? '';
const git = async (...args: string[]) => (await run('git', ['-C', bare, ...args])).stdout;

const coop = coopFiles.find((file) => file.slug === proposalCoop);
const other = coopFiles.find((file) => file.slug !== proposalCoop);
const service = { slug: 'machine-learning', name: namesIn('services').get('machine-learning') ?? '' };
const logo =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#075"/></svg>\n';

async function signInAsContact(browser: Browser, baseURL: string | undefined, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL })).newPage();
  const seen = signInMailsTo(email).length;
  const asked = await page.request.post('/sign-in/request', { form: { email }, maxRedirects: 0 });
  expect(asked.headers().location).toBe('/sign-in/check-your-mail');
  await page.goto(await nextSignInLink(email, seen));
  await page.getByRole('button', { name: `Sign in as ${email}` }).click();
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

test('a contact proposes a change to their co-op, which arrives as a branch with a merge request', async ({
  page: admin,
  browser,
  baseURL,
}) => {
  if (!coop || !other || !service.name)
    throw new Error('the content needs the proposal co-op, another and the service');
  expect(bare, 'E2E_GIT_BARE, from e2e/global-setup.ts').not.toBe('');

  // The admin adds a contact and links them to the co-op.
  await signIn(admin);
  const email = `cleo.contact.${Date.now()}@e2e.example`;
  await addLinkedContact(admin, 'Cleo Contact', email, coop);

  // The contact signs in, lands on their account and opens their co-op's form.
  const contact = await signInAsContact(browser, baseURL, email);
  await expect(contact.getByRole('heading', { level: 2 })).toHaveText([coop.name]);
  await expectNoAxeViolations(contact);
  await contact.getByRole('link', { name: `Edit ${coop.name}’s entry` }).click();
  await expect(contact.getByRole('heading', { level: 1 })).toHaveText(`Edit ${coop.name}`);
  // The test server checks no links (LINK_CHECK_DAYS=0): none has a problem yet.
  await expect(contact.getByRole('region', { name: 'Links that need a look' })).toContainText('No problems found.');
  await expect(contact.getByRole('button', { name: 'Still correct' })).toBeVisible();
  await expectNoAxeViolations(contact);

  // Bad input: a specific error on its field, the values kept, nothing stored. The browser's own checks (type="url",
  // min) would stop it first; they are switched off to see the server's, which every browser gets.
  await contact.locator('form:has(#website)').evaluate((form: HTMLFormElement) => (form.noValidate = true));
  await contact.getByLabel('Website', { exact: true }).fill('outlandish dot coop');
  await contact.getByLabel('Worker members').fill('0');
  await contact.getByRole('button', { name: 'Preview' }).click();
  await expect(contact.getByText('Website: give an address starting https://.')).toBeVisible();
  await expect(contact.getByText('Worker members: at least 1.')).toBeVisible();
  await expect(contact.getByLabel('Website', { exact: true })).toHaveValue('outlandish dot coop');
  await expectNoAxeViolations(contact);

  // A change to the website, a service and the description, and a logo: the preview shows the page as it would be.
  const website = 'https://outlandish.coop/';
  const description = ['We build websites for charities.', 'Owned by the people who work here.'];
  await contact.getByLabel('Website', { exact: true }).fill(website);
  await contact.getByLabel('Worker members').fill(String(coop.workerMembers));
  await contact.getByRole('checkbox', { name: service.name, exact: true }).check();
  await contact
    .getByLabel('Logo: an SVG or PNG file')
    .setInputFiles({ name: 'Our logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(logo) });
  await contact.getByLabel(/^Description/).fill(description.join('\n\n'));
  await contact.getByLabel(/^Why/).fill('We moved to our own domain.');
  await contact.getByRole('button', { name: 'Preview' }).click();
  const preview = contact.getByRole('region', { name: /^Preview/ });
  for (const paragraph of description) await expect(preview.getByText(paragraph)).toBeVisible();
  await expect(preview.getByRole('link', { name: website })).toBeVisible();
  await expect(preview.getByRole('link', { name: service.name })).toBeVisible();
  await expect(preview.locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await expectNoAxeViolations(contact);

  // Sending answers at once with the proposal stored, and the page says it waits, with what was sent, in the form
  // too; the worker pushes it soon after.
  await contact.getByRole('button', { name: 'Send' }).click();
  await expect(contact).toHaveURL(new RegExp(`/account/coops/${coop.slug}\\?sent=1$`));
  await expect(contact.getByRole('status')).toContainText('Sent: your change is waiting for the network’s editors.');
  const waiting = contact.getByRole('region', { name: /^Waiting for an editor since / });
  await expect(waiting).toContainText(website);
  await expect(contact.getByLabel('Website', { exact: true })).toHaveValue(website);
  await expectNoAxeViolations(contact);
  await expect(async () => {
    await contact.reload();
    await expect(waiting).toContainText('Sent to the editors', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(waiting.getByRole('link', { name: 'See the merge request' })).toHaveAttribute(
    'href',
    /\/content\/-\/merge_requests\?scope=all&state=all&source_branch=proposal%2Foutlandish-/,
  );
  await contact.goto('/account');
  const proposals = contact.getByRole('table', { name: `Changes proposed for ${coop.name}` });
  await expect(proposals).toContainText('website, services, confirmed, description, logo (outlandish.svg)');
  await expect(proposals).toContainText(
    'Sent to the editors. An editor reviews the merge request, then publishes it or says why not.',
  );

  // The repository has the branch: exactly the changed lines (today's confirmation among them) and the logo file, with the merge request's options.
  const branches = (await git('for-each-ref', '--format=%(refname:short)', 'refs/heads/proposal')).split('\n');
  const branch = branches.find((name) => name.startsWith(`proposal/${coop.slug}-`)) ?? '';
  await expect(proposals.getByRole('link', { name: 'See the merge request' })).toHaveAttribute(
    'href',
    new RegExp(`source_branch=${encodeURIComponent(branch)}$`),
  );
  expect((await git('diff', '--name-only', 'main', branch)).trim().split('\n')).toEqual([
    `content/coops/${coop.slug}.md`,
    `public/images/coops/${coop.slug}.svg`,
  ]);
  const changed = (await git('diff', '-U0', 'main', branch, '--', `content/coops/${coop.slug}.md`))
    .split('\n')
    .filter((line) => /^[-+](?![-+]{2} )/.test(line));
  expect(changed.sort()).toEqual(
    [
      '-website: http://www.outlandish.com',
      `+website: ${website}`,
      `+  - ${service.slug}`,
      `+logo: /images/coops/${coop.slug}.svg`,
      `-confirmed: ${confirmedBefore}`,
      `+confirmed: ${new Date().toISOString().slice(0, 10)}`,
      // The body, which the entry had none of: a blank line after the front matter, then the two paragraphs.
      '+',
      `+${description[0]}`,
      '+',
      `+${description[1]}`,
    ].sort(),
  );
  expect(await git('show', `${branch}:public/images/coops/${coop.slug}.svg`)).toBe(logo);
  expect(await git('log', '-1', '--format=%an <%ae>', branch)).toBe(`Cleo Contact <${email}>\n`);
  const push = (await recordedPushes(bare)).find((one) => one.refs.some((ref) => ref.ref === `refs/heads/${branch}`));
  expect(push?.options).toEqual([
    'merge_request.create',
    'merge_request.target=main',
    `merge_request.title=Update ${coop.slug}: proposed by Cleo Contact`,
    expect.stringMatching(/^merge_request\.description=/),
  ]);
  // What people typed, as Markdown that shows it as typed (lib/proposals/quote.ts).
  const requestDescription = push?.options[3] ?? '';
  expect(requestDescription).toContain(`Proposed by ${markdownText(`Cleo Contact <${email}>`)} `);
  expect(requestDescription).toContain(`Why: ${markdownText('We moved to our own domain.')}`);

  // Admins see it pushed too.
  await admin.goto('/admin/proposals');
  await expect(admin.getByRole('row').filter({ hasText: email })).toContainText('Sent to the editors');
  await expectNoAxeViolations(admin);

  // Without JavaScript the form works the same: a plain POST, the preview, the logo carried through it, and sending.
  const plain = await (
    await browser.newContext({
      baseURL,
      javaScriptEnabled: false,
      storageState: await contact.context().storageState(),
    })
  ).newPage();
  await plain.goto(`/account/coops/${coop.slug}`);
  await plain.getByLabel('Town', { exact: true }).fill('Hackney');
  await plain
    .getByLabel('Logo: an SVG or PNG file')
    .setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(logo) });
  await plain.getByRole('button', { name: 'Preview' }).click();
  await expect(plain.getByRole('region', { name: /^Preview/ }).getByText('Hackney')).toBeVisible();
  await expect(plain.locator('input[name="logoData"]')).toHaveValue(Buffer.from(logo).toString('base64'));
  await plain.getByRole('button', { name: 'Send' }).click();
  await expect(plain).toHaveURL(new RegExp(`/account/coops/${coop.slug}\\?sent=1$`));
  // The second change builds on the first: it carries what is still waiting, and the new town.
  await plain.goto('/account');
  await expect(plain.getByRole('table', { name: `Changes proposed for ${coop.name}` })).toContainText(
    'town, website, services, confirmed, description, logo (outlandish.svg)',
  );

  // "Still correct", at the top of the co-op's page: recorded by the site, no proposal, and on the public page at once.
  await contact.goto(`/account/coops/${coop.slug}`);
  await contact.getByRole('button', { name: 'Still correct' }).click();
  await expect(contact.getByRole('status')).toContainText(`${coop.name}’s entry is confirmed as still correct`);
  await contact.goto(`/co-op/${coop.slug}`);
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  await expect(contact.getByText(`Its people confirmed this entry on ${day.format(new Date())}.`)).toBeVisible();
  await contact.goto('/account');
  // The header row and the two changes: no third.
  await expect(contact.getByRole('table', { name: `Changes proposed for ${coop.name}` }).getByRole('row')).toHaveCount(
    3,
  );

  // The contact sees nothing else: not another co-op's form, not the enquiries.
  expect((await contact.goto(`/account/coops/${other.slug}`))?.status()).toBe(404);
  expect((await contact.goto('/admin/enquiries'))?.status()).toBe(404);
  expect((await contact.goto('/admin/proposals'))?.status()).toBe(404);
});
