import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import type { Enquiry } from '@/lib/enquiries/schema';
import { createEnquiry } from '@/lib/enquiries/store';
import { validEnquiry } from '@/lib/enquiries/test-data';

/** Empties every table of the test database (PGlite in memory, or the server in DATABASE_URL). */
export async function resetDatabase(): Promise<void> {
  const db = await getDb();
  await db.execute(
    sql`truncate enquiries, outbox, idempotency_keys, rate_limits, audit_events, sessions, verifications, auth_accounts, users restart identity cascade`,
  );
}

/** Stores an enquiry as the join endpoint does, without an idempotency key, and returns its id. */
export async function storeEnquiry(
  enquiry: Enquiry = validEnquiry,
  options: { receiptHourlyLimit?: number } = {},
): Promise<{ id: string; receipt: boolean }> {
  const stored = await createEnquiry(await getDb(), enquiry, options);
  if (stored.outcome !== 'stored') throw new Error(`not stored: ${stored.outcome}`);
  return stored;
}
