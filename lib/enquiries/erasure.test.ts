import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { enquiryHistory, recentActivity } from '@/lib/audit';
import { addPerson, bootstrapAdmins } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { enquiries, enquiryNotes, idempotencyKeys, outbox } from '@/lib/db/schema';
import { joinKind } from '@/lib/enquiry-kinds';
import { resetDatabase, storeBrief, storeEnquiry } from '@/test/database';
import { enquiryTable } from './csv';
import { notesOf, threadText } from './notes';
import { parseSettings } from '@/lib/settings';
import { anonymiseExpired, eraseEnquiry } from './erasure';
import { pruneExpired } from '@/lib/runtime/housekeeping';
import { enquiryDigest } from './idempotency';
import { createEnquiry, getEnquiry, updateEnquiry } from './store';
import { mailTestSettings, validBrief, validEnquiry } from '@/test/enquiry-data';

beforeEach(resetDatabase);
afterAll(closeDb);

const personal = [
  validEnquiry.contactName,
  validEnquiry.email,
  validEnquiry.description,
  validEnquiry.website,
  validEnquiry.evidenceUrl,
];

async function people() {
  const db = await getDb();
  const ada = await addPerson(db, { name: 'Ada Admin', email: 'admin@example.net', role: 'admin' }, null);
  const mo = await addPerson(db, { name: 'Mo Member', email: 'mo@example.coop', role: 'member' }, null);
  if (!ada || !mo) throw new Error('not added');
  return { db, ada, mo };
}

describe('the audit trail of triage', () => {
  it('records who changed the status and who added each note, and nothing for a save that changes nothing', async () => {
    const { db, mo } = await people();
    const { id } = await storeEnquiry();
    expect(await updateEnquiry(db, id, { status: 'in-discussion', note: 'Called them' }, mo.id)).toBe('saved');
    expect(await updateEnquiry(db, id, { status: 'in-discussion', note: '  ' }, mo.id)).toBe('saved');
    const history = await enquiryHistory(db, id);
    expect(
      history
        .map(({ action, actorName, from, to }) => ({ action, actorName, from, to }))
        .sort((a, b) => a.action.localeCompare(b.action)),
    ).toEqual([
      { action: 'enquiry.note', actorName: 'Mo Member', from: null, to: 'Called them' },
      { action: 'enquiry.status', actorName: 'Mo Member', from: 'new', to: 'in-discussion' },
    ]);
  });
});

describe('notes', () => {
  it('keeps every note in a thread, each with its author and time, in order: a second note never replaces the first', async () => {
    const { db, ada, mo } = await people();
    const { id } = await storeBrief();
    const { id: other } = await storeBrief();
    expect(await updateEnquiry(db, id, { status: 'new', note: 'Called the client.' }, mo.id)).toBe('saved');
    expect(await updateEnquiry(db, id, { status: 'in-conversation', note: 'Sent\r\ntwo co-ops.' }, ada.id)).toBe(
      'saved',
    );
    expect(await updateEnquiry(db, other, { status: 'new', note: 'Another brief' }, ada.id)).toBe('saved');
    const thread = (await notesOf(db, [id])).get(id) ?? [];
    expect(thread.map(({ authorName, text }) => [authorName, text])).toEqual([
      ['Mo Member', 'Called the client.'],
      ['Ada Admin', 'Sent\ntwo co-ops.'],
    ]);
    expect(thread[0]?.at.getTime()).toBeLessThanOrEqual(thread[1]?.at.getTime() ?? 0);
    expect(threadText(thread)).toMatch(/^.+, Mo Member: Called the client\.\n.+, Ada Admin: Sent\ntwo co-ops\.$/);
    // A status the kind does not have saves neither it nor the note.
    expect(await updateEnquiry(db, id, { status: 'approved', note: 'Sneaky' }, mo.id)).toBe('wrong-status');
    expect((await notesOf(db, [id])).get(id)).toHaveLength(2);
  });
});

describe('triage by kind', () => {
  it('gives a brief the lead statuses and a join enquiry its own, refusing the other kind’s without a change', async () => {
    const { db, mo } = await people();
    const { id: brief } = await storeBrief();
    const { id: join } = await storeEnquiry();
    expect(await updateEnquiry(db, brief, { status: 'in-conversation', note: 'Call booked' }, mo.id)).toBe('saved');
    expect(await updateEnquiry(db, brief, { status: 'approved', note: 'Sneaky' }, mo.id)).toBe('wrong-status');
    expect(await updateEnquiry(db, join, { status: 'won', note: 'Sneaky' }, mo.id)).toBe('wrong-status');
    expect(await updateEnquiry(db, '00000000-0000-4000-8000-000000000000', { status: 'new' }, mo.id)).toBe('missing');
    expect(await getEnquiry(db, brief)).toMatchObject({ status: 'in-conversation' });
    expect(await getEnquiry(db, join)).toMatchObject({ status: 'new' });
    expect((await notesOf(db, [brief, join])).get(brief)?.map((note) => note.text)).toEqual(['Call booked']);
    expect((await notesOf(db, [brief, join])).get(join)).toBeUndefined();
    expect((await enquiryHistory(db, brief)).map(({ action, from, to }) => [action, from, to]).sort()).toEqual([
      ['enquiry.note', null, 'Call booked'],
      ['enquiry.status', 'new', 'in-conversation'],
    ]);
    expect(await enquiryHistory(db, join)).toEqual([]);
  });
});

