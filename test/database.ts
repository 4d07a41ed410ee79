import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';

/** Empties every table of the test database (PGlite in memory, or the server in DATABASE_URL). */
export async function resetDatabase(): Promise<void> {
  const db = await getDb();
  await db.execute(sql`truncate enquiries, outbox, idempotency_keys, rate_limits restart identity cascade`);
}
