import 'server-only';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { inDueOnce } from '@/lib/db/claim';
import { proposals } from '@/lib/db/schema';
import { retryDelaySeconds } from '@/lib/mail/outbox';
import type { Proposal } from './change';
import type { Pushed } from './push';

// The proposals' queue, claimed as the mail outbox's is (lib/mail/outbox.ts): due rows are taken with FOR UPDATE
// SKIP LOCKED and a lease, so several instances on one database never push the same proposal at once, and the
// pushing happens outside any transaction.

const queued = eq(proposals.status, 'queued');

/**
 * Claims up to `batch` queued proposals that are due and not claimed by another worker, for `leaseSeconds`: exactly
 * `batch` when that many are due, oldest first.
 */
export async function claimDueProposals(db: Database, leaseSeconds: number, batch = 5): Promise<Proposal[]> {
  const due = db
    .select({ id: proposals.id })
    .from(proposals)
    .where(
      and(
        queued,
        lte(proposals.nextAttemptAt, sql`now()`),
        or(isNull(proposals.lockedUntil), lte(proposals.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(proposals.createdAt))
    .limit(batch)
    .for('update', { skipLocked: true });
  const claimed = await db
    .update(proposals)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${leaseSeconds})` })
    .where(and(inDueOnce(proposals.id, due), queued))
    .returning();
  // An update returns its rows in no promised order.
  return claimed.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/**
 * Pushed: the branch is on the remote (with a merge request, or for an editor to open one: see Pushed), and the
 * logo's bytes, now in the repository, are no longer kept here.
 */
export async function markPushed(
  db: Database,
  proposal: Proposal,
  { branch, mergeRequest }: Pushed,
  pushedTo: string,
): Promise<void> {
  await db
    .update(proposals)
    .set({
      status: 'pushed',
      branch,
      mergeRequest,
      pushedTo,
      pushedAt: sql`now()`,
      lockedUntil: null,
      attempts: proposal.attempts + 1,
      lastError: null,
      logoData: null,
    })
    .where(and(eq(proposals.id, proposal.id), queued));
}

/** A failed attempt: still queued, tried again after a delay that doubles with each attempt, up to an hour. */
export async function retryLater(db: Database, proposal: Proposal, error: string, baseSeconds: number): Promise<void> {
  const delay = retryDelaySeconds(proposal.attempts + 1, baseSeconds);
  await db
    .update(proposals)
    .set({
      attempts: proposal.attempts + 1,
      lockedUntil: null,
      nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
      lastError: error.slice(0, 2000),
    })
    .where(and(eq(proposals.id, proposal.id), queued));
}

/** A proposal that can never be pushed (its entry is gone): `failed`, with the reason for the person and admins. */
export async function markFailed(db: Database, proposal: Proposal, reason: string): Promise<void> {
  await db
    .update(proposals)
    .set({ status: 'failed', attempts: proposal.attempts + 1, lockedUntil: null, lastError: reason.slice(0, 2000) })
    .where(and(eq(proposals.id, proposal.id), queued));
}

/** Gives claimed proposals back, so another worker (or this one, restarted) need not wait for the lease to end. */
export async function releaseProposals(db: Database, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(proposals)
    .set({ lockedUntil: null })
    .where(and(inArray(proposals.id, [...ids]), queued));
}
