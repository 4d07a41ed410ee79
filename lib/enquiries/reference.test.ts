import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { enquiries } from '@/lib/db/schema';
import { joinKind } from '@/lib/enquiry-kinds';
import { resetDatabase } from '@/test/database';
import { validEnquiry } from '@/test/enquiry-data';
import { stored } from '@/test/enquiry-requests';
import { newReference, normaliseReference, referenceAlphabet } from './reference';
import { createEnquiry } from './store';

describe('an enquiry reference', () => {
  it('is the kind’s letter and four characters of the alphabet, as drawn', () => {
    const draws = [0, 29, 9, 15];
    expect(newReference('B', () => draws.shift() ?? 0)).toBe('B-2ZBH');
    expect(referenceAlphabet).toHaveLength(30);
    expect(referenceAlphabet).not.toMatch(/[01OILU]/);
  });

  it('reads the same however it is typed: case, spaces and the dash do not matter', () => {
    for (const typed of ['B-9M2D', 'b-9m2d', 'B9M2D', ' b 9m2d ', 'B - 9M 2D']) {
      expect(normaliseReference(typed), typed).toBe('B-9M2D');
    }
  });

  it('is refused when it cannot be one: a look-alike, a length or a letter out of place', () => {
    for (const typed of ['B-9M0D', 'B-9MOD', 'B-1M2D', 'B-9M2', 'B-9M2DD', '9-9M2D', 'BB-9M2D', '', 'B-', 'B-9M2D?']) {
      expect(normaliseReference(typed), typed).toBeUndefined();
    }
  });
});

describe('storing an enquiry with its reference', () => {
  beforeEach(resetDatabase);
  afterAll(closeDb);

  it('draws again while the reference drawn is taken, so no two enquiries share one', async () => {
    const db = await getDb();
    const options = { receiptHourlyLimit: 30 };
    // The first draw always gives J-2222; the second enquiry meets it and takes the next draw, J-3333.
    const draws = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const draw = () => draws.shift() ?? 29;
    const first = await createEnquiry(db, joinKind, validEnquiry, { ...options, draw });
    const second = await createEnquiry(db, joinKind, validEnquiry, { ...options, draw });
    expect([first, second].map((stored) => stored.outcome === 'stored' && stored.reference)).toEqual([
      'J-2222',
      'J-3333',
    ]);
    expect(draws).toEqual([]);
    const rows = await db.select({ reference: enquiries.reference }).from(enquiries);
    expect(rows.map((row) => row.reference).sort()).toEqual(['J-2222', 'J-3333']);
  });

  it('gives up, storing nothing, when every draw is taken', async () => {
    const db = await getDb();
    const always = () => 0;
    await createEnquiry(db, joinKind, validEnquiry, { receiptHourlyLimit: 30, draw: always });
    await expect(createEnquiry(db, joinKind, validEnquiry, { receiptHourlyLimit: 30, draw: always })).rejects.toThrow(
      /No free J- reference in 20 draws/,
    );
    expect(await stored()).toEqual({ enquiries: 1, outbox: 2 });
  });
});
