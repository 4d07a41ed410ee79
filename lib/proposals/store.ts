import 'server-only';
import { and, desc, eq, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { coopConfirmations, proposals } from '@/lib/db/schema';
import { takeRateLimit } from '@/lib/http/rate-limit';
import type { Proposal } from './change';

export type { Proposal } from './change';

export type NewProposal = {
  coop: string;
  author: { id: string; name: string; email: string };
  reason: string;
  /** Changed front-matter fields and their new values; null removes a field. */
  changes: Record<string, unknown>;
  logo?: { name: string; data: Buffer };
  /** A new co-op's entry, made rather than changed (an approved join enquiry, lib/membership). */
  creates?: boolean;
};

/** A co-op that has sent its `PROPOSALS_DAILY_LIMIT` proposals today: the proposal is not stored. */
export class ProposalLimitReached extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(`This co-op has sent ${limit} proposals today, the most for one day. Please send this change tomorrow.`);
    this.name = 'ProposalLimitReached';
    this.limit = limit;
  }
}

/** A day, the window of `PROPOSALS_DAILY_LIMIT`: it starts at midnight UTC. */
const daySeconds = 86_400;

/**
 * Stores a proposal, queued for the Git worker, which polls for due rows (`proposals_due_idx`): nothing else is
 * needed to wake it. At most `dailyLimit` a day for one co-op: the day's count and the proposal are one
 * transaction, so a refused proposal counts for nothing, and two sent at once are counted one after the other (the
 * count is one row, locked until the commit). Throws ProposalLimitReached over the limit, storing nothing. Every
 * proposal sets `confirmed:` to its day, so the co-op's "Still correct" records not yet carried to the entry go with
 * it (`sentAt`), and the monthly batch leaves them out.
 */
export async function storeProposal(
  db: Database,
  proposal: NewProposal,
  { dailyLimit }: { dailyLimit: number },
): Promise<Proposal> {
  if (Object.keys(proposal.changes).length === 0 && !proposal.logo) throw new Error('A proposal must change something');
  return db.transaction(async (tx) => {
    const today = await takeRateLimit(tx, 'proposals', proposal.coop, dailyLimit, daySeconds);
    if (!today.allowed) throw new ProposalLimitReached(dailyLimit);
    const stored = await insertProposal(tx, proposal);
    if (typeof proposal.changes.confirmed === 'string') {
      await tx
        .update(coopConfirmations)
        .set({ sentAt: sql`now()` })
        .where(and(eq(coopConfirmations.coop, proposal.coop), isNull(coopConfirmations.sentAt)));
    }
    return stored;
  });
}

async function insertProposal(db: Database, proposal: NewProposal): Promise<Proposal> {
  const [stored] = await db
    .insert(proposals)
    .values({
      coop: proposal.coop,
      userId: proposal.author.id,
      authorName: proposal.author.name,
      authorEmail: proposal.author.email,
      reason: proposal.reason,
      changes: proposal.changes,
      logoName: proposal.logo?.name ?? null,
      logoData: proposal.logo?.data.toString('base64') ?? null,
      creates: proposal.creates ?? false,
    })
    .returning();
  if (!stored) throw new Error('The proposal was not stored');
  return stored;
}

export async function getProposal(db: Database, id: string): Promise<Proposal | undefined> {
  const [proposal] = await db.select().from(proposals).where(eq(proposals.id, id));
  return proposal;
}

/** Proposals for the given co-ops, newest first; without `coops`, every proposal (for admins). */
export async function listProposals(db: Database, coops?: readonly string[]): Promise<Proposal[]> {
  if (coops && coops.length === 0) return [];
  const query = db.select().from(proposals);
  return (coops ? query.where(inArray(proposals.coop, [...coops])) : query).orderBy(desc(proposals.createdAt));
}

/**
 * The retention rule for proposals (the privacy notice's): one pushed or failed over `months` ago is deleted, its
 * author's name and address with it; the commit in the content repository keeps them, as Git history does. A queued
 * one stays until it is pushed. Returns how many went.
 */
export async function deleteSettledProposals(db: Database, months: number): Promise<number> {
  const deleted = await db
    .delete(proposals)
    .where(
      and(
        ne(proposals.status, 'queued'),
        lte(
          sql`coalesce(${proposals.pushedAt}, ${proposals.createdAt})`,
          sql`now() - make_interval(months => ${months})`,
        ),
      ),
    )
    .returning({ id: proposals.id });
  return deleted.length;
}
