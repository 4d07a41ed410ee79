import { formatReceived } from '@/lib/format';
import { statusLabel } from '@/lib/enquiries/labels';
import { enquiryDetails, enquiryNameOf, kindOfEnquiry, type Detail } from '@/lib/enquiries/details';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { coopNames } from '@/lib/coops/hire-coops';
import { serviceNames } from '@/lib/coops/services';
import { DetailList } from './detail-list';

/** A value as its field shows: an address to write to, a link to follow, text that keeps its line breaks. */
function shown({ name, as, value }: Detail): React.ReactNode {
  // An erased enquiry's personal fields are empty.
  if (value === '—') return value;
  if (as === 'email') return <a href={`mailto:${value}`}>{value}</a>;
  if (as === 'phone') return <a href={`tel:${value.replace(/[^\d+]/g, '')}`}>{value}</a>;
  if (as === 'link') {
    return (
      <a href={value} rel="noopener noreferrer nofollow">
        {value}
      </a>
    );
  }
  if (as === 'long') {
    return (
      <span key={name} className="whitespace-pre-line">
        {value}
      </span>
    );
  }
  return value;
}

/** An enquiry of any kind as members read it: its name as the heading, then every field its kind shows. */
export function EnquiryDetails({ enquiry }: { enquiry: StoredEnquiry }) {
  const kind = kindOfEnquiry(enquiry);
  const details: [string, React.ReactNode][] = [
    [
      'Reference',
      <span key="reference" className="font-mono">
        {enquiry.reference}
      </span>,
    ],
    ['Received', formatReceived(enquiry.createdAt)],
    ['Status', statusLabel(enquiry.status)],
    ...enquiryDetails(kind, enquiry, { serviceNames, coopNames })
      .filter((detail) => detail.name !== kind.nameField)
      .map((detail): [string, React.ReactNode] => [detail.label, shown(detail)]),
  ];
  return (
    <>
      <h1 className="text-3xl font-bold">{enquiryNameOf(kind, enquiry)}</h1>
      <p className="text-muted">{kind.summary}</p>
      <DetailList details={details} />
    </>
  );
}
