import 'server-only';
import { and, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { auditEvents, closedStatuses, enquiries, outbox } from '@/lib/db/schema';
import { enquiryKindList } from '@/lib/enquiry-kinds';
import type { Column, FieldSpec } from '@/lib/enquiry-kinds/field';

/**
 * What erasure blanks: every field a kind describes as personal data, each in its column (a required one becomes
 * empty, an optional one null), and the members' note, which may quote the sender.
 */
const blanked = Object.fromEntries([
  ...enquiryKindList.flatMap((kind) =>
    (kind.fields as readonly FieldSpec[]).flatMap((field) => {
      const column: Column | undefined = field.column;
      return field.personal && column ? [[field.name, column.notNull ? '' : null] as const] : [];
    }),
  ),
  ['note', ''],
]) as Partial<typeof enquiries.$inferInsert>;

/**
 * Removes an enquiry's personal data and keeps the rest for the network's records (a join enquiry's co-op, location
 * and legal form; a brief's organisation, services, budget and the like; the status and dates): the fields the
 * kinds describe as personal (the contact's name and address, the description, the links) and the note are blanked; its mail leaves the outbox, sent or not
 * (forwarded briefs too), so nothing can go out with or about it; and the values of its note changes in the audit
 * trail are blanked too, since a note may quote the sender. Its forwarding records stay: they name only co-ops.
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
  await db
    .update(auditEvents)
    .set({ from: null, to: null })
    .where(and(eq(auditEvents.enquiryId, id), eq(auditEvents.action, 'enquiry.note')));
  return true;
}

/** An admin's erasure of one enquiry, recorded with who and when but none of what was erased. */
export async function eraseEnquiry(db: Database, id: string, actorId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await anonymise(tx, id))) return false;
    await recordAudit(tx, { actorId, action: 'enquiry.erased', enquiryId: id });
    return true;
  });
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
  return count;
}
