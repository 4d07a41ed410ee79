import 'server-only';
import { and, eq, getTableName, inArray, isNull, lte, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import { isEmbedded, type Database } from '@/lib/db';
import {
  auditEvents,
  closedStatuses,
  enquiries,
  enquiryNotes,
  idempotencyKeys,
  membershipDecisions,
  outbox,
} from '@/lib/db/schema';
import { enquiryKindList } from '@/lib/enquiry-kinds';
import type { Column, FieldSpec } from '@/lib/enquiry-kinds/field';

/**
 * What erasure blanks: every field a kind describes as personal data, each in its column (a required one becomes
 * empty, an optional one null). The members' notes, which may quote the sender, are deleted.
 */
const blanked = Object.fromEntries(
  enquiryKindList.flatMap((kind) =>
    (kind.fields as readonly FieldSpec[]).flatMap((field) => {
      const column: Column | undefined = field.column;
      return field.personal && column ? [[field.name, column.notNull ? '' : null] as const] : [];
    }),
  ),
) as Partial<typeof enquiries.$inferInsert>;

/**
 * Removes an enquiry's personal data and keeps the rest for the network's records (a join enquiry's co-op, location
 * and legal form; a brief's organisation, services, budget, the co-op it named and the like; the status and dates):
 * the fields the kinds describe as personal (the contact's name and address, the description, the links) are
 * blanked and the members' notes deleted; its mail leaves the outbox, sent or not (forwarded briefs too), so nothing can go out with or
 * about it; and the values of its note changes in the audit trail are blanked too, since a note may quote the
 * sender. Its forwarding records stay: they name only co-ops.
 */
async function anonymise(db: Database, id: string): Promise<boolean> {
  const [done] = await db
    .update(enquiries)
    .set({
      ...blanked,
      anonymisedAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(enquiries.id, id), isNull(enquiries.anonymisedAt)))
    .returning({ id: enquiries.id });
  if (!done) return false;
  await db.delete(outbox).where(eq(outbox.enquiryId, id));
  await db.delete(enquiryNotes).where(eq(enquiryNotes.enquiryId, id));
  // A declined co-op's reply names its contact; the decision's steps and Loomio link stay.
  await db.update(membershipDecisions).set({ reply: null }).where(eq(membershipDecisions.enquiryId, id));
  // The key's row holds the client's address, a digest of every field and the id: kept, it would answer a resend
  // of the same enquiry with the erased one's id. Without it, a resend is a new enquiry.
  await db.delete(idempotencyKeys).where(sql`${idempotencyKeys.response}->>'id' = ${id}`);
  await db
    .update(auditEvents)
    .set({ from: null, to: null })
    .where(and(eq(auditEvents.enquiryId, id), eq(auditEvents.action, 'enquiry.note')));
  return true;
}

/** The tables erasure changes: their old row versions hold what it erased. */
const erasedTables = sql.raw(
  [enquiries, enquiryNotes, outbox, auditEvents, idempotencyKeys, membershipDecisions].map(getTableName).join(', '),
);

/**
 * After an erasure has committed: an update or delete leaves the old row version in the table's pages and the
 * write-ahead log, so VACUUM removes the dead versions (and their index entries) from the pages, and a WAL switch
 * and CHECKPOINT let the engine drop the WAL segments that hold them (without recycling them, where the setting
 * is ours to change: in PGlite, which checkpoints in this same connection). VACUUM cannot run inside a
 * transaction, and CHECKPOINT and pg_switch_wal() need a superuser (or pg_checkpoint) on a PostgreSQL server:
 * when any of it fails, the erasure stands and one line says what did not run. What remains in the server's
 * backups, WAL archive and replicas is the operator's (docs/database.md, Personal data).
 */
export async function scrubErased(db: Database): Promise<void> {
  const steps = [
    sql`vacuum ${erasedTables}`,
    // On a server this would change only this session, not the checkpointer's; PGlite checkpoints in this one.
    ...(isEmbedded(db) ? [sql`set wal_recycle = off`] : []),
    sql`select pg_switch_wal()`,
    sql`checkpoint`,
  ];
  const failed: string[] = [];
  for (const step of steps) {
    await db.execute(step).catch((error: unknown) => {
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      failed.push(reason instanceof Error ? reason.message : String(reason));
    });
  }
  if (failed.length > 0) {
    console.error(`erasure: done, but not all of vacuum and checkpoint after it ran: ${failed.join('; ')}`);
  }
}

/** An admin's erasure of one enquiry, recorded with who and when but none of what was erased. */
export async function eraseEnquiry(db: Database, id: string, actorId: string): Promise<boolean> {
  const erased = await db.transaction(async (tx) => {
    if (!(await anonymise(tx, id))) return false;
    await recordAudit(tx, { actorId, action: 'enquiry.erased', enquiryId: id });
    return true;
  });
  if (erased) await scrubErased(db);
  return erased;
}

/**
 * The retention rule: enquiries closed (join: approved or declined; brief: won, lost or closed) and unchanged for
 * longer than `months` are anonymised. Returns how many were.
 */
export async function anonymiseExpired(db: Database, months: number): Promise<number> {
  const due = await db
    .select({ id: enquiries.id })
    .from(enquiries)
    .where(
      and(
        isNull(enquiries.anonymisedAt),
        inArray(enquiries.status, closedStatuses),
        lte(enquiries.updatedAt, sql`now() - make_interval(months => ${months})`),
      ),
    )
    .limit(100);
  let count = 0;
  for (const { id } of due) {
    const done = await db.transaction(async (tx) => {
      if (!(await anonymise(tx, id))) return false;
      await recordAudit(tx, { actorId: null, action: 'enquiry.anonymised', enquiryId: id });
      return true;
    });
    if (done) count += 1;
  }
  if (count > 0) await scrubErased(db);
  return count;
}
