import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { briefSchema, type BriefInput } from '@/lib/enquiries/brief-schema';
import type { Enquiry } from '@/lib/enquiries/schema';
import { createBrief, createEnquiry } from '@/lib/enquiries/store';
import { validBrief, validEnquiry } from '@/lib/enquiries/test-data';
import { serviceSlugs } from '@/lib/members/services';

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

/** Stores a brief as the briefs endpoint does (validated against the real service list), and returns its id. */
export async function storeBrief(brief: BriefInput = validBrief): Promise<{ id: string; receipt: boolean }> {
  const stored = await createBrief(await getDb(), briefSchema(serviceSlugs).parse(brief));
  if (stored.outcome !== 'stored') throw new Error(`not stored: ${stored.outcome}`);
  return stored;
}
