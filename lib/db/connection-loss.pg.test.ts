import { sql } from 'drizzle-orm';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeDatabase, isDatabaseUnavailable, openDatabase, type Database } from '@/lib/db';
import { parseSettings } from '@/lib/settings';

// A connection that PostgreSQL drops while the site holds it: inside a transaction (checked out of the pool, where
// pg's own idle listener is not attached) and idle in the pool. Neither may raise an uncaught exception, which
// would end a plain Node.js process; the error is one logged line, the query's error counts as the database being
// unavailable (503), and the pool opens a fresh connection for the next query.
const url = process.env.TEST_DATABASE_URL ?? '';
let db: Database;
const uncaught: unknown[] = [];
const record = (error: unknown) => uncaught.push(error);

async function terminate(pid: number) {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_terminate_backend($1)', [pid]);
  } finally {
    await admin.end();
  }
}

const backendPid = async (runner: Pick<Database, 'execute'>) => {
  const result = (await runner.execute(sql`select pg_backend_pid() as pid`)) as unknown as { rows: { pid: number }[] };
  const pid = result.rows[0]?.pid;
  if (typeof pid !== 'number') throw new Error('no backend pid');
  return pid;
};

beforeAll(async () => {
  process.on('uncaughtException', record);
  db = await openDatabase(parseSettings({ DATABASE_URL: url }));
});
afterAll(async () => {
  process.off('uncaughtException', record);
  await closeDatabase(db);
});

describe('a connection PostgreSQL drops', () => {
  it('inside a transaction: a 503 (not "Failed query: rollback"), one logged line, nothing uncaught', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const failure = await db
        .transaction(async (tx) => {
          await terminate(await backendPid(tx));
          // The transaction is between statements, as a route is while it awaits something else.
          await new Promise((resolve) => setTimeout(resolve, 300));
          await tx.execute(sql`select 1`);
        })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(failure).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(failure)).toBe(true);
      expect(uncaught).toEqual([]);
      const lines = logged.mock.calls.map((call) => String(call[0]));
      expect(lines.filter((line) => line.startsWith('database: connection lost'))).toHaveLength(1);
    } finally {
      logged.mockRestore();
    }
    // The pool has dropped that client and answers with a new one.
    expect(await backendPid(db)).toBeGreaterThan(0);
  });

  it('idle in the pool: one logged line, nothing uncaught, and the next query gets a new connection', async () => {
    const pid = await backendPid(db);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await terminate(pid);
      await vi.waitFor(() => expect(logged).toHaveBeenCalled());
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(uncaught).toEqual([]);
      expect(logged.mock.calls.map((call) => String(call[0]))).toEqual([
        expect.stringMatching(/^database: connection lost \(.+\); the pool will open a new one$/),
      ]);
      expect(await backendPid(db)).not.toBe(pid);
    } finally {
      logged.mockRestore();
    }
  });
});
