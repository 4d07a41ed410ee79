import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addPerson } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { proposals } from '@/lib/db/schema';
import { eq, sql } from 'drizzle-orm';
import { deleteSettledProposals, listProposals, ProposalLimitReached, storeProposal } from '@/lib/proposals/store';
import { solidPng } from '@/test/images';
import { resetDatabase } from '@/test/database';
import { editableFields } from './entry-fields';
import { checkProposal, entryValues, today } from './form';
import { mergeRequestUrl, projectUrl, proposalStatus } from './status';

beforeEach(resetDatabase);
afterAll(closeDb);

const choices = { services: ['development', 'hosting'], technologies: ['php', 'python'] };
const current = entryValues({
  name: 'Outlandish',
  member: true,
  website: 'https://outlandish.com',
  town: 'London',
  services: ['development'],
  technologies: ['php'],
  workerMembers: 12,
  body: { raw: 'ignored' },
});

/** The form as the page renders it for the current entry, with `changed` fields set. */
function form(changed: Record<string, string | string[]> = {}, logo?: File): FormData {
  const data = new FormData();
  const fields: Record<string, string | string[]> = {
    name: 'Outlandish',
    website: 'https://outlandish.com',
    email: '',
    town: 'London',
    latitude: '',
    longitude: '',
    workerMembers: '12',
    services: ['development'],
    technologies: ['php'],
    reason: 'We moved.',
    ...changed,
  };
  for (const [name, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) data.append(name, one);
  }
  if (logo) data.append('logo', logo);
  return data;
}

