import { sql } from 'drizzle-orm';
import { getDb } from '@/lib/db';
import { briefKind, joinKind } from '@/lib/enquiry-kinds';
import { schemaOf, type InputOf, type ValuesOf } from '@/lib/enquiry-kinds/kind';
import { createEnquiry } from '@/lib/enquiries/store';
import { validBrief, validEnquiry } from './enquiry-data';
import { coopSlugs } from '@/lib/coops/hire-coops';
import { kindContext } from '@/lib/enquiries/choices';

/** Empties every table of the test database (PGlite in memory, or the server in DATABASE_URL). */
export async function resetDatabase(): Promise<void> {
  const db = await getDb();
  await db.execute(
    sql`truncate enquiries, outbox, idempotency_keys, rate_limits, audit_events, sessions, verifications, sign_in_requests, auth_accounts, users, review_reminders, link_checks, coop_confirmations restart identity cascade`,
  );
}

/** Stores an enquiry as the join endpoint does, without an idempotency key, and returns its id and reference. */
export async function storeEnquiry(
  enquiry: ValuesOf<typeof joinKind> = validEnquiry,
  options: { receiptHourlyLimit?: number } = {},
): Promise<{ id: string; reference: string; receipt: boolean }> {
  const stored = await createEnquiry(await getDb(), joinKind, enquiry, {
    receiptHourlyLimit: options.receiptHourlyLimit ?? 30,
  });
  if (stored.outcome !== 'stored') throw new Error(`not stored: ${stored.outcome}`);
  return stored;
}

/**
 * Stores a brief as the briefs endpoint does (validated against the real service and member co-op lists), and
 * returns its id and reference.
 */
export async function storeBrief(
  brief: InputOf<typeof briefKind> = validBrief,
): Promise<{ id: string; reference: string; receipt: boolean }> {
  const values = schemaOf(briefKind, { serviceSlugs: kindContext.serviceSlugs, coopSlugs }).parse(brief);
  const stored = await createEnquiry(await getDb(), briefKind, values, { receiptHourlyLimit: 30 });
  if (stored.outcome !== 'stored') throw new Error(`not stored: ${stored.outcome}`);
  return stored;
}
