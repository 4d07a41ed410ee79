import { validBrief } from '@/test/enquiry-data';
import { site } from '@/lib/site';
import { proposalCoop } from '@/playwright.config';
import { invitationsTo, mailsTo } from './mailbox';
import { addLinkedContact, expect, expectNoAxeViolations, forwardTo, memberFiles, signIn, test } from './site';

test('a member triages a brief with notes, forwards it to a co-op’s contact, is asked before sending it again, and the history and CSV say so', async ({
  page,
  request,
}) => {
  test.setTimeout(60_000);
  const organisation = `Leads Org ${Date.now()}`;
  const created = await request.post('/api/briefs', {
    data: { ...validBrief, organisation, email: 'client@leads.example', services: ['hosting'] },
  });
  expect(created.status()).toBe(201);
  const { id, reference } = (await created.json()) as { id: string; reference: string };

  // Two members of the directory other than the one the contacts' test edits: one gets a contact, one has no
  // address at all (no co-op's entry has an email yet).
  const [reached, unreached] = memberFiles.filter((coop) => coop.slug !== proposalCoop && !coop.email);
  if (!reached || !unreached) throw new Error('the directory needs two member co-ops without an email');
  await signIn(page);
  const contact = `leads.contact.${Date.now()}@e2e.example`;
  await addLinkedContact(page, 'Lee Leads', contact, reached);
  // The new contact is told, by mail, that they can sign in and what for.
  await expect.poll(() => invitationsTo(contact).length, { message: 'the invitation' }).toBe(1);
  expect(invitationsTo(contact)[0]?.text).toContain(`keep the entry of ${reached.name}`);
  await page.goto('/admin/enquiries');
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
  await page.goto('/admin/enquiries');
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

  // Two notes: the second is added to the first, never in its place.
  await page.getByLabel('Status').selectOption('in-conversation');
  await page.getByLabel('Add a note').fill('Called the client: wants hosting by spring.');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('in-conversation');
  await expect(page.getByLabel('Add a note')).toHaveValue('');
  await page.getByLabel('Add a note').fill('Budget confirmed.');
  await page.getByRole('button', { name: 'Save' }).click();
  const notes = page.getByRole('list', { name: 'Notes' }).getByRole('listitem');
  await expect(notes).toHaveCount(2);
  await expect(notes.nth(0)).toContainText('Called the client: wants hosting by spring.');
  await expect(notes.nth(1)).toContainText('Budget confirmed.');

  // A co-op with no address cannot be chosen, and says how to give it one.
  const form = page.getByRole('form', { name: 'Forward to co-ops' });
  const unreachable = form.getByRole('checkbox', {
    name: new RegExp(`^${escaped(unreached.name)} \\(no address yet\\)`),
  });
  await expect(unreachable).toBeDisabled();
  await expect(unreachable).toHaveAccessibleDescription(/an admin links one of its people/);
  await expect(
    form.getByRole('checkbox', { name: new RegExp(`^${escaped(reached.name)} \\(to its linked contacts`) }),
  ).toBeEnabled();
  await forwardTo(page, [reached.name]);
  await expectNoAxeViolations(page);
  const subject = `Brief from ${site.shortName}: ${organisation}`;
  await expect
    .poll(() => mailsTo(contact).filter((mail) => mail.subject === subject).length, { message: 'the brief' })
    .toBe(1);
  const mail = mailsTo(contact).find((received) => received.subject === subject);
  expect(mail?.replyTo).toBe('client@leads.example');
  expect(mail?.text).toContain(`passed this client's brief to ${reached.name}.`);
  expect(mail?.text).toContain(`What they need: ${validBrief.description}`);
  expect(mail?.text).toContain('Services: Hosting');
  // Never the network's own inbox (which has the brief's notification, as every brief's).
  expect(
    mailsTo(site.email).filter(
      (received) => received.subject.startsWith('Brief f') && received.subject.includes(organisation),
    ),
  ).toEqual([]);
  await expect(
    form.getByRole('checkbox', { name: new RegExp(`^${escaped(reached.name)} `) }),
  ).toHaveAccessibleDescription(/Forwarded on .+ by /);

  // Again to the same co-op: the page asks first, and sends nothing until told to.
  await form.getByRole('checkbox', { name: new RegExp(`^${escaped(reached.name)} `) }).check();
  await form.getByRole('button', { name: 'Forward' }).click();
  await expect(form.getByRole('alert')).toContainText(`Already forwarded to ${reached.name}: nothing was sent.`);
  await expect(form.getByRole('checkbox', { name: new RegExp(`^${escaped(reached.name)} `) })).toBeChecked();
  await expectNoAxeViolations(page);
  await form.getByLabel('Yes, send it again to the co-ops that had it').check();
  await form.getByRole('button', { name: 'Forward' }).click();
  await expect(form.getByRole('status')).toHaveText('Forwarded to 1 co-op.');
  await expect
    .poll(() => mailsTo(contact).filter((received) => received.subject === subject).length, { message: 'again' })
    .toBe(2);

  const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history.filter({ hasText: `forwarded the brief to ${reached.name}` })).toHaveCount(2);
  await expect(history.filter({ hasText: 'changed the status from New to In conversation' })).toHaveCount(1);
  await expect(history.filter({ hasText: 'added a note: “Called the client' })).toHaveCount(1);
  await expect(history.filter({ hasText: 'added a note: “Budget confirmed.”' })).toHaveCount(1);
  // Forwarding a brief already in conversation leaves its status as it is.
  await expect(page.getByLabel('Status')).toHaveValue('in-conversation');

  const csv = await (await page.request.get('/admin/enquiries.csv?kind=brief&status=in-conversation')).text();
  const [header = '', ...rows] = csv.split('\r\n');
  expect(header).toMatch(/^"Reference","Kind","Received","Status",/);
  expect(header).toContain('"Forwarded to","Notes"');
  const row = rows.find((line) => line.startsWith(`"${reference}",`)) ?? '';
  expect(row).toContain('"Brief"');
  expect(row).toContain('"In conversation"');
  expect(row).toContain(`${reached.name} (`);
  expect(row).toMatch(/Called the client: wants hosting by spring\.\n.*Budget confirmed\./);
  expect(await (await page.request.get('/admin/enquiries.csv?kind=join')).text()).not.toContain(reference);
});

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

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
