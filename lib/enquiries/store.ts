import 'server-only';
import { randomInt, randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { enquiries, enquiryNotes, outbox, statusesOf, type EnquiryKind } from '@/lib/db/schema';
import { claimKey, type KeyClaim, type KeyUse } from './idempotency';
import { takeRateLimit } from '@/lib/http/rate-limit';
import type { EnquiryKindDescription, KindDescription } from '@/lib/enquiry-kinds';
import type { ValuesOf } from '@/lib/enquiry-kinds/kind';
import { newReference } from './reference';

export type StoredEnquiry = typeof enquiries.$inferSelect;
type NewEnquiry = typeof enquiries.$inferInsert;

export type Stored = { outcome: 'stored'; id: string; reference: string; receipt: boolean } | KeyUse;

export type StoreOptions = {
  idempotency?: KeyClaim;
  receiptHourlyLimit: number;
  /** How references are drawn: an integer below its argument (node:crypto's randomInt; tests give their own). */
  draw?: (below: number) => number;
};

/**
 * The row an enquiry of `kind` is stored as: each field its description keeps, in its column (a field left out is
 * null). The confirmations are not stored: every stored enquiry has ticked them all.
 */
export function enquiryRow(
  kind: KindDescription,
  values: Readonly<Record<string, unknown>>,
): Omit<NewEnquiry, 'reference'> {
  const row: Record<string, unknown> = { kind: kind.kind };
  for (const field of kind.fields) if (field.column) row[field.name] = values[field.name] ?? null;
  // The columns come from the same descriptions as the table (lib/db/schema.ts), by the same names.
  return row as Omit<NewEnquiry, 'reference'>;
}

/** Stores a validated enquiry of any kind (see insertWithMail). */
export function createEnquiry<K extends EnquiryKindDescription>(
  db: Database,
  kind: K,
  values: ValuesOf<K>,
  options: StoreOptions,
): Promise<Stored> {
  return insertWithMail(db, enquiryRow(kind, values), kind.reference, options);
}

/**
 * Stores an enquiry of any kind with its outbox mails in one transaction: the notification can never be lost, nor
 * sent for an enquiry that was not stored. With an idempotency key, a concurrent or later repeat gets the first id
 * and a different enquiry under the same key is refused. The receipt is queued only while this hour's receipts are
 * under the cap, so strangers' addresses cannot be made to receive more than that from the site.
 */
async function insertWithMail(
  db: Database,
  row: Omit<NewEnquiry, 'id' | 'reference'>,
  prefix: string,
  options: StoreOptions,
): Promise<Stored> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    if (options.idempotency) {
      const used = await claimKey(tx, options.idempotency, id);
      if (used) return used;
    }
    const reference = await insertWithReference(tx, { id, ...row }, prefix, options.draw);
    await tx.insert(outbox).values({ enquiryId: id, kind: 'notification' });
    // Last, so the one counter row every enquiry updates stays locked only until the commit that follows.
    const receipts = await takeRateLimit(tx, 'receipts', '*', options.receiptHourlyLimit, 3600);
    if (receipts.allowed) await tx.insert(outbox).values({ enquiryId: id, kind: 'receipt' });
    return { outcome: 'stored', id, reference, receipt: receipts.allowed };
  });
}

/** How many references are drawn before storing gives up: with 810,000 per kind, the last is never reached. */
const referenceDraws = 20;

/**
 * Inserts the enquiry with a reference drawn at random, drawing again while the reference is taken: the unique index
 * decides (`on conflict do nothing`), so two enquiries stored at once cannot both take one, and nothing is aborted.
 */
async function insertWithReference(
  tx: Database,
  row: Omit<NewEnquiry, 'reference'>,
  prefix: string,
  draw: (below: number) => number = randomInt,
): Promise<string> {
  for (let attempt = 0; attempt < referenceDraws; attempt += 1) {
    const reference = newReference(prefix, draw);
    const inserted = await tx
      .insert(enquiries)
      .values({ ...row, reference })
      .onConflictDoNothing({ target: enquiries.reference })
      .returning({ id: enquiries.id });
    if (inserted.length > 0) return reference;
  }
  throw new Error(`No free ${prefix}- reference in ${referenceDraws} draws`);
}

