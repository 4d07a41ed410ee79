import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import AccountLayout from '@/app/account/layout';
import AccountPage from '@/app/account/page';
import EditCoopPage from '@/app/account/coops/[slug]/page';
import { confirmEntryAction, proposeEntryAction } from '@/lib/account/edit-coop-action';
import { linkCoop } from '@/lib/coops/people';
import { entryValues } from '@/lib/proposals/form';
import { closeDb, getDb } from '@/lib/db';
import { coopConfirmations, linkChecks, proposals, rateLimits } from '@/lib/db/schema';
import { privateAddressError } from '@/lib/links/address';
import { directory } from '@/lib/coops';
import { resetDatabase } from '@/test/database';
import { signedIn } from '@/test/sign-in/in-process';
import { site } from '@/lib/site';

// Outside Next.js there is no request for `headers()` to read: pages, layouts and actions get this one.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers }));

const redirectTo = (path: string) => ({ digest: expect.stringMatching(new RegExp(`^NEXT_REDIRECT;\\w+;${path};`)) });
const notFoundError = { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' };
function coopAt(index: number) {
  const coop = directory.coops[index];
  if (!coop) throw new Error('the directory needs two co-ops for this test');
  return coop;
}
const [ours, theirs] = [coopAt(0), coopAt(1)];
const edit = (slug: string, searchParams: { sent?: string; confirmed?: string } = {}) =>
  EditCoopPage({ params: Promise.resolve({ slug }), searchParams: Promise.resolve(searchParams) });
const asking = (cookie?: string) =>
  new Headers({ ...(cookie && { cookie }), origin: site.url, host: new URL(site.url).host });
let contact: string;
let contactId: string;
let admin: string;

beforeAll(async () => {
  await resetDatabase();
  ({ cookie: contact, id: contactId } = await signedIn({
    name: 'Cleo Contact',
    email: 'cleo@example.coop',
    role: 'contact',
  }));
  ({ cookie: admin } = await signedIn({ name: 'Ada Admin', email: 'ada@example.coop', role: 'admin' }));
  await linkCoop(await getDb(), contactId, ours.slug, contactId);
});
beforeEach(async () => {
  await (await getDb()).delete(proposals);
  await (await getDb()).delete(coopConfirmations);
});
const sentTo = (slug: string) => redirectTo(`/account/coops/${slug}\\?sent=1`);
afterAll(closeDb);

const today = new Date().toISOString().slice(0, 10);

/** The edit form as the page fills it in for the entry as it is, with `changed` set. */
function entryForm(intent: string, changed: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries({ ...entryValues(ours), ...changed })) {
    if (name === 'showEmail') {
      if (value === true) form.append(name, 'on');
    } else for (const one of Array.isArray(value) ? value : [value]) form.append(name, String(one));
  }
  form.append('intent', intent);
  return form;
}