describe('checking an edit of a co-op entry', () => {
  it('proposes only the fields that changed', async () => {
    const checked = await checkProposal(
      form({ website: 'https://outlandish.coop', services: ['development', 'hosting'] }),
      'outlandish',
      current,
      choices,
    );
    expect(checked).toMatchObject({
      ok: true,
      reason: 'We moved.',
      changes: { website: 'https://outlandish.coop', services: ['development', 'hosting'] },
    });
    expect(checked.ok && Object.keys(checked.changes)).toEqual(['website', 'services']);
  });

  it('keeps a list in the entry’s order, new items last, and sees the same items in another order as no change', async () => {
    const entry = { ...current, services: ['development', 'hosting'] };
    const added = await checkProposal(
      form({ services: ['consultancy', 'hosting', 'development'] }),
      'outlandish',
      entry,
      {
        ...choices,
        services: [...choices.services, 'consultancy'],
      },
    );
    expect(added.ok && added.changes).toEqual({ services: ['development', 'hosting', 'consultancy'] });
    const reordered = await checkProposal(
      form({ services: ['hosting', 'development'], website: 'https://outlandish.coop' }),
      'outlandish',
      entry,
      choices,
    );
    expect(reordered.ok && reordered.changes).toEqual({ website: 'https://outlandish.coop' });
  });

  it('proposes null for a field that was cleared, and takes a ticked box', async () => {
    const checked = await checkProposal(
      form({ workerMembers: '', showEmail: 'on', email: 'hi@outlandish.com' }),
      'outlandish',
      current,
      choices,
    );
    expect(checked.ok && checked.changes).toEqual({ workerMembers: null, email: 'hi@outlandish.com', showEmail: true });
  });

  it('proposes a description that was sent and differs, trimmed; one not sent, or the same, is no change', async () => {
    const changed = await checkProposal(form({ description: '  New\r\nwords.\r\n' }), 'outlandish', current, choices);
    expect(changed.ok && changed.changes).toEqual({ description: 'New\nwords.' });
    const cleared = await checkProposal(form({ description: '' }), 'outlandish', current, choices);
    expect(cleared.ok && cleared.changes).toEqual({ description: '' });
    for (const same of [form(), form({ description: 'ignored\n' })]) {
      expect(await checkProposal(same, 'outlandish', current, choices)).toMatchObject({ ok: false });
    }
    const long = await checkProposal(form({ description: 'x'.repeat(5001) }), 'outlandish', current, choices);
    expect(long).toMatchObject({ ok: false, errors: { description: 'Description: at most 5,000 characters.' } });
  });

  it('refuses a reason over 1,000 characters with a message on it, keeping the text; takes one of 1,000', async () => {
    const long = await checkProposal(
      form({ town: 'Hackney', reason: 'x'.repeat(1001) }),
      'outlandish',
      current,
      choices,
    );
    expect(long).toMatchObject({
      ok: false,
      reason: 'x'.repeat(1001),
      errors: { reason: 'Why: at most 1,000 characters (this has 1,001).' },
    });
    const fits = await checkProposal(
      form({ town: 'Hackney', reason: 'x'.repeat(1000) }),
      'outlandish',
      current,
      choices,
    );
    expect(fits).toMatchObject({ ok: true, reason: 'x'.repeat(1000) });
  });

  it('refuses, on its field, a description with a placeholder the content build does not know', async () => {
    const checked = await checkProposal(
      form({ description: 'Find us on {{ site.forum }} and {{ site.nosuch }}.' }),
      'outlandish',
      current,
      choices,
    );
    expect(checked).toMatchObject({
      ok: false,
      errors: { description: 'The site would not build with this: unknown placeholder {{ site.nosuch }}.' },
      values: { description: 'Find us on {{ site.forum }} and {{ site.nosuch }}.' },
    });
    const known = await checkProposal(form({ description: 'On {{ site.forum }}.' }), 'outlandish', current, choices);
    expect(known).toMatchObject({ ok: true, changes: { description: 'On {{ site.forum }}.' } });
  });

  it('refuses, on its field, showing an email the entry does not have, which the content build refuses', async () => {
    const checked = await checkProposal(form({ showEmail: 'on' }), 'outlandish', current, choices);
    expect(checked).toMatchObject({
      ok: false,
      errors: { showEmail: 'The site would not build with this: showEmail is true, but there is no email.' },
    });
    const withEmail = await checkProposal(
      form({ showEmail: 'on', email: 'hi@outlandish.com' }),
      'outlandish',
      current,
      choices,
    );
    expect(withEmail).toMatchObject({ ok: true });
  });

  it('refuses a form with no change, saying so', async () => {
    const checked = await checkProposal(form(), 'outlandish', current, choices);
    expect(checked).toMatchObject({ ok: false, errors: { form: expect.stringContaining('Nothing has changed') } });
  });

  it('refuses bad values field by field, by the content schema’s rules, and services not in the directory', async () => {
    const checked = await checkProposal(
      form({ name: ' ', website: 'not a url', latitude: '100', workerMembers: '0', services: ['hacking'] }),
      'outlandish',
      current,
      choices,
    );
    expect(checked.ok).toBe(false);
    expect(Object.keys(checked.ok ? {} : checked.errors).sort()).toEqual(
      ['latitude', 'name', 'services', 'website', 'workerMembers'].sort(),
    );
  });

  it.each([
    ['https://ada:secret@outlandish.coop/', 'Website: give the address without a user name or password in it.'],
    ['ftp://outlandish.coop/', 'Website: give an address starting https://.'],
    [
      'http://192.168.1.10/',
      'Website: 192.168.1.10 is not a public address; give the address people reach the website at.',
    ],
    ['https://[fd00::1]/', 'Website: [fd00::1] is not a public address; give the address people reach the website at.'],
  ])('refuses the website %s, saying why on the field', async (website, message) => {
    const checked = await checkProposal(form({ website }), 'outlandish', current, choices);
    expect(checked).toMatchObject({ ok: false, errors: { website: message } });
  });

  it('takes a valid PNG logo under the co-op’s name, and refuses one that is not what it says', async () => {
    const png = new File([new Uint8Array(solidPng(8, 4, [0, 128, 0]))], 'My Logo.PNG', { type: 'image/png' });
    const checked = await checkProposal(form({}, png), 'outlandish', current, choices);
    // The logo alone is a change; its path is the worker's to set (lib/proposals/change.ts), not a changed field.
    expect(checked).toMatchObject({ ok: true, changes: {}, logo: { name: 'outlandish.png', width: 8, height: 4 } });
    expect(checked.logo?.data).toBe(solidPng(8, 4, [0, 128, 0]).toString('base64'));

    const fake = new File(['<svg><script>alert(1)</script></svg>'], 'logo.svg', { type: 'image/svg+xml' });
    const refused = await checkProposal(
      form({ website: 'https://outlandish.coop' }, fake),
      'outlandish',
      current,
      choices,
    );
    expect(refused).toMatchObject({ ok: false, errors: { logo: expect.stringMatching(/^Logo: /) } });
    const gif = new File(['GIF89a'], 'logo.gif', { type: 'image/gif' });
    expect(await checkProposal(form({}, gif), 'outlandish', current, choices)).toMatchObject({
      ok: false,
      errors: { logo: 'Logo: upload an .svg or a .png file.' },
    });
  });
});

