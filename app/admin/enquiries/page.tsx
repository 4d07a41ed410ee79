import type { Metadata } from 'next';
import Link from 'next/link';
import { type Column, DataTable } from '@/components/data-table';
import { EnquiryFilterForm } from '@/components/admin/enquiry-filter-form';
import { LeadFigures } from '@/components/admin/lead-figures';
import { filterLabel, filterQuery, parseEnquiryFilter } from '@/lib/admin/enquiry-filter';
import { formatReceived } from '@/lib/format';
import { enquiryName, enquiryPlace, kindLabels, statusLabel } from '@/lib/enquiries/labels';
import { requireMember } from '@/lib/admin/require-member';
import { getDb } from '@/lib/db';
import { isStale, listEnquiries, staleAfterDays, type StoredEnquiry } from '@/lib/enquiries/store';
import { leadFigures } from '@/lib/hire/figures';
import { notesOf, type Note } from '@/lib/enquiries/notes';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Enquiries and briefs', robots: { index: false } };

/**
 * The triage list's columns, newest first as listEnquiries gives them; `now` says which are waiting too long, and
 * `notes` holds each enquiry's thread, whose latest note the list shows.
 */
const columns = (now: Date, notes: ReadonlyMap<string, readonly Note[]>): Column<StoredEnquiry>[] => [
  {
    header: 'Received',
    cell: (enquiry) => formatReceived(enquiry.createdAt),
    sorted: 'descending',
    className: 'whitespace-nowrap',
  },
  { header: 'Kind', cell: (enquiry) => kindLabels[enquiry.kind] },
  { header: 'Reference', cell: (enquiry) => enquiry.reference, className: 'whitespace-nowrap font-mono' },
  {
    header: 'From',
    cell: (enquiry) => <Link href={`/admin/enquiries/${enquiry.id}`}>{enquiryName(enquiry)}</Link>,
    rowHeader: true,
  },
  { header: 'Location', cell: enquiryPlace },
  {
    header: 'Status',
    cell: (enquiry) => (
      <>
        {statusLabel(enquiry.status)}
        {isStale(enquiry, now) && (
          <strong className="ml-2 rounded bg-brand-light px-2 py-0.5 text-brand-dark">
            Waiting over {staleAfterDays} days
          </strong>
        )}
      </>
    ),
  },
  {
    header: 'Latest note',
    cell: (enquiry) => {
      const thread = notes.get(enquiry.id) ?? [];
      const latest = thread.at(-1);
      if (!latest) return '';
      const earlier = thread.length - 1;
      return `${latest.text}${earlier > 0 ? ` (and ${earlier} earlier)` : ''}`;
    },
  },
];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EnquiriesPage({ searchParams }: Props) {
  await requireMember();
  const db = await getDb();
  const query = await searchParams;
  const parsed = parseEnquiryFilter(query);
  const filter = parsed.ok ? parsed.filter : {};
  const enquiries = parsed.ok ? await listEnquiries(db, filter) : [];
  const figures = await leadFigures(db);
  const shown = filterLabel(filter);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="text-3xl font-bold">Enquiries and briefs</h1>
        {parsed.ok && (
          <a href={`/admin/enquiries.csv${filterQuery(filter)}`} download>
            Download {shown ? 'these' : 'all'} as CSV
          </a>
        )}
      </div>
      <LeadFigures figures={figures} />
      <EnquiryFilterForm filter={filter} typed={typeof query.reference === 'string' ? query.reference : undefined} />
      {!parsed.ok ? (
        <p role="alert" className="font-semibold text-brand-dark">
          {parsed.message}
        </p>
      ) : enquiries.length === 0 ? (
        <p>{shown ? `No enquiries match: ${shown}.` : 'No enquiries yet.'}</p>
      ) : (
        <DataTable
          caption={`${shown ? `Enquiries (${shown})` : 'Join enquiries and briefs'}, newest first`}
          columns={columns(
            new Date(),
            await notesOf(
              db,
              enquiries.map((enquiry) => enquiry.id),
            ),
          )}
          rows={enquiries}
          rowKey={(enquiry) => enquiry.id}
        />
      )}
    </div>
  );
}
