import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { forwardingsOf, recordAudit, type Forwarding } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { enquiries, outbox } from '@/lib/db/schema';
import { directory } from '@/lib/coops';
import { activeAddressesOf } from '@/lib/coops/people';
import { suggestFor } from './suggest';

/** A member co-op as the directory knows it: its name, and its own address for briefs when its entry gives one. */
export type CoopContact = { name: string; email?: string };

/** Every current member co-op a brief may be forwarded to, by slug, from the directory the site is built from. */
export const coopContacts: ReadonlyMap<string, CoopContact> = new Map(
  directory.members.map((coop) => [coop.slug, { name: coop.name, ...(coop.email && { email: coop.email }) }]),
);

/**
 * Where a brief forwarded to one co-op goes: the `email` of its entry, or else the addresses of the people linked
 * to it (its contacts, not disabled), or nowhere yet. Never the network's own inbox: a brief sent there would only
 * come back to the members who forwarded it.
 */
export type Recipient = CoopContact & { slug: string; addresses: string[]; via: 'entry' | 'contacts' | 'none' };

/** Where each of `slugs` would be sent now, read from the directory and the people linked to each co-op. */
export async function recipientsOf(
  db: Database,
  slugs: readonly string[],
  contacts: ReadonlyMap<string, CoopContact> = coopContacts,
): Promise<Map<string, Recipient>> {
  const linked = await activeAddressesOf(
    db,
    slugs.filter((slug) => contacts.has(slug) && !contacts.get(slug)?.email),
  );
  const recipients = new Map<string, Recipient>();
  for (const slug of slugs) {
    const contact = contacts.get(slug);
    if (!contact) continue;
    const people = linked.get(slug) ?? [];
    recipients.set(slug, {
      slug,
      ...contact,
      addresses: contact.email ? [contact.email] : people,
      via: contact.email ? 'entry' : people.length > 0 ? 'contacts' : 'none',
    });
  }
  return recipients;
}

export type ForwardTarget = Recipient & { suggestion?: string; forwarded: Forwarding[] };

/**
 * The co-ops a member may forward a brief to: the suggested ones first (the co-op the client named, then the best
 * matches), then every other member by name; each with where its mail would go and when the brief was already
 * forwarded to it.
 */
export function forwardTargets(
  brief: Parameters<typeof suggestFor>[0],
  recipients: ReadonlyMap<string, Recipient>,
  forwardings: readonly Forwarding[] = [],
): ForwardTarget[] {
  const suggestions = suggestFor(brief);
  const suggested = new Set(suggestions.map(({ slug }) => slug));
  const target = (slug: string, suggestion?: string): ForwardTarget[] => {
    const recipient = recipients.get(slug);
    const forwarded = forwardings.filter(({ coop }) => coop === slug);
    return recipient ? [{ ...recipient, ...(suggestion && { suggestion }), forwarded }] : [];
  };
  return [
    ...suggestions.flatMap(({ slug, summary }) => target(slug, summary)),
    ...directory.members.filter(({ slug }) => !suggested.has(slug)).flatMap(({ slug }) => target(slug)),
  ];
}

export type Forwarded =
  | { outcome: 'forwarded'; coops: string[] }
  | { outcome: 'missing' | 'erased' | 'no-coops' }
  | { outcome: 'unknown-coops' | 'no-address' | 'again'; slugs: string[] };

/**
 * Forwards a brief to member co-ops: one outbox mail per co-op and one `lead.forwarded` record per co-op (who,
 * when, to which co-op), in one transaction, so a brief is never recorded as forwarded without its mail nor mailed
 * without the record. A new brief becomes `forwarded`, recorded as any status change; a brief further along keeps
 * its status. An erased brief is refused: its mail would carry nothing to act on, and the client asked to be
 * forgotten. Changes nothing unless every co-op is a current member with somewhere to send it (`no-address`
 * otherwise), and, unless `again` says the member has been asked, none was sent the brief before (`again`: the form
 * asks first). Where each mail goes is read again when it is sent (lib/runtime/site-mail.ts).
 */
export async function forwardBrief(
  db: Database,
  id: string,
  slugs: readonly string[],
  actorId: string,
  { contacts = coopContacts, again = false }: { contacts?: ReadonlyMap<string, CoopContact>; again?: boolean } = {},
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
    const recipients = await recipientsOf(tx, coops, contacts);
    const nowhere = coops.filter((slug) => recipients.get(slug)?.via === 'none');
    if (nowhere.length > 0) return { outcome: 'no-address', slugs: nowhere };
    if (!again) {
      const before = new Set(((await forwardingsOf(tx, [id])).get(id) ?? []).map(({ coop }) => coop));
      const repeated = coops.filter((slug) => before.has(slug));
      if (repeated.length > 0) return { outcome: 'again', slugs: repeated };
    }
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
