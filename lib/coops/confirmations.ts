import 'server-only';
import { and, desc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { coopConfirmations } from '@/lib/db/schema';

/** The latest "Still correct" the site recorded for a co-op: when, and who said so. */
export type Confirmation = { coop: string; at: Date; name: string };

/** The UTC day of a moment, as the entry's `confirmed:` line holds it (YYYY-MM-DD). */
export const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Records that one of a co-op's people says its entry is still correct: who and when, at once, with no merge
 * request for anyone to review. Once a day is enough: a second the same day records nothing ('already').
 */
export async function recordConfirmation(
  db: Database,
  coop: string,
  person: { id: string; name: string },
  now = new Date(),
): Promise<'recorded' | 'already'> {
  return db.transaction(async (tx) => {
    // One at a time per co-op, so two presses at once record one.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`confirmation:${coop}`}))`);
    const [today] = await tx
      .select({ id: coopConfirmations.id })
      .from(coopConfirmations)
      .where(and(eq(coopConfirmations.coop, coop), gte(coopConfirmations.at, new Date(`${dayOf(now)}T00:00:00Z`))))
      .limit(1);
    if (today) return 'already';
    await tx.insert(coopConfirmations).values({ coop, userId: person.id, name: person.name, at: now });
    return 'recorded';
  });
}

/** The latest confirmation of each co-op the site recorded (of the given ones, or all). */
export async function latestConfirmations(db: Database, coops?: readonly string[]): Promise<Map<string, Confirmation>> {
  if (coops?.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([coopConfirmations.coop], {
      coop: coopConfirmations.coop,
      at: coopConfirmations.at,
      name: coopConfirmations.name,
    })
    .from(coopConfirmations)
    .where(coops ? inArray(coopConfirmations.coop, [...coops]) : undefined)
    .orderBy(coopConfirmations.coop, desc(coopConfirmations.at));
  return new Map(rows.map((row) => [row.coop, row]));
}

/**
 * When a co-op's entry was last confirmed, all told: the later of its `confirmed:` line and the site's latest
 * record, as YYYY-MM-DD (undefined when neither says).
 */
export function lastConfirmedDay(
  entry: { confirmed?: string },
  recorded?: Pick<Confirmation, 'at'>,
): string | undefined {
  const days = [entry.confirmed?.slice(0, 10), recorded && dayOf(recorded.at)].filter((day): day is string => !!day);
  return days.sort().at(-1);
}

/** The confirmations of a co-op no proposal or batch has carried to its entry yet, oldest first. */
export async function unsentConfirmations(db: Database, coop?: string) {
  return db
    .select()
    .from(coopConfirmations)
    .where(and(isNull(coopConfirmations.sentAt), coop ? eq(coopConfirmations.coop, coop) : undefined))
    .orderBy(coopConfirmations.at);
}
