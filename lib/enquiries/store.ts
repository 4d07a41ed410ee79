import 'server-only';
import { randomUUID } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { enquiries, idempotencyKeys, mailKinds, outbox, rateLimits, type EnquiryStatus } from '@/lib/db/schema';
import type { Enquiry } from './schema';

export type StoredEnquiry = typeof enquiries.$inferSelect;

/** The answer already given to a request with this `Idempotency-Key`, if there was one. */
export async function findRepeat(db: Database, key: string): Promise<{ id: string } | undefined> {
  const [row] = await db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key));
  return row?.response;
}

/**
 * Stores an enquiry with its two outbox mails in one transaction: the notification can never be lost, nor sent
 * for an enquiry that was not stored. With an idempotency key, a concurrent or later repeat gets the first id.
 */
export async function createEnquiry(
  db: Database,
  enquiry: Enquiry,
  idempotencyKey?: string,
): Promise<{ id: string; repeated: boolean }> {
  return db.transaction(async (tx) => {
    const id = randomUUID();
    if (idempotencyKey) {
      // A concurrent insert of the same key waits here for the other transaction, then finds its row.
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ key: idempotencyKey, response: { id } })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) {
        const [first] = await tx.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, idempotencyKey));
        if (first) return { id: first.response.id, repeated: true };
      }
    }
    // The confirmations are not stored: every stored enquiry has ticked them all.
    const { coopName, contactName, email, website, location, legalForm, description, evidenceUrl } = enquiry;
    await tx
      .insert(enquiries)
      .values({ id, coopName, contactName, email, website, location, legalForm, description, evidenceUrl });
    await tx.insert(outbox).values(mailKinds.map((kind) => ({ enquiryId: id, kind })));
    return { id, repeated: false };
  });
}

/**
 * Counts one enquiry from a client in the current fixed window and says whether it is within `limit`. The
 * counter is a row upserted in the database, so every instance of the site counts against the same limit.
 */
export async function takeRateLimit(
  db: Database,
  client: string,
  limit: number,
  windowSeconds: number,
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const windowStart = sql`to_timestamp(floor(extract(epoch from now()) / ${windowSeconds}) * ${windowSeconds})`;
  const [row] = await db
    .insert(rateLimits)
    .values({ client, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.client, rateLimits.windowStart],
      set: { hits: sql`${rateLimits.hits} + 1` },
    })
    .returning({
      hits: rateLimits.hits,
      retryAfter: sql<number>`ceil(extract(epoch from ${rateLimits.windowStart}) + ${windowSeconds} - extract(epoch from now()))::int`,
    });
  if (!row || row.hits <= limit) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, row.retryAfter) };
}

export async function listEnquiries(db: Database): Promise<StoredEnquiry[]> {
  return db.select().from(enquiries).orderBy(desc(enquiries.createdAt), desc(enquiries.id));
}

export async function getEnquiry(db: Database, id: string): Promise<StoredEnquiry | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const [row] = await db.select().from(enquiries).where(eq(enquiries.id, id));
  return row;
}

export async function updateEnquiry(
  db: Database,
  id: string,
  change: { status: EnquiryStatus; note: string },
): Promise<boolean> {
  const rows = await db
    .update(enquiries)
    .set({ ...change, updatedAt: sql`now()` })
    .where(eq(enquiries.id, id))
    .returning({ id: enquiries.id });
  return rows.length === 1;
}

/** Enquiries still `new` after this long are flagged for members in the triage list. */
export const staleAfterDays = 7;

export function isStale(enquiry: Pick<StoredEnquiry, 'status' | 'createdAt'>, now = new Date()): boolean {
  return enquiry.status === 'new' && now.getTime() - enquiry.createdAt.getTime() > staleAfterDays * 86_400_000;
}