/**
 * An enquiry's reference, by its id: an idempotent repeat answers with the first enquiry's. Enquiries are never
 * deleted (erasure blanks them, and deletes their keys), so a key always has its enquiry: one without is a bug.
 */
export async function referenceOf(db: Database, id: string): Promise<string> {
  const [row] = await db.select({ reference: enquiries.reference }).from(enquiries).where(eq(enquiries.id, id));
  if (!row) throw new Error(`enquiry ${id}, answered for by an idempotency key, is not stored`);
  return row.reference;
}

/**
 * What the triage list and its CSV show: every enquiry, or those of one kind, one status, or both; or the one with
 * a reference (in its one spelling, lib/enquiries/reference.ts), as someone quoting it asks.
 */
export type EnquiryFilter = { kind?: EnquiryKind; status?: StoredEnquiry['status']; reference?: string };

export async function listEnquiries(db: Database, filter: EnquiryFilter = {}): Promise<StoredEnquiry[]> {
  return db
    .select()
    .from(enquiries)
    .where(
      and(
        filter.kind ? eq(enquiries.kind, filter.kind) : undefined,
        filter.status ? eq(enquiries.status, filter.status) : undefined,
        filter.reference ? eq(enquiries.reference, filter.reference) : undefined,
      ),
    )
    .orderBy(desc(enquiries.createdAt), desc(enquiries.id));
}

export async function getEnquiry(db: Database, id: string): Promise<StoredEnquiry | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(enquiries).where(eq(enquiries.id, id));
  return row;
}

export type Triaged = 'saved' | 'missing' | 'wrong-status';

/**
 * Saves a member's triage of an enquiry of either kind and, in the same transaction, what it changed: a status
 * record with who, from and to, and a note added to the enquiry's thread (lib/enquiries/notes.ts) with its own
 * record. A note never replaces another: `note` is a new one, and an empty one adds nothing. Saving the status it
 * already has records nothing. A status that is not one of the enquiry's kind (a join enquiry cannot be `won`)
 * changes nothing, the note included.
 */
export async function updateEnquiry(
  db: Database,
  id: string,
  change: {
    status: StoredEnquiry['status'];
    note?: string;
    /** The statuses this change may set, read with the enquiry locked: the triage form's (lib/membership/text.ts). */
    offered?: (kind: string, statuses: readonly string[], current: string) => readonly string[];
  },
  actorId: string,
): Promise<Triaged> {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ kind: enquiries.kind, status: enquiries.status })
      .from(enquiries)
      .where(eq(enquiries.id, id))
      .for('update');
    if (!before) return 'missing';
    const statuses: readonly string[] = statusesOf[before.kind];
    const offered = change.offered ? change.offered(before.kind, statuses, before.status) : statuses;
    if (!offered.includes(change.status)) return 'wrong-status';
    const note = change.note?.replace(/\r\n?/g, '\n').trim() ?? '';
    if (before.status === change.status && note === '') return 'saved';
    await tx
      .update(enquiries)
      .set({ status: change.status, updatedAt: sql`now()` })
      .where(eq(enquiries.id, id));
    if (note) await tx.insert(enquiryNotes).values({ enquiryId: id, authorId: actorId, text: note });
    await recordAudit(
      tx,
      ...(before.status === change.status
        ? []
        : [{ actorId, action: 'enquiry.status' as const, enquiryId: id, from: before.status, to: change.status }]),
      ...(note ? [{ actorId, action: 'enquiry.note' as const, enquiryId: id, to: note }] : []),
    );
    return 'saved';
  });
}

/** Enquiries still `new` after this long are flagged for members in the triage list. */
export const staleAfterDays = 7;

export function isStale(enquiry: Pick<StoredEnquiry, 'status' | 'createdAt'>, now = new Date()): boolean {
  return enquiry.status === 'new' && now.getTime() - enquiry.createdAt.getTime() > staleAfterDays * 86_400_000;
}
