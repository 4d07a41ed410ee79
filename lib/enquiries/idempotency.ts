import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { idempotencyKeys } from '@/lib/db/schema';

/** How long a key keeps its first answer; after that the same key starts a new enquiry. */
export const keyLifetimeHours = 24;
export const keyExpiry = sql`now() - make_interval(hours => ${keyLifetimeHours})`;

/** A client's `Idempotency-Key` for one enquiry, by the digest of that enquiry. */
export type KeyClaim = { client: string; key: string; digest: string };

/** How a key was used before: for this same enquiry (answer as then), or for another one (refuse). */
export type KeyUse = { outcome: 'repeat'; id: string } | { outcome: 'conflict' };

/**
 * sha256 of the validated enquiry with its fields in a fixed order, so the same enquiry sent as JSON or as a
 * form, with its fields in any order or differently padded, has one digest.
 */
export function enquiryDigest(enquiry: object): string {
  const fields = Object.entries(enquiry)
    .filter(([, value]) => value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

const keyUse = (row: { bodyHash: string; response: { id: string } }, claim: KeyClaim): KeyUse =>
  row.bodyHash === claim.digest ? { outcome: 'repeat', id: row.response.id } : { outcome: 'conflict' };

const sameKey = (claim: KeyClaim) => and(eq(idempotencyKeys.client, claim.client), eq(idempotencyKeys.key, claim.key));

/** How this client used this key within its lifetime, if it did. */
export async function findKeyUse(db: Database, claim: KeyClaim): Promise<KeyUse | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(sameKey(claim), gt(idempotencyKeys.createdAt, keyExpiry)));
  return row && keyUse(row, claim);
}

/**
 * Claims the key for the enquiry `id`, inside the transaction that stores it; an expired key is claimed afresh.
 * Returns undefined when claimed, or how the key was used when another request holds it: a concurrent request
 * with the same key waits at the insert until the other transaction ends, then finds its row.
 */
export async function claimKey(tx: Database, claim: KeyClaim, id: string): Promise<KeyUse | undefined> {
  const fresh = { bodyHash: claim.digest, response: { id }, createdAt: sql`now()` };
  const claimed = await tx
    .insert(idempotencyKeys)
    .values({ client: claim.client, key: claim.key, ...fresh })
    .onConflictDoUpdate({
      target: [idempotencyKeys.client, idempotencyKeys.key],
      set: fresh,
      setWhere: lte(idempotencyKeys.createdAt, keyExpiry),
    })
    .returning({ key: idempotencyKeys.key });
  if (claimed.length > 0) return undefined;
  const [first] = await tx.select().from(idempotencyKeys).where(sameKey(claim));
  if (!first) throw new Error('idempotency key neither claimed nor found');
  return keyUse(first, claim);
}
