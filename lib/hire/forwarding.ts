import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { enquiries, outbox } from '@/lib/db/schema';
import { directory } from '@/lib/coops';
import { suggestFor } from './suggest';

/** Where a forwarded brief goes for one co-op: its own address, or none (then the network's fallback address). */
export type CoopContact = { name: string; email?: string };

/** Every current member co-op a brief may be forwarded to, by slug, from the directory the site is built from. */
export const coopContacts: ReadonlyMap<string, CoopContact> = new Map(
  directory.members.map((coop) => [coop.slug, { name: coop.name, ...(coop.email && { email: coop.email }) }]),
);

export type ForwardTarget = CoopContact & { slug: string; suggestion?: string };

/**
 * The co-ops a member may forward a brief to: the suggested ones first (the co-op the client named, then the best
 * matches), then every other member by name.
 */
export function forwardTargets(brief: Parameters<typeof suggestFor>[0]): ForwardTarget[] {
  const suggestions = suggestFor(brief);
  const suggested = new Set(suggestions.map(({ slug }) => slug));
  const target = (slug: string, suggestion?: string): ForwardTarget[] => {
    const contact = coopContacts.get(slug);
    return contact ? [{ slug, ...contact, ...(suggestion && { suggestion }) }] : [];
  };
  return [
    ...suggestions.flatMap(({ slug, summary }) => target(slug, summary)),
    ...directory.members.filter(({ slug }) => !suggested.has(slug)).flatMap(({ slug }) => target(slug)),
  ];
}

export type Forwarded =
  | { outcome: 'forwarded'; coops: string[] }
  | { outcome: 'missing' | 'erased' | 'no-coops' }
  | { outcome: 'unknown-coops'; slugs: string[] };

/**
 * Forwards a brief to member co-ops: one outbox mail per co-op and one `lead.forwarded` record per co-op (who,
 * when, to which co-op), in one transaction, so a brief is never recorded as forwarded without its mail nor mailed
 * without the record. A new brief becomes `forwarded`, recorded as any status change; a brief further along keeps
 * its status. An erased brief is refused: its mail would carry nothing to act on, and the client asked to be
 * forgotten. Changes nothing unless every co-op is a current member.
 */
export async function forwardBrief(
  db: Database,
  id: string,
  slugs: readonly string[],
  actorId: string,
  contacts: ReadonlyMap<string, CoopContact> = coopContacts,
): Promise<Forwarded> {
  const coops = [...new Set(slugs)];
  if (coops.length === 0) return { outcome: 'no-coops' };
  const unknown = coops.filter((slug) => !contacts.has(slug));
  if (unknown.length > 0) return { outcome: 'unknown-coops', slugs: unknown };
  return db.transaction(async (tx) => {
    const [brief] = await tx
      .select({ status: enquiries.status, anonymisedAt: enquiries.anonymisedAt })
      .from(enquiries)
      .where(and(eq(enquiries.id, id), eq(enquiries.kind, 'brief')))
      .for('update');
    if (!brief) return { outcome: 'missing' };
    if (brief.anonymisedAt) return { outcome: 'erased' };
    await tx.insert(outbox).values(coops.map((coopSlug) => ({ enquiryId: id, kind: 'forward' as const, coopSlug })));
    const forwarded = coops.map((coop) => ({ actorId, action: 'lead.forwarded' as const, enquiryId: id, to: coop }));
    if (brief.status === 'new') {
      await tx
        .update(enquiries)
        .set({ status: 'forwarded', updatedAt: sql`now()` })
        .where(eq(enquiries.id, id));
      await recordAudit(tx, ...forwarded, {
        actorId,
        action: 'enquiry.status',
        enquiryId: id,
        from: 'new',
        to: 'forwarded',
      });
    } else {
      await recordAudit(tx, ...forwarded);
    }
    return { outcome: 'forwarded', coops };
  });
}
