import type { AuditEntry } from '@/lib/audit';
import { statusLabel } from '@/lib/enquiries/labels';

const status = (value: string | null) => (value ? statusLabel(value) : '—');
const quoted = (value: string | null) => (value ? `“${value}”` : 'nothing');

/** Who acted, as a person reads it: their name, or the site itself. */
export function actorLabel(entry: AuditEntry): string {
  return entry.actorName ? entry.actorName : 'The site';
}

/**
 * What one audit record says changed, in words, after the actor's name. `coopName` names a co-op a brief was
 * forwarded to by its slug (the directory's name; the slug itself for a co-op no longer listed).
 */
export function changeLabel(entry: AuditEntry, coopName: (slug: string) => string = (slug) => slug): string {
  const target = entry.targetName ?? 'someone';
  switch (entry.action) {
    case 'enquiry.status':
      return `changed the status from ${status(entry.from)} to ${status(entry.to)}`;
    case 'enquiry.note':
      // Erasure blanks both values: say a note was written, not what it said. A record from before notes were a
      // thread has the one note it replaced in `from`.
      if (entry.to === null) return 'wrote a note (erased since)';
      return entry.from === null
        ? `added a note: ${quoted(entry.to)}`
        : `changed the note from ${quoted(entry.from)} to ${quoted(entry.to)}`;
    case 'enquiry.erased':
      return 'erased the personal details';
    case 'enquiry.anonymised':
      return 'removed the personal details under the retention rule';
    case 'lead.forwarded':
      return `forwarded the brief to ${coopName(entry.to ?? '')}`;
    case 'account.created':
      return `added ${target} as ${entry.to === 'admin' ? 'an admin' : entry.to === 'contact' ? 'a co-op contact' : 'a member'}`;
    case 'account.disabled':
      return `disabled ${target}`;
    case 'account.enabled':
      return `re-enabled ${target}`;
    case 'account.role':
      return `changed ${target}’s role from ${entry.from} to ${entry.to}`;
    case 'account.invited':
      return `sent ${target} an invitation to sign in`;
    case 'coop.linked':
      return `linked ${target} to ${coopName(entry.to ?? '')}`;
    case 'coop.unlinked':
      return `unlinked ${target} from ${coopName(entry.from ?? '')}`;
  }
}
