import Link from 'next/link';
import { actorLabel, changeParts } from '@/lib/admin/audit-labels';
import { formatReceived } from '@/lib/format';
import type { AuditEntry } from '@/lib/audit';
import { coopContacts } from '@/lib/hire/forwarding';

const coopName = (slug: string) => coopContacts.get(slug)?.name ?? slug;

/**
 * A list of audit records, newest first: when, who, and what changed from and to; the person and co-op each names
 * link to their pages, and with `linkEnquiries` (the activity list) the enquiry too.
 */
export function History({ entries, linkEnquiries = false }: { entries: AuditEntry[]; linkEnquiries?: boolean }) {
  if (entries.length === 0) return <p>No changes recorded yet.</p>;
  return (
    <ol className="space-y-2">
      {entries.map((entry) => (
        <li key={entry.id} className="border-b border-line pb-2">
          <time dateTime={entry.at.toISOString()} className="text-sm text-muted">
            {formatReceived(entry.at)}
          </time>{' '}
          <span>
            <strong>{actorLabel(entry)}</strong>{' '}
            {changeParts(entry, coopName).map((part, index) =>
              typeof part === 'string' ? (
                part
              ) : (
                <Link key={index} href={part.href}>
                  {part.text}
                </Link>
              ),
            )}
            {linkEnquiries && entry.enquiryId && (
              <>
                {' '}
                on <Link href={`/admin/enquiries/${entry.enquiryId}`}>an enquiry</Link>
              </>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}