describe('a field the form leaves out', () => {
  // An entry with every editable field set, as a file may have them: leaving any out must remove none.
  const full = entryValues({
    name: 'Outlandish',
    website: 'https://outlandish.com',
    email: 'hello@outlandish.com',
    showEmail: true,
    town: 'London',
    latitude: 51.5,
    longitude: -0.1,
    workerMembers: 12,
    services: ['development'],
    technologies: ['php'],
  });
  /** The form for `full` as the page sends it: each tick box and list with its empty "present" value. */
  const sent = () => {
    const data = form({ email: 'hello@outlandish.com', latitude: '51.5', longitude: '-0.1', reason: '' });
    data.append('showEmail', '');
    data.append('showEmail', 'on');
    data.append('services', '');
    data.append('technologies', '');
    return data;
  };

  it('has every editable field in the test’s full entry', () => {
    expect(Object.keys(full).sort()).toEqual([...editableFields].sort());
  });

  it.each(editableFields)('changes nothing of %s when its input is not in the submission', async (name) => {
    const data = sent();
    data.delete(name);
    // One other field changes, so the proposal is sent.
    const [other, value] = name === 'town' ? ['name', 'Outlandish Co-op'] : ['town', 'Hackney'];
    data.set(other, value);
    const checked = await checkProposal(data, 'outlandish', full, choices);
    expect(checked.ok && checked.changes).toEqual({ [other]: value });
    // What the form shows again keeps the entry's value of the field it did not send.
    expect(checked.values[name]).toEqual(full[name]);
  });

  it('removes a field whose box was sent empty, and unticks what was sent unticked', async () => {
    const data = sent();
    for (const name of ['website', 'email', 'town', 'latitude', 'longitude', 'workerMembers']) data.set(name, '');
    data.set('showEmail', '');
    data.set('services', '');
    const checked = await checkProposal(data, 'outlandish', full, choices);
    expect(checked.ok && checked.changes).toEqual({
      website: null,
      email: null,
      showEmail: false,
      town: null,
      latitude: null,
      longitude: null,
      workerMembers: null,
      services: [],
    });
  });

  it('refuses an emptied name, which every entry must have', async () => {
    const checked = await checkProposal(form({ name: '' }), 'outlandish', current, choices);
    expect(checked).toMatchObject({ ok: false, errors: { name: 'Name: give a value.' } });
  });
});

