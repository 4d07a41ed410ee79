import { validBrief } from '@/test/enquiry-data';
import { site } from '@/lib/site';
import { mailsTo } from './mailbox';
import { expect, expectNoAxeViolations, forwardTo, memberFiles, signIn, test } from './site';

test('a member triages a brief, forwards it to two co-ops who each get it by mail, and the history says so', async ({
  page,
  request,
}) => {
  const organisation = `Leads Org ${Date.now()}`;
  const created = await request.post('/api/briefs', {
    data: { ...validBrief, organisation, email: 'client@leads.example', services: ['hosting'] },
  });
  expect(created.status()).toBe(201);
  const { id, reference } = (await created.json()) as { id: string; reference: string };

  await signIn(page);
  // The brief the client quotes, found by its reference as it was read out on the phone.
  await page.getByLabel('Reference').fill(reference.toLowerCase().replace('-', ' '));
  await page.getByRole('button', { name: 'Filter' }).click();
  const found = page.getByRole('table', { name: `Enquiries (Reference ${reference}), newest first` });
  await expect(found.getByRole('row')).toHaveCount(2);
  await expect(found.getByRole('row').nth(1)).toContainText(organisation);
  await expect(page.getByLabel('Reference')).toHaveValue(reference);
  await expectNoAxeViolations(page);
  await page.getByLabel('Reference').fill('');

  // The list, filtered without JavaScript's help: a plain GET form.
  await page.getByLabel('Kind').selectOption('brief');
  await page.getByLabel('Status').selectOption('new');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/\/admin\/enquiries\?reference=&kind=brief&status=new$/);
  await expect(page.getByRole('link', { name: 'Download these as CSV' })).toHaveAttribute(
    'href',
    '/admin/enquiries.csv?kind=brief&status=new',
  );
  await expect(page.getByRole('region', { name: /^Leads this quarter/ })).toContainText('Hosting');
  await page.getByRole('row').filter({ hasText: organisation }).getByRole('link', { name: organisation }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/enquiries/${id}$`));

  await page.getByLabel('Status').selectOption('in-conversation');
  await page.getByLabel('Note').fill('Called the client: wants hosting by spring.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('in-conversation');

  const [first, second] = memberFiles;
  if (!first || !second) throw new Error('the directory needs two member co-ops');
  await forwardTo(page, [first.name, second.name]);
  await expectNoAxeViolations(page);

  for (const coop of [first, second]) {
    const to = coop.email ?? site.leadsFallbackEmail;
    const subject = coop.email
      ? `Brief from ${site.shortName}: ${organisation}`
      : `Brief for ${coop.name}: ${organisation}`;
    await expect
      .poll(() => mailsTo(to).filter((mail) => mail.subject === subject).length, {
        message: `the mail for ${coop.name}`,
      })
      .toBe(1);
    const mail = mailsTo(to).find((received) => received.subject === subject);
    expect(mail?.replyTo).toBe('client@leads.example');
    expect(mail?.text).toContain(`passed this client's brief to ${coop.name}.`);
    expect(mail?.text).toContain(`What they need: ${validBrief.description}`);
    expect(mail?.text).toContain('Services: Hosting');
  }

  const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history.filter({ hasText: `forwarded the brief to ${first.name}` })).toHaveCount(1);
  await expect(history.filter({ hasText: `forwarded the brief to ${second.name}` })).toHaveCount(1);
  await expect(history.filter({ hasText: 'changed the status from New to In conversation' })).toHaveCount(1);
  await expect(history.filter({ hasText: 'changed the note from nothing to “Called the client' })).toHaveCount(1);
  // Forwarding a brief already in conversation leaves its status as it is.
  await expect(page.getByLabel('Status')).toHaveValue('in-conversation');

  const csv = await (await page.request.get('/admin/enquiries.csv?kind=brief&status=in-conversation')).text();
  expect(csv).toContain(`"${id}","${reference}","brief",`);
  expect(await (await page.request.get('/admin/enquiries.csv?kind=join')).text()).not.toContain(id);
});

test('a filter on a value the list does not know says so', async ({ page }) => {
  await signIn(page);
  await page.goto('/admin/enquiries?kind=brief&status=pending');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^There is no status “pending”: choose one of/);
  await expect(page.getByRole('table', { name: /newest first/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.goto('/admin/enquiries?reference=B-OOPS');
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(/^“B-OOPS” is not a reference/);
  await expect(page.getByLabel('Reference')).toHaveValue('B-OOPS');
  const csv = await page.request.get('/admin/enquiries.csv?kind=spam');
  expect(csv.status()).toBe(400);
  expect(await csv.text()).toContain('There is no kind “spam”');
});