describe('erasure', () => {
  it('removes the personal fields, the outbox mail, the notes and their values in the history, and records who erased it', async () => {
    const { db, ada, mo } = await people();
    const { id } = await storeEnquiry();
    const { id: other } = await storeEnquiry({ ...validEnquiry, coopName: 'Other Co-op' });
    await updateEnquiry(db, id, { status: 'declined', note: `Spoke to ${validEnquiry.contactName}` }, mo.id);
    expect(await eraseEnquiry(db, id, ada.id)).toBe(true);

    const erased = await getEnquiry(db, id);
    expect(erased).toMatchObject({
      coopName: validEnquiry.coopName,
      location: validEnquiry.location,
      status: 'declined',
    });
    expect(erased?.anonymisedAt).toBeInstanceOf(Date);
    const everything = JSON.stringify([erased, await db.select().from(outbox), await recentActivity(db)]);
    for (const value of personal) expect(everything).not.toContain(value);
    expect(await db.select().from(outbox).where(eq(outbox.enquiryId, id))).toEqual([]);
    expect(await db.select().from(outbox).where(eq(outbox.enquiryId, other))).toHaveLength(2);
    expect((await getEnquiry(db, other))?.contactName).toBe(validEnquiry.contactName);

    const history = await enquiryHistory(db, id);
    expect(history[0]).toMatchObject({ action: 'enquiry.erased', actorName: 'Ada Admin', from: null, to: null });
    expect(history.find((entry) => entry.action === 'enquiry.note')).toMatchObject({ from: null, to: null });
    expect(await db.select().from(enquiryNotes)).toEqual([]);
    expect(await eraseEnquiry(db, id, ada.id)).toBe(false);
  });

  it('deletes the enquiry’s idempotency key, so a resend with the same key is a new enquiry, not the erased one', async () => {
    const { db, ada } = await people();
    const claim = { client: '198.51.100.7', key: 'resend-me', digest: enquiryDigest(validEnquiry) };
    const first = await createEnquiry(db, joinKind, validEnquiry, { idempotency: claim, receiptHourlyLimit: 30 });
    if (first.outcome !== 'stored') throw new Error(`not stored: ${first.outcome}`);
    const repeat = await createEnquiry(db, joinKind, validEnquiry, { idempotency: claim, receiptHourlyLimit: 30 });
    expect(repeat).toEqual({ outcome: 'repeat', id: first.id });

    expect(await eraseEnquiry(db, first.id, ada.id)).toBe(true);
    expect(await db.select().from(idempotencyKeys)).toEqual([]);
    const resent = await createEnquiry(db, joinKind, validEnquiry, { idempotency: claim, receiptHourlyLimit: 30 });
    expect(resent).toMatchObject({ outcome: 'stored' });
    expect(resent).not.toMatchObject({ id: first.id });
  });
});

describe('erasing a brief', () => {
  it('blanks the contact, address and description, deletes the notes, keeps the organisation and the rest, and refuses a second time', async () => {
    const { db, ada, mo } = await people();
    // The co-op the client named is a co-op's slug, not personal data: kept, in the CSV too.
    const { id } = await storeBrief({ ...validBrief, coop: 'agile-collective' });
    await updateEnquiry(db, id, { status: 'lost', note: `Spoke to ${validBrief.contactName}` }, mo.id);
    expect(await eraseEnquiry(db, id, ada.id)).toBe(true);
    const erased = await getEnquiry(db, id);
    expect(erased).toMatchObject({
      contactName: '',
      email: '',
      description: '',
      organisation: validBrief.organisation,
      services: validBrief.services,
      budget: validBrief.budget,
      coop: 'agile-collective',
      status: 'lost',
    });
    const [header = [], ...rows] = enquiryTable(erased ? [erased] : [], {
      ...mailTestSettings,
      coopNames: new Map([['agile-collective', 'Agile Collective']]),
      notes: await notesOf(db, [id]),
      forwardings: new Map(),
    });
    expect(header.filter((name) => name === 'Co-op')).toHaveLength(1);
    expect(rows[0]?.[header.indexOf('Co-op')]).toBe('Agile Collective');
    expect(rows[0]?.[header.indexOf('Notes')]).toBe('');
    const everything = JSON.stringify([erased, await db.select().from(outbox), await recentActivity(db)]);
    for (const value of [validBrief.contactName, validBrief.email, validBrief.description]) {
      expect(everything).not.toContain(value);
    }
    expect(await eraseEnquiry(db, id, ada.id)).toBe(false);
  });
});