describe('storing a proposal', () => {
  const limit = { dailyLimit: 20 };

  it('stores who asked, why and what changed, queued; and lists it for its co-op only', async () => {
    const db = await getDb();
    const cleo = await addPerson(db, { name: 'Cleo', email: 'cleo@example.coop', role: 'contact' }, null);
    const author = { id: cleo?.id ?? '', name: 'Cleo', email: 'cleo@example.coop' };
    const stored = await storeProposal(
      db,
      {
        coop: 'outlandish',
        author,
        reason: 'Still right.',
        changes: { confirmed: today(new Date('2026-12-05T10:00:00Z')) },
        logo: { name: 'outlandish.png', data: solidPng(2, 2, [0, 0, 0]) },
      },
      limit,
    );
    expect(stored).toMatchObject({
      status: 'queued',
      authorName: 'Cleo',
      authorEmail: 'cleo@example.coop',
      changes: { confirmed: '2026-12-05' },
      logoName: 'outlandish.png',
    });
    expect(Buffer.from(stored.logoData ?? '', 'base64')).toEqual(solidPng(2, 2, [0, 0, 0]));
    expect((await listProposals(db, ['outlandish'])).map((p) => p.id)).toEqual([stored.id]);
    expect(await listProposals(db, ['agile-collective'])).toEqual([]);
    expect(await listProposals(db, [])).toEqual([]);
    expect(proposalStatus(stored, 'contact').words).toBe('Waiting to be sent');
  });

  it('says each state in plain words with what happens next, and why a push failed to the network’s members alone', () => {
    const base = { status: 'queued', branch: null, mergeRequest: null, lastError: null, mergedAt: null } as const;
    expect(proposalStatus(base, 'contact')).toEqual({
      words: 'Waiting to be sent',
      next: 'It goes to the editors within a minute: nothing for you to do.',
    });
    const retrying = { ...base, lastError: 'git push: fatal: unable to access https://gitlab.example/: 503' };
    expect(proposalStatus(retrying, 'admin').next).toContain(`Last try: ${retrying.lastError}`);
    expect(proposalStatus(retrying, 'contact').next).toBe(
      'The content repository did not take it yet; the site tries again by itself: nothing for you to do.',
    );
    const failed = { ...base, status: 'failed', lastError: 'content/coops/x.md is not in main any more' } as const;
    expect(proposalStatus(failed, 'admin').words).toBe('Could not be sent: content/coops/x.md is not in main any more');
    expect(proposalStatus(failed, 'contact').words).toBe('Could not be sent');
    expect(JSON.stringify(proposalStatus(failed, 'contact'))).not.toContain('content/coops');
    expect(proposalStatus(failed, 'contact').next).toContain('send your change again');
    const project = projectUrl('https://gitlab+deploy-token-1:s3cret@gitlab.example/cotech/website.git');
    expect(project).toBe('https://gitlab.example/cotech/website');
    expect(projectUrl('file:///srv/content.git')).toBeUndefined();
    expect(projectUrl(undefined)).toBeUndefined();
    const pushed = { ...base, status: 'pushed', branch: 'proposal/outlandish-1' } as const;
    for (const reader of ['contact', 'admin'] as const) {
      expect(proposalStatus({ ...pushed, mergeRequest: true }, reader, { project })).toEqual({
        words: 'Sent to the editors',
        next: 'An editor reviews the merge request, then publishes it or says why not.',
        link: {
          href: 'https://gitlab.example/cotech/website/-/merge_requests?scope=all&state=all&source_branch=proposal%2Foutlandish-1',
          text: 'See the merge request',
        },
      });
      expect(proposalStatus({ ...pushed, mergeRequest: true }, reader).link).toBeUndefined();
      expect(proposalStatus({ ...pushed, mergeRequest: false }, reader, { project }).words).toBe(
        'Sent as branch proposal/outlandish-1: an editor opens the merge request',
      );
      expect(proposalStatus({ ...pushed, mergedAt: new Date() }, reader).words).toBe('Accepted');
      expect(proposalStatus(pushed, reader, { published: true }).words).toBe('Published');
      expect(proposalStatus({ ...pushed, status: 'published' }, reader).words).toBe('Published');
      expect(proposalStatus({ ...pushed, status: 'not-accepted' }, reader).words).toBe('Not accepted');
    }
    expect(mergeRequestUrl('https://g.example/a/b', 'proposal/x')).toBe(
      'https://g.example/a/b/-/merge_requests?scope=all&state=all&source_branch=proposal%2Fx',
    );
  });

  it('deletes pushed and failed proposals once settled longer than the retention period, never queued ones', async () => {
    const db = await getDb();
    const nell = await addPerson(db, { name: 'Nell', email: 'nell@example.coop', role: 'contact' }, null);
    const author = { id: nell?.id ?? '', name: 'Nell', email: 'nell@example.coop' };
    const store = async (status: 'queued' | 'pushed' | 'failed', monthsAgo: number) => {
      const stored = await storeProposal(
        db,
        { coop: 'outlandish', author, reason: status, changes: { name: 'X' } },
        limit,
      );
      const at = sql`now() - make_interval(months => ${monthsAgo}, days => 1)`;
      await db
        .update(proposals)
        .set({ status, createdAt: at, pushedAt: status === 'pushed' ? at : null })
        .where(eq(proposals.id, stored.id));
      return stored.id;
    };
    const kept = [await store('queued', 13), await store('pushed', 11), await store('failed', 11)];
    await store('pushed', 12);
    await store('failed', 12);
    expect(await deleteSettledProposals(db, 12)).toBe(2);
    expect((await db.select({ id: proposals.id }).from(proposals)).map(({ id }) => id).sort()).toEqual(kept.sort());
  });

  it('stores at most the daily limit for one co-op, refusing the next with a message and storing nothing', async () => {
    const db = await getDb();
    const nell = await addPerson(db, { name: 'Nell', email: 'nell@example.coop', role: 'contact' }, null);
    const author = { id: nell?.id ?? '', name: 'Nell', email: 'nell@example.coop' };
    const propose = (coop: string, town: string) =>
      storeProposal(db, { coop, author, reason: '', changes: { town } }, { dailyLimit: 2 });
    await propose('outlandish', 'One');
    await propose('outlandish', 'Two');
    const refused = await propose('outlandish', 'Three').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ProposalLimitReached);
    expect((refused as Error).message).toBe(
      'This co-op has sent 2 proposals today, the most for one day. Please send this change tomorrow.',
    );
    // Another co-op has its own limit.
    await propose('agile-collective', 'Elsewhere');
    const stored = await db.select({ coop: proposals.coop, changes: proposals.changes }).from(proposals);
    const towns = stored.filter(({ coop }) => coop === 'outlandish').map(({ changes }) => String(changes.town));
    expect(towns.sort()).toEqual(['One', 'Two']);
    expect(stored).toHaveLength(3);
  });

  it('counts proposals sent at the same moment one after the other', async () => {
    const db = await getDb();
    const nell = await addPerson(db, { name: 'Nell', email: 'nell@example.coop', role: 'contact' }, null);
    const author = { id: nell?.id ?? '', name: 'Nell', email: 'nell@example.coop' };
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((n) =>
        storeProposal(db, { coop: 'outlandish', author, reason: '', changes: { town: `T${n}` } }, { dailyLimit: 2 }),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(2);
    expect(await db.select().from(proposals)).toHaveLength(2);
  });

  it('refuses to store a proposal that changes nothing', async () => {
    const db = await getDb();
    const author = { id: 'nobody', name: 'N', email: 'n@example.coop' };
    await expect(storeProposal(db, { coop: 'outlandish', author, reason: '', changes: {} }, limit)).rejects.toThrow();
    expect(await db.select().from(proposals)).toEqual([]);
  });
});
