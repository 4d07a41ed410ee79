// From join enquiry to listed member (issue 34): a member starts the members' decision with the prepared Loomio
// proposal, records the approval, and the site proposes the co-op's new entry to the content repository (git's HTTP
// server, e2e/global-setup.ts), links the applicant as its contact and mails them a welcome; a decline sends the
// reply the member wrote; an admin records that a co-op left. With and without JavaScript.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { departingCoop } from '@/playwright.config';
import { validEnquiry } from '@/test/enquiry-data';
import { mailsTo } from './mailbox';
import { coopFiles, expect, expectNoAxeViolations, signIn, test } from './site';

// The worker pushes over HTTP, and the page is read again until it shows the push: more than 30 s on a small machine.
test.describe.configure({ timeout: 90_000 });

const run = promisify(execFile);
const git = async (...args: string[]) => (await run('git', ['-C', process.env.E2E_GIT_BARE ?? '', ...args])).stdout;
const loomio = 'https://www.loomio.com/p/Xy12Ab/a-new-co-op-joins';

async function postEnquiry(page: Page, coopName: string, email: string): Promise<string> {
  const created = await page.request.post('/api/join', {
    data: { ...validEnquiry, coopName, email, contactName: 'Nia Newcomer', location: 'Leeds' },
  });
  expect(created.status()).toBe(201);
  return ((await created.json()) as { id: string }).id;
}

const decision = (page: Page) => page.getByRole('region', { name: 'The members’ decision' });

test('a join enquiry approved in the admin ends in its entry proposed, its contact linked and a welcome sent', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const stamp = Date.now();
  const name = `Approved Co-op ${stamp}`;
  const slug = `approved-co-op-${stamp}`;
  const email = `nia.${stamp}@new.example`;
  await signIn(page);
  const id = await postEnquiry(page, name, email);
  await page.goto(`/admin/enquiries/${id}`);

  // The proposal, prepared from the enquiry, and the copy button that comes with JavaScript.
  const proposal = page.getByLabel('The proposal, prepared from the enquiry, to paste into Loomio');
  await expect(proposal).toHaveValue(new RegExp(`^Proposal: ${name} joins CoTech`));
  await expect(proposal).toHaveValue(/- it is owned and democratically run by its workers/);
  await decision(page).getByRole('button', { name: 'Copy the proposal' }).click();
  await expect(decision(page)).toContainText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await proposal.inputValue());
  await expectNoAxeViolations(page);

  // An address that is not https is refused, with nothing changed.
  await page.getByLabel('Link of the Loomio proposal (https://…)').fill('http://www.loomio.com/p/Xy12Ab');
  await page.getByRole('button', { name: 'Start the members’ decision' }).click();
  await expect(decision(page).getByRole('alert')).toHaveText(
    'Give the Loomio proposal’s address, starting with https://. Nothing was changed.',
  );
  await expect(page.getByLabel('Status')).toHaveValue('new');
  await page.getByLabel('Link of the Loomio proposal (https://…)').fill(loomio);
  await page.getByRole('button', { name: 'Start the members’ decision' }).click();
  await expect(decision(page).getByRole('link', { name: loomio })).toHaveAttribute('href', loomio);
  await expect(page.getByLabel('Status')).toHaveValue('in-discussion');
  // The triage form does not offer the decision's own statuses.
  await expect(page.getByLabel('Status').locator('option')).toHaveText(['New', 'In discussion', 'Withdrawn']);

  // An address another co-op has is refused; the one derived from the name is taken.
  const address = page.getByLabel(/^Address of its entry/);
  await expect(address).toHaveValue(slug);
  await address.fill(departingCoop);
  await page.getByRole('button', { name: 'Record the approval' }).click();
  await expect(decision(page).getByRole('alert')).toContainText('The directory already has a co-op at that address');
  await expect(page.getByLabel('Status')).toHaveValue('in-discussion');
  await page.getByRole('button', { name: 'Record the approval' }).click();
  await expect(page.getByLabel('Status')).toHaveValue('approved');
  const steps = page.getByRole('list', { name: 'Steps after the approval' });
  await expect(steps).toContainText('The applicant linked as the co-op’s contact: done');
  await expect(steps).toContainText('The welcome mail sent: done');
  // The worker pushes the entry: the page says so once it has.
  await expect(async () => {
    await page.reload();
    await expect(steps).toContainText('The proposal: Sent to the editors', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(steps).toContainText('The co-op’s entry proposed to the editors: done');
  await expectNoAxeViolations(page);

  // The new file, alone on its branch, as the editors will merge it.
  const branch = (await git('for-each-ref', '--format=%(refname:short)', `refs/heads/proposal/${slug}-*`)).trim();
  expect((await git('diff', '--name-only', 'main', branch)).trim()).toBe(`content/coops/${slug}.md`);
  const file = await git('show', `${branch}:content/coops/${slug}.md`);
  expect(file).toContain(`name: ${name}`);
  expect(file).toContain('member: true');
  expect(file).toContain('town: Leeds');
  expect(file).toMatch(/^joined: \d{4}-\d{2}-\d{2}$/m);

  // The welcome reached the applicant, and they are the co-op's contact.
  await expect
    .poll(() => mailsTo(email).map((mail) => mail.subject), { timeout: 15_000 })
    .toContain('Welcome to CoTech');
  const welcome = mailsTo(email).find((mail) => mail.subject === 'Welcome to CoTech');
  expect(welcome?.text).toContain(`the members have approved ${name} joining the network`);
  expect(welcome?.text).toMatch(/\/sign-in\n/);
  await page.goto('/admin/people');
  await expect(page.getByRole('row').filter({ hasText: email })).toContainText(slug);
  await page.goto(`/admin/enquiries/${id}`);
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText(/admin\d started the members’ decision on Loomio/);
  await expect(history).toContainText(/admin\d recorded that the members approved the co-op joining/);
  await expect(history).toContainText(new RegExp(`admin\\d proposed the co-op’s entry, content/coops/${slug}.md`));
  await expect(history).toContainText(/admin\d sent the co-op its welcome/);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the decision starts, and a decline sends the reply the member wrote, through forms posting to the page', async ({
    page,
  }) => {
    const stamp = Date.now();
    const email = `nia.${stamp}@declined.example`;
    await signIn(page);
    const id = await postEnquiry(page, `Declined Co-op ${stamp}`, email);
    await page.goto(`/admin/enquiries/${id}`);
    // The proposal is there to select and copy; no copy button that would do nothing.
    await expect(page.getByLabel('The proposal, prepared from the enquiry, to paste into Loomio')).toHaveValue(
      /^Proposal: Declined Co-op/,
    );
    await expect(page.getByRole('button', { name: 'Copy the proposal' })).toHaveCount(0);
    await page.getByLabel('Link of the Loomio proposal (https://…)').fill(loomio);
    await page.getByRole('button', { name: 'Start the members’ decision' }).click();
    await expect(page).toHaveURL(`/admin/enquiries/${id}?decision=started#decision`);
    await expect(decision(page).getByRole('link', { name: loomio })).toBeVisible();

    const reply = page.getByLabel('Reply to the co-op: edit it, then send it with the decision');
    await expect(reply).toHaveValue(/^Dear Nia Newcomer,/);
    await reply.fill('Dear Nia,\n\nNot this time: the members would like to see your rules first.\n\nCoTech members');
    await page.getByRole('button', { name: 'Record the decline and send the reply' }).click();
    await expect(page).toHaveURL(`/admin/enquiries/${id}?decision=declined#decision`);
    await expect(page.getByLabel('Status')).toHaveValue('declined');
    await expect(decision(page)).toContainText('The members declined.');
    await expect
      .poll(() => mailsTo(email).map((mail) => mail.subject), { timeout: 15_000 })
      .toContain('Your enquiry to join CoTech');
    expect(mailsTo(email).find((mail) => mail.subject === 'Your enquiry to join CoTech')?.text).toContain(
      'the members would like to see your rules first',
    );
  });
});

