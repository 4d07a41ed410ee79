import 'server-only';
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { coopPeople, users } from '@/lib/db/schema';
import { linkProblems, siteLinks, type LinkProblem, type NamedLink } from '@/lib/links/store';
import { directory } from '@/lib/coops';
import { ageInMonths, confirmedAt, reviewDue } from '@/lib/coops/confirmation';
import { lastConfirmedDay, latestConfirmations } from '@/lib/coops/confirmations';

type Entry = { slug: string; name: string; url: string; confirmed?: string };

/** One row of the admins' list of entries by age of confirmation. */
export type EntryAge = {
  slug: string;
  name: string;
  url: string;
  confirmed?: Date;
  /** Whole months since the confirmation; undefined when never confirmed. */
  ageMonths?: number;
  reviewDue: boolean;
  /** People linked to the co-op who can still sign in (the ones reminders go to). */
  people: number;
  links: LinkProblem[];
  /** A link broken in three checks in a row. */
  flagged: boolean;
};

/**
 * The directory's member co-ops, the oldest confirmation first (never confirmed before any), with how many people
 * keep each entry and its broken and moved links. A co-op's confirmation is the later of its entry's `confirmed:`
 * and the site's record of "Still correct" (lib/coops/confirmations.ts), which reaches the entry later.
 */
export async function entriesByAge(
  db: Database,
  now: Date,
  coops: readonly Entry[] = directory.members,
  links: readonly NamedLink[] = siteLinks(),
): Promise<EntryAge[]> {
  const slugs = coops.map(({ slug }) => slug);
  const counts = new Map(
    (slugs.length
      ? await db
          .select({ coop: coopPeople.coop, people: count() })
          .from(coopPeople)
          .innerJoin(users, eq(users.id, coopPeople.userId))
          .where(and(inArray(coopPeople.coop, slugs), isNull(users.disabledAt)))
          .groupBy(coopPeople.coop)
      : []
    ).map(({ coop, people }) => [coop, people]),
  );
  const problems = await linkProblems(
    db,
    links.map(({ url }) => url),
    'admins',
  );
  const problemsByUrl = new Map(problems.map((problem) => [problem.url, problem]));
  const recorded = await latestConfirmations(db, slugs);
  const rows = coops.map((entry): EntryAge => {
    const coop = { ...entry, confirmed: lastConfirmedDay(entry, recorded.get(entry.slug)) };
    const own = links
      .filter(({ coops: owners }) => owners.includes(coop.slug))
      .flatMap(({ url }) => problemsByUrl.get(url) ?? []);
    const confirmed = confirmedAt(coop);
    const ageMonths = ageInMonths(coop, now);
    return {
      slug: coop.slug,
      name: coop.name,
      url: coop.url,
      ...(confirmed && { confirmed }),
      ...(ageMonths !== undefined && { ageMonths }),
      reviewDue: reviewDue(coop, now),
      people: counts.get(coop.slug) ?? 0,
      links: own,
      flagged: own.some(({ flagged }) => flagged),
    };
  });
  const time = (row: EntryAge) => row.confirmed?.getTime() ?? -Infinity;
  return rows.sort((a, b) => time(a) - time(b) || a.name.localeCompare(b.name, 'en-GB'));
}
