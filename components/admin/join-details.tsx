import { formatReceived } from '@/lib/admin/enquiry-labels';
import { legalForms, type LegalForm } from '@/lib/enquiries/schema';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { DetailList } from './detail-list';

const link = (href: string | null) =>
  href ? (
    <a href={href} rel="noopener noreferrer nofollow">
      {href}
    </a>
  ) : (
    '—'
  );

/** A co-op's enquiry to join as members read it. */
export function JoinDetails({ enquiry }: { enquiry: StoredEnquiry }) {
  const details: [string, React.ReactNode][] = [
    ['Received', formatReceived(enquiry.createdAt)],
    // An erased enquiry's personal fields are empty.
    ['Contact', enquiry.contactName || '—'],
    [
      'Email',
      enquiry.email ? (
        <a key="email" href={`mailto:${enquiry.email}`}>
          {enquiry.email}
        </a>
      ) : (
        '—'
      ),
    ],
    ['Website', link(enquiry.website)],
    ['Location', enquiry.location],
    ['Legal form', legalForms[enquiry.legalForm as LegalForm] ?? enquiry.legalForm],
    [
      'About the co-op',
      <span key="about" className="whitespace-pre-line">
        {enquiry.description || '—'}
      </span>,
    ],
    ['Evidence', link(enquiry.evidenceUrl)],
  ];
  return (
    <>
      <h1 className="text-3xl font-bold">{enquiry.coopName}</h1>
      <DetailList details={details} />
    </>
  );
}
