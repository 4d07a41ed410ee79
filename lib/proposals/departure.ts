import 'server-only';
import { and, desc, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { coopDepartures, coopPeople, proposals } from '@/lib/db/schema';
import { storeProposal, type Proposal } from './store';

export type Departure = typeof coopDepartures.$inferSelect;

/** A co-op's latest departure and its proposal, for its admin page. */
export async function latestDeparture(
  db: Database,
  coop: string,
): Promise<{ departure: Departure; proposal: Proposal } | undefined> {
  const [row] = await db
    .select()
    .from(coopDepartures)
    .innerJoin(proposals, eq(proposals.id, coopDepartures.proposalId))
    .where(eq(coopDepartures.coop, coop))
    .orderBy(desc(coopDepartures.createdAt))
    .limit(1);
  return row && { departure: row.coop_departures, proposal: row.proposals };
}

/** A departure's proposal in these states still stands: waiting, sent, or already in the site's content. */
const standing = ['queued', 'pushed', 'published'] as const satisfies readonly Proposal['status'][];

/** Whether a departure is under way: its proposal standing, its people not unlinked yet. */
export const isUnderWay = (departure: Departure, proposal: Proposal) =>
  !departure.unlinkedAt && (standing as readonly string[]).includes(proposal.status);

async function underWay(db: Database, coop: string): Promise<boolean> {
  const [row] = await db
    .select({ id: coopDepartures.proposalId })
    .from(coopDepartures)
    .innerJoin(proposals, eq(proposals.id, coopDepartures.proposalId))
    .where(
      and(eq(coopDepartures.coop, coop), isNull(coopDepartures.unlinkedAt), inArray(proposals.status, [...standing])),
    );
  return row !== undefined;
}

/**
 * An admin's "Left the network": proposes `member: false` for the co-op's entry through the proposals' pipeline,
 * and records the departure, so that once an editor merges it its people are unlinked (completeDepartures). Once
 * only: a departure under way is not proposed again.
 */
export async function proposeDeparture(
  db: Database,
  coop: string,
  actor: { id: string; name: string; email: string },
  { dailyLimit }: { dailyLimit: number },
): Promise<'proposed' | 'already'> {
  return db.transaction(async (tx) => {
    if (await underWay(tx, coop)) return 'already';
    const proposal = await storeProposal(
      tx,
      { coop, author: actor, reason: 'The co-op has left the network.', changes: { member: false } },
      { dailyLimit },
    );
    await tx.insert(coopDepartures).values({ proposalId: proposal.id, coop, actorId: actor.id });
    await recordAudit(tx, { actorId: actor.id, action: 'coop.leaving', to: coop });
    return 'proposed';
  });
}

/**
 * After the review (lib/proposals/review.ts): each departure whose proposal an editor merged, or the site's content
 * already says, has its co-op's people unlinked, each with an audit record in the admin's name. Returns the co-ops.
 */
export async function completeDepartures(db: Database): Promise<string[]> {
  const due = await db
    .select({ departure: coopDepartures })
    .from(coopDepartures)
    .innerJoin(proposals, eq(proposals.id, coopDepartures.proposalId))
    .where(
      and(isNull(coopDepartures.unlinkedAt), or(isNotNull(proposals.mergedAt), eq(proposals.status, 'published'))),
    );
  for (const { departure } of due) {
    await db.transaction(async (tx) => {
      const unlinked = await tx
        .delete(coopPeople)
        .where(eq(coopPeople.coop, departure.coop))
        .returning({ userId: coopPeople.userId });
      await recordAudit(
        tx,
        ...unlinked.map(({ userId }) => ({
          actorId: departure.actorId,
          action: 'coop.unlinked' as const,
          targetUserId: userId,
          from: departure.coop,
        })),
      );
      await tx
        .update(coopDepartures)
        .set({ unlinkedAt: new Date() })
        .where(eq(coopDepartures.proposalId, departure.proposalId));
    });
  }
  return due.map(({ departure }) => departure.coop);
}
