import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { coopPeople, idempotencyKeys, outbox, rateLimits, users } from '@/lib/db/schema';
import { resetDatabase } from '@/test/database';
import { createPruner, createUpkeep } from './housekeeping';

const minutes = (n: number) => sql`now() + make_interval(secs => ${n * 60})`;

/** Rows either side of each expiry: an ended window and a current one, a key a day old and a recent one. */
async function seed(tag: string) {
  const db = await getDb();
  await db.insert(rateLimits).values([
    { scope: 'join', client: `ended ${tag}`, windowStart: minutes(-20), windowEnd: minutes(-10), hits: 5 },
    { scope: 'join', client: `just ended ${tag}`, windowStart: minutes(-10), windowEnd: minutes(-0.01), hits: 1 },
    { scope: 'join', client: `current ${tag}`, windowStart: minutes(-5), windowEnd: minutes(5), hits: 2 },
    { scope: 'receipts', client: `* ${tag}`, windowStart: minutes(-30), windowEnd: minutes(30), hits: 9 },
  ]);
  const key = (name: string, ageMinutes: number) => ({
    client: '192.0.2.1',
    key: `${name} ${tag}`,
    bodyHash: 'digest',
    response: { id: name },
    createdAt: minutes(-ageMinutes),
  });
  await db.insert(idempotencyKeys).values([key('old', 24 * 60 + 1), key('recent', 24 * 60 - 1)]);
}

async function remaining() {
  const db = await getDb();
  const limits = await db.select({ client: rateLimits.client }).from(rateLimits);
  const keys = await db.select({ key: idempotencyKeys.key }).from(idempotencyKeys);
  return {
    limits: limits.map((row) => row.client).sort(),
    keys: keys.map((row) => row.key).sort(),
  };
}

beforeEach(resetDatabase);
afterAll(closeDb);

describe('pruning', () => {
  it('deletes ended rate-limit windows and keys over 24 hours old, and keeps the rest', async () => {
    await seed('a');
    expect(await createPruner(12)(await getDb())).toBe(true);
    expect(await remaining()).toEqual({ limits: ['* a', 'current a'], keys: ['recent a'] });
  });

  it('runs at most once per interval, however often the worker ticks', async () => {
    let clock = 1_000_000;
    const prune = createPruner(12, 5 * 60_000, () => clock);
    const db = await getDb();
    expect(await prune(db)).toBe(true);
    await seed('b');
    clock += 5_000; // the next poll of the outbox
    expect(await prune(db)).toBe(false);
    clock += 4 * 60_000;
    expect(await prune(db)).toBe(false);
    expect((await remaining()).keys).toEqual(['old b', 'recent b']);
    clock += 60_000;
    expect(await prune(db)).toBe(true);
    expect(await remaining()).toEqual({ limits: ['* b', 'current b'], keys: ['recent b'] });
  });
});

describe('upkeep', () => {
  it('reminds the directory’s co-ops past 12 months unconfirmed, at most once per interval', async () => {
    const db = await getDb();
    await db.insert(users).values({ id: 'ann', name: 'Ann', email: 'ann@example.coop', role: 'contact' });
    await db.insert(coopPeople).values({ userId: 'ann', coop: 'agile-collective' });
    // Every entry in content/coops has a confirmed: date; three years on, all are due.
    let clock = new Date('2029-12-01T00:00:00Z');
    const upkeep = createUpkeep({ links: [], intervalMs: 7 * 24 * 60 * 60_000 }, 60 * 60_000, () => clock);
    expect(await upkeep(db)).toBe(true);
    clock = new Date(clock.getTime() + 5_000);
    expect(await upkeep(db)).toBe(false);
    const mails = await db.select({ kind: outbox.kind, coop: outbox.coopSlug, userId: outbox.userId }).from(outbox);
    expect(mails).toEqual([{ kind: 'review', coop: 'agile-collective', userId: 'ann' }]);
  });
});