describe('retention', () => {
  it('anonymises briefs won, lost or closed for longer than the period, and leaves open ones', async () => {
    const { db, mo } = await people();
    const ids: Record<string, string> = {};
    for (const status of ['won', 'lost', 'closed', 'in-conversation', 'forwarded', 'new'] as const) {
      const { id } = await storeBrief({ ...validBrief, organisation: status });
      await updateEnquiry(db, id, { status }, mo.id);
      await db
        .update(enquiries)
        .set({ updatedAt: sql`now() - make_interval(months => 13)` })
        .where(eq(enquiries.id, id));
      ids[status] = id;
    }
    expect(await anonymiseExpired(db, 12)).toBe(3);
    for (const [status, id] of Object.entries(ids)) {
      const brief = await getEnquiry(db, id);
      const closed = ['won', 'lost', 'closed'].includes(status);
      expect({ status, anonymised: brief?.anonymisedAt !== null, email: brief?.email }).toEqual({
        status,
        anonymised: closed,
        email: closed ? '' : validBrief.email,
      });
    }
  });

  it('anonymises enquiries closed for longer than the period, and leaves open or recent ones', async () => {
    const { db, mo } = await people();
    const ids: Record<string, string> = {};
    for (const [name, status, monthsAgo] of [
      ['old approved', 'approved', 13],
      ['old declined', 'declined', 25],
      ['recent declined', 'declined', 11],
      ['old but open', 'in-discussion', 30],
    ] as const) {
      const { id } = await storeEnquiry({ ...validEnquiry, coopName: name });
      await updateEnquiry(db, id, { status }, mo.id);
      await db
        .update(enquiries)
        .set({ updatedAt: sql`now() - make_interval(months => ${monthsAgo})` })
        .where(eq(enquiries.id, id));
      ids[name] = id;
    }
    await pruneExpired(db, 12);
    const state = async (name: string) => (await getEnquiry(db, ids[name] ?? ''))?.anonymisedAt !== null;
    expect(await state('old approved')).toBe(true);
    expect(await state('old declined')).toBe(true);
    expect(await state('recent declined')).toBe(false);
    expect(await state('old but open')).toBe(false);
    expect((await getEnquiry(db, ids['old approved'] ?? ''))?.email).toBe('');
    const history = await enquiryHistory(db, ids['old approved'] ?? '');
    expect(history[0]).toMatchObject({ action: 'enquiry.anonymised', actorName: null });
    expect(await anonymiseExpired(db, 12)).toBe(0);
    expect(await anonymiseExpired(db, 6)).toBe(1);
  });

  it('reads the period from RETENTION_MONTHS, 12 by default, and refuses nonsense', () => {
    expect(parseSettings({}).RETENTION_MONTHS).toBe(12);
    expect(parseSettings({ RETENTION_MONTHS: '24' }).RETENTION_MONTHS).toBe(24);
    expect(() => parseSettings({ RETENTION_MONTHS: 'forever' })).toThrow(/^RETENTION_MONTHS is "forever"/);
    expect(() => parseSettings({ RETENTION_MONTHS: '0' })).toThrow(/^RETENTION_MONTHS is "0"/);
  });
});

describe('the first admins', () => {
  it('come from ADMIN_EMAILS once, and an account that exists is left as it is', async () => {
    const db = await getDb();
    const emails = parseSettings({ ADMIN_EMAILS: ' Ada@Example.coop, bob@example.coop ,' }).ADMIN_EMAILS;
    expect(emails).toEqual(['ada@example.coop', 'bob@example.coop']);
    expect(await bootstrapAdmins(db, emails)).toEqual(emails);
    expect(await bootstrapAdmins(db, emails)).toEqual([]);
    const activity = await recentActivity(db);
    expect(activity.map((entry) => [entry.action, entry.actorName, entry.targetName, entry.to])).toEqual([
      ['account.created', null, 'bob', 'admin'],
      ['account.created', null, 'ada', 'admin'],
    ]);
    expect(() => parseSettings({ ADMIN_EMAILS: 'ada@example.coop, not-an-address' })).toThrow(
      /^ADMIN_EMAILS is "ada@example.coop, not-an-address"/,
    );
  });
});
