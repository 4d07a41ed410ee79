import 'server-only';
import { lte, sql } from 'drizzle-orm';
import { remindReviews } from '@/lib/coops/reminders';
import type { Database } from '@/lib/db';
import { idempotencyKeys, rateLimits, sessions, verifications } from '@/lib/db/schema';
import { anonymiseExpired } from '@/lib/enquiries/erasure';
import { keyExpiry } from '@/lib/enquiries/idempotency';
import { checkLinks, type LinkCheckRun } from '@/lib/links/store';
import { deleteSettledProposals } from '@/lib/proposals/store';

/** The outbox worker prunes this often: the tables need only stay small, and the deletes cost a scan each. */
export const pruneIntervalMs = 5 * 60_000;

/**
 * Deletes rate-limit windows that have ended, idempotency keys past their lifetime, and sessions and sign-in
 * links that have expired: none counts any more. Then applies the retention rule to closed enquiries, and to
 * co-ops' proposals pushed (or failed) as long ago.
 */
export async function pruneExpired(db: Database, months: number): Promise<void> {
  await db.delete(rateLimits).where(lte(rateLimits.windowEnd, sql`now()`));
  await db.delete(idempotencyKeys).where(lte(idempotencyKeys.createdAt, keyExpiry));
  await db.delete(sessions).where(lte(sessions.expiresAt, sql`now()`));
  await db.delete(verifications).where(lte(verifications.expiresAt, sql`now()`));
  const anonymised = await anonymiseExpired(db, months);
  if (anonymised > 0) console.info(`retention: anonymised ${anonymised} enquiries closed over ${months} months ago`);
  const proposals = await deleteSettledProposals(db, months);
  if (proposals > 0) console.info(`retention: deleted ${proposals} proposals settled over ${months} months ago`);
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

/** The directory's upkeep (review reminders, link checks) looks for work this often; each keeps its own pace. */
export const upkeepIntervalMs = 60 * 60_000;

/**
 * The directory's upkeep after an outbox round, at most once per `intervalMs`: review reminders (at most monthly
 * per co-op, lib/coops/reminders.ts) and link checks (`linkRun`: each link every `LINK_CHECK_DAYS`, none when it is
 * undefined; lib/links/store.ts). Link checks can take minutes (10 s for each dead link), so they run beside the
 * outbox rounds rather than holding mail up, and never two runs at once. `clock` lets tests move time.
 */
export function createUpkeep(
  linkRun: LinkCheckRun | undefined,
  intervalMs = upkeepIntervalMs,
  clock = () => new Date(),
) {
  let last = -Infinity;
  let checking: Promise<void> | undefined;
  return async (db: Database): Promise<boolean> => {
    const now = clock();
    if (now.getTime() - last < intervalMs) return false;
    last = now.getTime();
    const reminded = await remindReviews(db, now);
    if (reminded.length > 0) console.info(`upkeep: asked ${reminded.length} co-op(s) to review their entries`);
    if (linkRun)
      checking ??= checkLinks(db, now, linkRun)
        .then((checked) => {
          if (checked.length > 0) console.info(`upkeep: checked ${checked.length} links`);
        })
        .catch((error: unknown) => console.error('link checks:', error instanceof Error ? error.message : error))
        .finally(() => (checking = undefined));
    return true;
  };
}
