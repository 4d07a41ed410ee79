import 'server-only';
import { and, count, desc, eq, exists, gte, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { auditEvents, enquiries } from '@/lib/db/schema';

export type LeadFigures = {
  /** The first moment of the quarter counted (UTC). */
  since: Date;
  leads: number;
  /** Of those leads, how many were forwarded to at least one co-op. */
  forwarded: number;
  won: number;
  /** How many of those leads named each service, most asked for first. */
  services: { slug: string; leads: number }[];
};

/** The first moment (UTC) of the calendar quarter `now` is in: 1 January, 1 April, 1 July or 1 October. */
export function quarterStart(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) * 3, 1));
}

/**
 * The network's figures for the briefs received this quarter, counted in the database. A lead counts as
 * forwarded when a member forwarded it, whatever its status says since; as won when its status is `won`.
 */
export async function leadFigures(db: Database, now = new Date()): Promise<LeadFigures> {
  const since = quarterStart(now);
  const thisQuarter = and(eq(enquiries.kind, 'brief'), gte(enquiries.createdAt, since));
  const wasForwarded = exists(
    db
      .select({ one: sql`1` })
      .from(auditEvents)
      .where(and(eq(auditEvents.enquiryId, enquiries.id), eq(auditEvents.action, 'lead.forwarded'))),
  );
  const [totals] = await db
    .select({
      leads: count(),
      forwarded: count(sql`case when ${wasForwarded} then 1 end`),
      won: count(sql`case when ${enquiries.status} = 'won' then 1 end`),
    })
    .from(enquiries)
    .where(thisQuarter);
  const wanted = db
    .select({ slug: sql<string>`unnest(${enquiries.services})`.as('slug') })
    .from(enquiries)
    .where(thisQuarter)
    .as('wanted');
  const perService = await db
    .select({ slug: wanted.slug, leads: count() })
    .from(wanted)
    .groupBy(wanted.slug)
    .orderBy(desc(count()), wanted.slug);
  return {
    since,
    leads: totals?.leads ?? 0,
    forwarded: totals?.forwarded ?? 0,
    won: totals?.won ?? 0,
    services: perService,
  };
}
