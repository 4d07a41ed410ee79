import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addPerson } from '@/lib/auth/accounts';
import { directory } from '@/lib/coops';
import { recordConfirmation } from '@/lib/coops/confirmations';
import { closeDb, getDb } from '@/lib/db';
import { resetDatabase } from '@/test/database';
import { GET } from './route';

beforeEach(resetDatabase);
afterAll(closeDb);

const coop = directory.members.find((member) => member.confirmed);
const ask = (slug: string) =>
  GET(new Request(`http://localhost:3000/api/coops/${slug}/confirmation`), { params: Promise.resolve({ slug }) });

describe('GET /api/coops/SLUG/confirmation', () => {
  it('says the entry’s date, then a later “Still correct” the site recorded, at once and uncached', async () => {
    if (!coop?.confirmed) throw new Error('the directory needs a confirmed member');
    const before = await ask(coop.slug);
    expect(before.headers.get('cache-control')).toBe('no-store');
    expect(await before.json()).toEqual({ confirmed: coop.confirmed.slice(0, 10) });
    const now = new Date();
    const db = await getDb();
    const cleo = await addPerson(db, { name: 'Cleo', email: 'cleo@example.coop', role: 'contact' }, null);
    if (!cleo) throw new Error('not added');
    expect(await recordConfirmation(db, coop.slug, cleo, now)).toBe('recorded');
    expect(await (await ask(coop.slug)).json()).toEqual({ confirmed: now.toISOString().slice(0, 10) });
  });

  it('answers 404 for a co-op the directory does not have', async () => {
    expect((await ask('no-such-coop')).status).toBe(404);
  });
});
