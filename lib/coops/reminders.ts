import 'server-only';
import { and, eq, inArray, isNull, lte } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { coopPeople, outbox, reviewReminders, users } from '@/lib/db/schema';
import { directory } from '@/lib/coops';
import { addMonths, reviewDue } from './confirmation';
import { lastConfirmedDay, latestConfirmations } from './confirmations';

/** A co-op's people are reminded at most this often while its entry stays unconfirmed. */
export const reminderIntervalMonths = 1;

type Entry = { slug: string; confirmed?: string };

/**
 * Asks the people linked to each member co-op whose entry is due for review (lib/coops/confirmation.ts) to review
 * it: one `review` mail per person who is not disabled, at most once a month per co-op. The reminder's record and
 * its mails are written in one transaction, and the record is claimed only when the last one is a month old, so two
 * instances running this at once send one round, and a crash sends none rather than half. Once the entry is
 * confirmed (its new `confirmed:` deployed, or "Still correct" recorded by the site), it is no longer due and the
 * reminders stop. Returns the co-ops reminded.
 */
export async function remindReviews(
  db: Database,
  now: Date,
  coops: readonly Entry[] = directory.members,
): Promise<string[]> {
  // The site's own records of "Still correct" count as much as the entry's date, before they reach it.
  const recorded = await latestConfirmations(
    db,
    coops.map(({ slug }) => slug),
  );
  const due = coops
    .filter((coop) => reviewDue({ confirmed: lastConfirmedDay(coop, recorded.get(coop.slug)) }, now))
    .map(({ slug }) => slug);
  if (due.length === 0) return [];
  const linked = await db
    .select({ coop: coopPeople.coop, userId: coopPeople.userId })
    .from(coopPeople)
    .innerJoin(users, eq(users.id, coopPeople.userId))
    .where(and(inArray(coopPeople.coop, due), isNull(users.disabledAt)));
  const people = Map.groupBy(linked, ({ coop }) => coop);
  const lastAllowed = addMonths(now, -reminderIntervalMonths);
  const reminded: string[] = [];
  for (const [coop, rows] of people) {
    const sent = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .insert(reviewReminders)
        .values({ coop, sentAt: now })
        .onConflictDoUpdate({
          target: reviewReminders.coop,
          set: { sentAt: now },
          setWhere: lte(reviewReminders.sentAt, lastAllowed),
        })
        .returning({ coop: reviewReminders.coop });
      if (!claimed) return false;
      await tx.insert(outbox).values(rows.map(({ userId }) => ({ kind: 'review' as const, userId, coopSlug: coop })));
      return true;
    });
    if (sent) reminded.push(coop);
  }
  return reminded;
}
