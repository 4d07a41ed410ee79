import type { Metadata } from 'next';
import Link from 'next/link';
import { EnquiryFilterForm } from '@/components/admin/enquiry-filter-form';
import { LeadFigures } from '@/components/admin/lead-figures';
import { filterLabel, filterQuery, parseEnquiryFilter } from '@/lib/admin/enquiry-filter';
import { formatReceived } from '@/lib/format';
import { enquiryName, enquiryPlace, kindLabels, statusLabel } from '@/lib/enquiries/labels';
import { requireMember } from '@/lib/admin/require-member';
import { getDb } from '@/lib/db';
import { isStale, listEnquiries, staleAfterDays } from '@/lib/enquiries/store';
import { leadFigures } from '@/lib/hire/figures';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Enquiries and briefs', robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EnquiriesPage({ searchParams }: Props) {
  await requireMember();
  const db = await getDb();
  const parsed = parseEnquiryFilter(await searchParams);
  const filter = parsed.ok ? parsed.filter : {};
  const enquiries = parsed.ok ? await listEnquiries(db, filter) : [];
  const figures = await leadFigures(db);
  const shown = filterLabel(filter);
  const now = new Date();
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
      <EnquiryFilterForm filter={filter} />
      {!parsed.ok ? (
        <p role="alert" className="font-semibold text-brand-dark">
          {parsed.message}
        </p>
      ) : enquiries.length === 0 ? (
        <p>{shown ? `No enquiries match: ${shown}.` : 'No enquiries yet.'}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left text-sm">
            <caption className="sr-only">
              {shown ? `Enquiries (${shown})` : 'Join enquiries and briefs'}, newest first
            </caption>
            <thead>
              <tr className="border-b border-line">
                <th scope="col" className="py-2 pr-4">
                  Received
                </th>
                <th scope="col" className="py-2 pr-4">
                  Kind
                </th>
                <th scope="col" className="py-2 pr-4">
                  From
                </th>
                <th scope="col" className="py-2 pr-4">
                  Location
                </th>
                <th scope="col" className="py-2 pr-4">
                  Status
                </th>
                <th scope="col" className="py-2">
                  Note
                </th>
              </tr>
            </thead>
            <tbody>
              {enquiries.map((enquiry) => (
                <tr key={enquiry.id} className="border-b border-line align-top">
                  <td className="py-2 pr-4 whitespace-nowrap">{formatReceived(enquiry.createdAt)}</td>
                  <td className="py-2 pr-4">{kindLabels[enquiry.kind]}</td>
                  <td className="py-2 pr-4">
                    <Link href={`/admin/enquiries/${enquiry.id}`}>{enquiryName(enquiry)}</Link>
                  </td>
                  <td className="py-2 pr-4">{enquiryPlace(enquiry)}</td>
                  <td className="py-2 pr-4">
                    {statusLabel(enquiry.status)}
                    {isStale(enquiry, now) && (
                      <strong className="ml-2 rounded bg-brand-light px-2 py-0.5 text-brand-dark">
                        Waiting over {staleAfterDays} days
                      </strong>
                    )}
                  </td>
                  <td className="py-2">{enquiry.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
