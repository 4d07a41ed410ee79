import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { addPerson } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { listEnquiries, updateEnquiry } from '@/lib/enquiries/store';
import { validBrief, validEnquiry } from '@/test/enquiry-data';
import { resetDatabase, storeBrief, storeEnquiry } from '@/test/database';
import { filterLabel, filterQuery, parseEnquiryFilter } from './enquiry-filter';

beforeEach(resetDatabase);
afterAll(closeDb);

describe('parseEnquiryFilter', () => {
  it('reads a kind and a status, an empty value as any', () => {
    expect(parseEnquiryFilter({})).toEqual({ ok: true, filter: {} });
    expect(parseEnquiryFilter({ kind: '', status: '' })).toEqual({ ok: true, filter: {} });
    expect(parseEnquiryFilter({ kind: 'brief', status: 'won' })).toEqual({
      ok: true,
      filter: { kind: 'brief', status: 'won' },
    });
    expect(parseEnquiryFilter({ status: ['declined', 'won'] })).toEqual({ ok: true, filter: { status: 'declined' } });
  });

  it('says which value it does not know, and what it would', () => {
    expect(parseEnquiryFilter({ kind: 'spam' })).toEqual({
      ok: false,
      message: 'There is no kind “spam”: choose one of “join”, “brief”, or any.',
    });
    const status = parseEnquiryFilter({ kind: 'brief', status: 'pending' });
    expect(status).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^There is no status “pending”: .*“won”/),
    });
  });

  it('reads a reference as people type it, and says when the text cannot be one', () => {
    for (const typed of ['B-9M2D', ' b9m2d ', 'b 9m 2d']) {
      expect(parseEnquiryFilter({ reference: typed }), typed).toEqual({ ok: true, filter: { reference: 'B-9M2D' } });
    }
    expect(parseEnquiryFilter({ reference: ' ' })).toEqual({ ok: true, filter: {} });
    expect(parseEnquiryFilter({ reference: 'B-9M0D' })).toEqual({
      ok: false,
      message: '“B-9M0D” is not a reference: a reference is a letter and four letters or digits, like B-9M2D.',
    });
  });

  it('writes the filter back as a query and in words', () => {
    expect(filterQuery({ reference: 'B-9M2D' })).toBe('?reference=B-9M2D');
    expect(filterLabel({ kind: 'brief', reference: 'B-9M2D' })).toBe('Briefs, Reference B-9M2D');
    expect(filterQuery({})).toBe('');
    expect(filterQuery({ kind: 'brief', status: 'in-conversation' })).toBe('?kind=brief&status=in-conversation');
    expect(filterLabel({ kind: 'brief', status: 'in-conversation' })).toBe('Briefs, In conversation');
  });
});

describe('listEnquiries with a filter', () => {
  it('lists the enquiries of the kind and status asked for, newest first', async () => {
    const db = await getDb();
    const mo = await addPerson(db, { name: 'Mo', email: 'mo@example.coop', role: 'member' }, null);
    if (!mo) throw new Error('not added');
    await storeEnquiry();
    const won = await storeBrief({ ...validBrief, organisation: 'Won Org' });
    await storeBrief({ ...validBrief, organisation: 'New Org' });
    await updateEnquiry(db, won.id, { status: 'won' }, mo.id);
    const ids = async (filter: Parameters<typeof listEnquiries>[1]) =>
      (await listEnquiries(db, filter)).map((enquiry) => enquiry.organisation ?? enquiry.coopName);
    expect(await ids({})).toEqual(['New Org', 'Won Org', validEnquiry.coopName]);
    expect(await ids({ kind: 'brief' })).toEqual(['New Org', 'Won Org']);
    expect(await ids({ status: 'new' })).toEqual(['New Org', validEnquiry.coopName]);
    expect(await ids({ kind: 'brief', status: 'won' })).toEqual(['Won Org']);
    expect(await ids({ kind: 'join', status: 'won' })).toEqual([]);
    expect(await ids({ reference: won.reference })).toEqual(['Won Org']);
    expect(await ids({ kind: 'join', reference: won.reference })).toEqual([]);
  });
});
