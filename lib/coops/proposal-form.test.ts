import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addPerson } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { proposals } from '@/lib/db/schema';
import { eq, sql } from 'drizzle-orm';
import { deleteSettledProposals, listProposals, proposalState, storeProposal } from '@/lib/proposals/store';
import { solidPng } from '@/test/images';
import { resetDatabase } from '@/test/database';
import { checkProposal, entryValues, today } from './proposal-form';

beforeEach(resetDatabase);
afterAll(closeDb);

const choices = { services: ['web-development', 'design'], technologies: ['php', 'python'] };
const current = entryValues({
  name: 'Outlandish',
  member: true,
  website: 'https://outlandish.com',
  town: 'London',
  services: ['web-development'],
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
    services: ['web-development'],
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
      form({ website: 'https://outlandish.coop', services: ['web-development', 'design'] }),
      'outlandish',
      current,
      choices,
    );
    expect(checked).toMatchObject({
      ok: true,
      reason: 'We moved.',
      changes: { website: 'https://outlandish.coop', services: ['web-development', 'design'] },
    });
    expect(checked.ok && Object.keys(checked.changes)).toEqual(['website', 'services']);
  });

  it('keeps a list in the entry’s order, new items last, and sees the same items in another order as no change', async () => {
    const entry = { ...current, services: ['web-development', 'design'] };
    const added = await checkProposal(
      form({ services: ['consultancy', 'design', 'web-development'] }),
      'outlandish',
      entry,
      {
        ...choices,
        services: [...choices.services, 'consultancy'],
      },
    );
    expect(added.ok && added.changes).toEqual({ services: ['web-development', 'design', 'consultancy'] });
    const reordered = await checkProposal(
      form({ services: ['design', 'web-development'], website: 'https://outlandish.coop' }),
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

describe('storing a proposal', () => {
  it('stores who asked, why and what changed, queued; and lists it for its co-op only', async () => {
    const db = await getDb();
    const cleo = await addPerson(db, { name: 'Cleo', email: 'cleo@example.coop', role: 'contact' }, null);
    const author = { id: cleo?.id ?? '', name: 'Cleo', email: 'cleo@example.coop' };
    const stored = await storeProposal(db, {
      coop: 'outlandish',
      author,
      reason: 'Still right.',
      changes: { confirmed: today(new Date('2026-12-05T10:00:00Z')) },
      logo: { name: 'outlandish.png', data: solidPng(2, 2, [0, 0, 0]) },
    });
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
    expect(proposalState(stored)).toBe('Queued');
    expect(proposalState({ ...stored, status: 'pushed', branch: 'proposal/outlandish-1' })).toContain(
      'proposal/outlandish-1',
    );
    expect(proposalState({ ...stored, lastError: 'connection refused' })).toContain('connection refused');
  });

  it('deletes pushed and failed proposals once settled longer than the retention period, never queued ones', async () => {
    const db = await getDb();
    const nell = await addPerson(db, { name: 'Nell', email: 'nell@example.coop', role: 'contact' }, null);
    const author = { id: nell?.id ?? '', name: 'Nell', email: 'nell@example.coop' };
    const store = async (status: 'queued' | 'pushed' | 'failed', monthsAgo: number) => {
      const stored = await storeProposal(db, { coop: 'outlandish', author, reason: status, changes: { name: 'X' } });
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

  it('refuses to store a proposal that changes nothing', async () => {
    const db = await getDb();
    const author = { id: 'nobody', name: 'N', email: 'n@example.coop' };
    await expect(storeProposal(db, { coop: 'outlandish', author, reason: '', changes: {} })).rejects.toThrow();
    expect(await db.select().from(proposals)).toEqual([]);
  });
});
