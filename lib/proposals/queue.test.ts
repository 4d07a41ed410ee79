import { isNotNull } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { proposals } from '@/lib/db/schema';
import { resetDatabase } from '@/test/database';
import { withNestedLoops } from '@/test/planner';
import { claimDueProposals } from './queue';

beforeEach(resetDatabase);
afterAll(closeDb);

/** `count` proposals from different co-ops, all due now, oldest first. */
async function queue(count: number): Promise<string[]> {
  const db = await getDb();
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const [row] = await db
      .insert(proposals)
      .values({
        coop: `coop-${index}`,
        authorName: 'Ada',
        authorEmail: 'ada@example.coop',
        changes: { town: `Town ${index}` },
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, index)),
      })
      .returning({ id: proposals.id });
    if (!row) throw new Error('not stored');
    ids.push(row.id);
  }
  return ids;
}

const claimedIds = async () =>
  (await (await getDb()).select({ id: proposals.id }).from(proposals).where(isNotNull(proposals.lockedUntil))).map(
    ({ id }) => id,
  );

describe('claiming due proposals', () => {
  it.each([2, 3])('claims exactly the limit of %i due proposals, oldest first, and leaves the rest', async (due) => {
    const db = await getDb();
    const ids = await queue(due);
    // In the plan the database chose by itself, on PGlite and PostgreSQL alike, before the claim was fixed.
    const first = await withNestedLoops(db, () => claimDueProposals(db, 600, 1));
    expect(first.map(({ id }) => id)).toEqual([ids[0]]);
    expect(await claimedIds()).toEqual([ids[0]]);
    // The next worker, or the next turn of this one, gets the next proposal at once, not after the lease.
    const second = await claimDueProposals(db, 600, 1);
    expect(second.map(({ id }) => id)).toEqual([ids[1]]);
    const rest = await claimDueProposals(db, 600, 5);
    expect(rest.map(({ id }) => id)).toEqual(ids.slice(2));
    expect(await claimDueProposals(db, 600, 5)).toEqual([]);
  });
});