describe('the account area', () => {
  it('sends anyone not signed in to sign in', async () => {
    request.headers = asking();
    await expect(AccountLayout({ children: 'x' })).rejects.toMatchObject(redirectTo('/sign-in'));
    await expect(AccountPage()).rejects.toMatchObject(redirectTo('/sign-in'));
    await expect(edit(ours.slug)).rejects.toMatchObject(redirectTo('/sign-in'));
  });

  it('lists a contact’s own co-ops only, and lets them edit only those: anyone else gets not found, admins too', async () => {
    request.headers = asking(contact);
    const account = renderToStaticMarkup(await AccountPage());
    expect(account).toContain(`/account/coops/${ours.slug}`);
    expect(account).not.toContain(`/account/coops/${theirs.slug}`);
    await expect(edit(ours.slug)).resolves.toBeTruthy();
    await expect(edit(theirs.slug)).rejects.toMatchObject(notFoundError);
    await expect(edit('no-such-coop')).rejects.toMatchObject(notFoundError);
    request.headers = asking(admin);
    await expect(edit(ours.slug)).rejects.toMatchObject(notFoundError);
  });

  it('stores a sent change as one queued proposal of only the changed fields, and shows it waiting, in the form too', async () => {
    request.headers = asking(contact);
    const website = 'https://example.coop/new-site';
    await expect(proposeEntryAction(ours.slug, {}, entryForm('send', { website }))).rejects.toMatchObject(
      sentTo(ours.slug),
    );
    const rows = await (await getDb()).select().from(proposals);
    expect(rows.map(({ coop, changes, status, authorEmail }) => ({ coop, changes, status, authorEmail }))).toEqual([
      { coop: ours.slug, changes: { website, confirmed: today }, status: 'queued', authorEmail: 'cleo@example.coop' },
    ]);
    const account = renderToStaticMarkup(await AccountPage());
    expect(account).toContain('Waiting to be sent');
    expect(account).toContain('website');
    const page = renderToStaticMarkup(await edit(ours.slug, { sent: '1' }));
    expect(page).toContain('Sent: your change is waiting for the network’s editors.');
    expect(page).toMatch(/Waiting for an editor since [^<]+<\/h2>/);
    expect(page).toContain(`<dd class="wrap-break-word">${website}</dd>`);
    expect(page).toContain(`name="website" value="${website}"`);
  });

  it('builds a second change on the first: the form starts from it, and the second proposal carries both', async () => {
    request.headers = asking(contact);
    const website = 'https://example.coop/first';
    await expect(proposeEntryAction(ours.slug, {}, entryForm('send', { website }))).rejects.toMatchObject(
      sentTo(ours.slug),
    );
    // The form as the page now fills it in: the sent website, and a new town.
    await expect(
      proposeEntryAction(ours.slug, {}, entryForm('send', { website, town: 'Hebden Bridge' })),
    ).rejects.toMatchObject(sentTo(ours.slug));
    // The same again is no change from what was sent.
    const again = await proposeEntryAction(ours.slug, {}, entryForm('send', { website, town: 'Hebden Bridge' }));
    expect(again.errors?.form).toContain('Nothing has changed');
    const rows = await (await getDb()).select().from(proposals).orderBy(proposals.createdAt);
    expect(rows.map((row) => row.changes)).toEqual([
      { website, confirmed: today },
      { website, town: 'Hebden Bridge', confirmed: today },
    ]);
  });

  it('shows a change the site’s content already has as published, waiting for nobody', async () => {
    request.headers = asking(contact);
    const db = await getDb();
    await db.insert(proposals).values({
      coop: ours.slug,
      authorName: 'Cleo Contact',
      authorEmail: 'cleo@example.coop',
      changes: { website: ours.website, confirmed: today },
      status: 'pushed',
      branch: `proposal/${ours.slug}-12345678`,
      mergeRequest: true,
    });
    expect(renderToStaticMarkup(await AccountPage())).toContain(
      '<strong>Published</strong>. The change is on the site.',
    );
    expect(renderToStaticMarkup(await edit(ours.slug))).not.toContain('Waiting for an editor');
  });

  it('answers a preview, bad input and no change with the form, and stores nothing', async () => {
    request.headers = asking(contact);
    const preview = await proposeEntryAction(
      ours.slug,
      {},
      entryForm('preview', { website: 'https://example.coop/x' }),
    );
    expect(preview).toMatchObject({ preview: true, values: { website: 'https://example.coop/x' } });
    const bad = await proposeEntryAction(ours.slug, {}, entryForm('send', { website: 'nope', workerMembers: '-3' }));
    expect(Object.keys(bad.errors ?? {}).sort()).toEqual(['website', 'workerMembers']);
    const same = await proposeEntryAction(ours.slug, {}, entryForm('send'));
    expect(same.errors?.form).toContain('Nothing has changed');
    expect(await (await getDb()).select().from(proposals)).toEqual([]);
  });

  it('records “Still correct” on the site, once a day, with no proposal; the next change carries it', async () => {
    request.headers = asking(contact);
    const db = await getDb();
    const press = () => confirmEntryAction(ours.slug);
    await expect(press()).rejects.toMatchObject(redirectTo(`/account/coops/${ours.slug}\\?confirmed=1`));
    await expect(press()).rejects.toMatchObject(redirectTo(`/account/coops/${ours.slug}\\?confirmed=already`));
    expect(await db.select().from(proposals)).toEqual([]);
    const [recorded, ...more] = await db.select().from(coopConfirmations);
    expect(more).toEqual([]);
    expect(recorded).toMatchObject({ coop: ours.slug, userId: contactId, name: 'Cleo Contact', sentAt: null });
    const page = renderToStaticMarkup(await edit(ours.slug, { confirmed: '1' }));
    expect(page).toContain('confirmed as still correct, and its page says so now');
    expect(page).toContain('by Cleo Contact.');
    // A change sets `confirmed:` to today, so it carries the confirmation to the entry.
    await expect(
      proposeEntryAction(ours.slug, {}, entryForm('send', { website: 'https://example.coop/today' })),
    ).rejects.toMatchObject(sentTo(ours.slug));
    expect((await db.select().from(coopConfirmations))[0]?.sentAt).toBeInstanceOf(Date);
  });

  it('refuses a change over the co-op’s daily limit with a message on the form, keeping what was typed', async () => {
    request.headers = asking(contact);
    process.env.PROPOSALS_DAILY_LIMIT = '2';
    // Today's count so far, from the tests above, is not this test's.
    await (await getDb()).delete(rateLimits);
    try {
      for (const website of ['https://example.coop/one', 'https://example.coop/two']) {
        await expect(proposeEntryAction(ours.slug, {}, entryForm('send', { website }))).rejects.toMatchObject(
          sentTo(ours.slug),
        );
      }
      const over = await proposeEntryAction(ours.slug, {}, entryForm('send', { website: 'https://example.coop/3' }));
      expect(over).toMatchObject({
        errors: {
          form: 'This co-op has sent 2 proposals today, the most for one day. Please send this change tomorrow.',
        },
        values: { website: 'https://example.coop/3' },
      });
      expect(await (await getDb()).select().from(proposals)).toHaveLength(2);
    } finally {
      delete process.env.PROPOSALS_DAILY_LIMIT;
    }
  });

  it('shows the co-op’s people its broken and moved links, and no other co-op’s', async () => {
    request.headers = asking(contact);
    const db = await getDb();
    const checkedAt = new Date();
    await db.insert(linkChecks).values([
      { url: ours.website ?? '', status: 404, brokenRuns: 2, checkedAt },
      { url: theirs.website ?? '', status: null, error: 'refused', brokenRuns: 1, checkedAt },
    ]);
    try {
      const page = renderToStaticMarkup(await edit(ours.slug));
      expect(page).toContain(`${ours.website}</a>: broken (answered 404), 2 checks in a row`);
      expect(page).not.toContain('refused');
    } finally {
      await db.delete(linkChecks);
    }
  });

  it('tells the co-op’s people a link led to a private address, and not which', async () => {
    request.headers = asking(contact);
    const db = await getDb();
    await db.insert(linkChecks).values({
      url: ours.website ?? '',
      status: null,
      finalUrl: 'http://10.0.0.5:8080/',
      error: privateAddressError,
      brokenRuns: 1,
      checkedAt: new Date(),
    });
    try {
      const page = renderToStaticMarkup(await edit(ours.slug));
      expect(page).toContain(`${ours.website}</a>: not checked: private address</li>`);
      expect(page).not.toContain('10.0.0.5');
    } finally {
      await db.delete(linkChecks);
    }
  });

  it('refuses to act for a co-op the person is not linked to, and for no one signed in', async () => {
    request.headers = asking(contact);
    await expect(confirmEntryAction(theirs.slug)).rejects.toThrow('Not linked');
    await expect(proposeEntryAction(theirs.slug, {}, entryForm('send', { website: 'https://x.coop' }))).rejects.toThrow(
      'Not linked',
    );
    request.headers = asking();
    await expect(proposeEntryAction(ours.slug, {}, entryForm('send', { website: 'https://x.coop' }))).rejects.toThrow(
      'Not signed in',
    );
    expect(await (await getDb()).select().from(proposals)).toEqual([]);
  });
});
