import 'server-only';
import { lte, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { idempotencyKeys, rateLimits, sessions, verifications } from '@/lib/db/schema';
import { anonymiseExpired } from '@/lib/enquiries/erasure';
import { keyExpiry } from '@/lib/enquiries/idempotency';

/** The outbox worker prunes this often: the tables need only stay small, and the deletes cost a scan each. */
export const pruneIntervalMs = 5 * 60_000;

/**
 * Deletes rate-limit windows that have ended, idempotency keys past their lifetime, and sessions and sign-in
 * links that have expired: none counts any more. Then applies the retention rule to closed enquiries.
 */
export async function pruneExpired(db: Database, months: number): Promise<void> {
  await db.delete(rateLimits).where(lte(rateLimits.windowEnd, sql`now()`));
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, keyExpiry));
  await db.delete(sessions).where(lte(sessions.expiresAt, sql`now()`));
  await db.delete(verifications).where(lte(verifications.expiresAt, sql`now()`));
  const anonymised = await anonymiseExpired(db, months);
  if (anonymised > 0) console.info(`retention: anonymised ${anonymised} enquiries closed over ${months} months ago`);
}

/** `pruneExpired` at most once per `intervalMs`, however often it is called; says whether it ran. */
export function createPruner(months: number, intervalMs = pruneIntervalMs, now = Date.now) {
  let last = -Infinity;
  return async (db: Database): Promise<boolean> => {
    if (now() - last < intervalMs) return false;
    last = now();
    await pruneExpired(db, months);
    return true;
  };
}
