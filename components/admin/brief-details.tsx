import { enquiryName, formatReceived, statusLabel } from '@/lib/admin/enquiry-labels';
import { briefDetails } from '@/lib/enquiries/mail';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { hireServices } from '@/lib/members/services';
import { DetailList } from './detail-list';

const serviceNames = new Map(hireServices.map(({ slug, name }) => [slug, name]));

/** A client's brief as members read it (the co-ops suggested for it are in the forward form). */
export function BriefDetails({ brief }: { brief: StoredEnquiry }) {
  const details: [string, React.ReactNode][] = [
    ['Received', formatReceived(brief.createdAt)],
    ['Status', statusLabel(brief.status)],
    ...briefDetails(brief, serviceNames)
      .filter(([term]) => term !== 'Organisation')
      .map(([term, value]): [string, React.ReactNode] =>
        // An erased brief's personal fields are empty.
        !value
          ? [term, '—']
          : term === 'Email'
            ? [
                term,
                <a key="email" href={`mailto:${value}`}>
                  {value}
                </a>,
              ]
            : [
                term,
                <span key={term} className="whitespace-pre-line">
                  {value}
                </span>,
              ],
      ),
  ];
  return (
    <>
      <h1 className="text-3xl font-bold">{enquiryName(brief)}</h1>
      <p className="text-muted">A client’s brief</p>
      <DetailList details={details} />
    </>
  );
}
