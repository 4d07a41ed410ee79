import 'server-only';
import { lte, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { idempotencyKeys, rateLimits } from '@/lib/db/schema';
import { keyExpiry } from './idempotency';

/** The outbox worker prunes this often: the tables need only stay small, and the deletes cost a scan each. */
export const pruneIntervalMs = 5 * 60_000;

/** Deletes rate-limit windows that have ended and idempotency keys past their lifetime: neither counts any more. */
export async function pruneExpired(db: Database): Promise<void> {
  await db.delete(rateLimits).where(lte(rateLimits.windowEnd, sql`now()`));
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, keyExpiry));
}

/** `pruneExpired` at most once per `intervalMs`, however often it is called; says whether it ran. */
export function createPruner(intervalMs = pruneIntervalMs, now = Date.now) {
  let last = -Infinity;
  return async (db: Database): Promise<boolean> => {
    if (now() - last < intervalMs) return false;
    last = now();
    await pruneExpired(db);
    return true;
  };
}
