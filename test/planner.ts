import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';

// A queue's claim must take exactly its limit whatever plan the database picks. Left to itself the planner chose,
// for the proposals' claim, a nested-loop semi-join that ran the limited `for update skip locked` subquery again for
// each row, and for the outbox's claim another plan, by the luck of its statistics. These settings make the nested
// loop over a subquery run again for each row the cheapest plan left, so a test sees the worst case every time.

/** The planner settings that leave a nested-loop semi-join, with nothing materialised, as the plan. */
export const nestedLoopSettings = [
  'enable_hashagg',
  'enable_hashjoin',
  'enable_mergejoin',
  'enable_sort',
  'enable_material',
] as const;

/**
 * Runs `work` with those settings on the session (PGlite has one connection; on a server, a test sets them on the
 * database instead: see lib/proposals/queue.pg.test.ts), and puts them back after.
 */
export async function withNestedLoops<T>(db: Database, work: () => Promise<T>): Promise<T> {
  for (const setting of nestedLoopSettings) await db.execute(sql`select set_config(${setting}, 'off', false)`);
  try {
    return await work();
  } finally {
    for (const setting of nestedLoopSettings) await db.execute(sql`select set_config(${setting}, 'on', false)`);
  }
}
