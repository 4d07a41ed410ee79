import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addPerson } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { enquiries } from '@/lib/db/schema';
import { updateEnquiry } from '@/lib/enquiries/store';
import { mailTestSettings, validBrief } from '@/test/enquiry-data';
import { resetDatabase, storeBrief, storeEnquiry } from '@/test/database';
import { leadFigures, quarterStart } from './figures';
import { forwardBrief } from './forwarding';

beforeEach(resetDatabase);
afterAll(closeDb);

describe('quarterStart', () => {
  it('is the first moment of the calendar quarter', () => {
    expect(quarterStart(new Date('2026-11-23T13:00:00Z'))).toEqual(new Date('2026-10-01T00:00:00Z'));
    expect(quarterStart(new Date('2026-03-31T23:59:59Z'))).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(quarterStart(new Date('2026-04-01T00:00:00Z'))).toEqual(new Date('2026-04-01T00:00:00Z'));
  });
});

describe('leadFigures', () => {
  it('counts this quarter’s briefs, those forwarded, those won, and the services they named', async () => {
    const db = await getDb();
    const mo = await addPerson(db, { name: 'Mo', email: 'mo@example.coop', role: 'member' }, null);
    if (!mo) throw new Error('not added');
    const forwarded = await storeBrief();
    const won = await storeBrief({ ...validBrief, services: ['hosting', 'consultancy'] });
    await storeBrief({ ...validBrief, services: ['consultancy'] });
    const lastQuarter = await storeBrief({ ...validBrief, services: ['web-design'] });
    await storeEnquiry();
    await forwardBrief(db, forwarded.id, ['with-address'], mo.id, { contacts: mailTestSettings.coops });
    // Won without a forwarding on record (a member heard of it another way): won, not forwarded.
    await updateEnquiry(db, won.id, { status: 'won' }, mo.id);
    const now = new Date();
    await db
      .update(enquiries)
      .set({ createdAt: sql`${quarterStart(now).toISOString()}::timestamptz - interval '1 second'` })
      .where(eq(enquiries.id, lastQuarter.id));

    expect(await leadFigures(db, now)).toEqual({
      since: quarterStart(now),
      leads: 3,
      forwarded: 1,
      won: 1,
      services: [
        { slug: 'consultancy', leads: 2 },
        { slug: 'hosting', leads: 2 },
        { slug: 'web-design', leads: 1 },
      ],
    });
  });

  it('is all zeros with no briefs this quarter', async () => {
    await storeEnquiry();
    expect(await leadFigures(await getDb())).toMatchObject({ leads: 0, forwarded: 0, won: 0, services: [] });
  });
});