test('an admin records that a co-op left the network: a proposal of member: false, confirmed by a tick', async ({
  page,
}) => {
  const coop = coopFiles.find((file) => file.slug === departingCoop);
  if (!coop) throw new Error(`no ${departingCoop} in content/coops`);
  await signIn(page);
  await page.goto('/admin/coops');
  await page.getByRole('link', { name: `Manage ${coop.name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(coop.name);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Propose that it left' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'Tick the box to confirm that the co-op has left',
  );
  await page.getByLabel(`${coop.name} has left the network`).check();
  await page.getByRole('button', { name: 'Propose that it left' }).click();
  await expect(page.getByText('Proposed: the editors are asked')).toBeVisible();
  // Under way: not offered again.
  await expect(page.getByRole('button', { name: 'Propose that it left' })).toHaveCount(0);
  const leaving = page.getByRole('region', { name: 'Leaving the network' });
  await expect(async () => {
    await page.reload();
    await expect(leaving).toContainText('Sent to the editors', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(leaving).toContainText('Its people are unlinked once an editor merges it.');
  const branch = (await git('for-each-ref', '--format=%(refname:short)', `refs/heads/proposal/${departingCoop}-*`))
    .trim()
    .split('\n')
    .at(-1);
  expect(await git('diff', '-U0', 'main', branch ?? '', '--')).toMatch(/^\+member: false$/m);
  await page.goto('/admin/activity');
  await expect(page.getByRole('main')).toContainText(
    new RegExp(`admin\\d proposed that ${coop.name} has left the network`),
  );
});
