import type { AuditEntry } from '@/lib/audit';
import { statusLabel } from '@/lib/enquiries/labels';

const status = (value: string | null) => (value ? statusLabel(value) : '—');
const quoted = (value: string | null) => (value ? `“${value}”` : 'nothing');

/** Who acted, as a person reads it: their name, or the site itself. */
export function actorLabel(entry: AuditEntry): string {
  return entry.actorName ? entry.actorName : 'The site';
}

/** A piece of a change in words: plain text, or the name of a person or co-op with the page that shows it. */
export type LabelPart = string | { text: string; href: string };

/** The admin's list of people, at one person's row. */
export const personHref = (id: string) => `/admin/people#person-${encodeURIComponent(id)}`;
/** A co-op's public page. */
export const coopHref = (slug: string) => `/co-op/${encodeURIComponent(slug)}`;

/**
 * What one audit record says changed, after the actor's name, in parts: the person and co-op it names link to
 * their pages (the activity list links the enquiry itself). `coopName` names a co-op by its slug (the directory's
 * name; the slug itself for a co-op no longer listed).
 */
export function changeParts(
  entry: AuditEntry,
  coopName: (slug: string) => string = (slug) => slug,
): readonly LabelPart[] {
  const target: LabelPart =
    entry.targetName && entry.targetUserId
      ? { text: entry.targetName, href: personHref(entry.targetUserId) }
      : 'someone';
  const coop = (slug: string | null): LabelPart => (slug ? { text: coopName(slug), href: coopHref(slug) } : '—');
  switch (entry.action) {
    case 'enquiry.status':
      return [`changed the status from ${status(entry.from)} to ${status(entry.to)}`];
    case 'enquiry.note':
      // Erasure blanks both values: say a note was written, not what it said. A record from before notes were a
      // thread has the one note it replaced in `from`.
      if (entry.to === null) return ['wrote a note (erased since)'];
      return [
        entry.from === null
          ? `added a note: ${quoted(entry.to)}`
          : `changed the note from ${quoted(entry.from)} to ${quoted(entry.to)}`,
      ];
    case 'enquiry.erased':
      return ['erased the personal details'];
    case 'enquiry.anonymised':
      return ['removed the personal details under the retention rule'];
    case 'lead.forwarded':
      return ['forwarded the brief to ', coop(entry.to)];
    case 'account.created':
      return [
        'added ',
        target,
        ` as ${entry.to === 'admin' ? 'an admin' : entry.to === 'contact' ? 'a co-op contact' : 'a member'}`,
      ];
    case 'account.disabled':
      return ['disabled ', target];
    case 'account.enabled':
      return ['re-enabled ', target];
    case 'account.role':
      return ['changed ', target, `’s role from ${entry.from} to ${entry.to}`];
    case 'account.invited':
      return ['sent ', target, ' an invitation to sign in'];
    case 'coop.linked':
      return ['linked ', target, ' to ', coop(entry.to)];
    case 'coop.unlinked':
      return ['unlinked ', target, ' from ', coop(entry.from)];
    case 'membership.started':
      return [`started the members’ decision on Loomio: ${entry.to ?? '(link erased)'}`];
    case 'membership.approved':
      return ['recorded that the members approved the co-op joining'];
    case 'membership.entry-proposed':
      return [`proposed the co-op’s entry, content/coops/${entry.to ?? ''}.md, to the editors`];
    case 'membership.welcomed':
      return ['sent the co-op its welcome'];
    case 'membership.declined':
      return ['recorded that the members declined, and sent the co-op the reply'];
    case 'coop.leaving':
      return ['proposed that ', coop(entry.to), ' has left the network'];
  }
}

/** The change in words alone, as plain text. */
export const changeLabel = (entry: AuditEntry, coopName?: (slug: string) => string): string =>
  changeParts(entry, coopName)
    .map((part) => (typeof part === 'string' ? part : part.text))
    .join('');
