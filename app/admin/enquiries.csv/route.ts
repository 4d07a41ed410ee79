import { toCsv } from '@/lib/admin/csv';
import { parseEnquiryFilter } from '@/lib/admin/enquiry-filter';
import { memberRefusal } from '@/lib/admin/require-member';
import { getDb } from '@/lib/db';
import { listEnquiries } from '@/lib/enquiries/store';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const refusal = await memberRefusal(request.headers);
  if (refusal) return refusal;
  const parsed = parseEnquiryFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) {
    return new Response(`${parsed.message}\n`, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const enquiries = await listEnquiries(await getDb(), parsed.filter);
  const header = [
    'id',
    'kind',
    'received',
    'status',
    'co-op',
    'contact',
    'email',
    'website',
    'location',
    'legal form',
    'about',
    'evidence',
    'note',
    'organisation',
    'services',
    'technologies',
    'budget',
    'timescale',
    'remote',
  ];
  // Join enquiries and briefs in one table: the columns only the other kind has are empty.
  const rows = enquiries.map((e) => [
    e.id,
    e.kind,
    e.createdAt.toISOString(),
    e.status,
    e.coopName ?? '',
    e.contactName,
    e.email,
    e.website ?? '',
    e.location ?? '',
    e.legalForm ?? '',
    e.description,
    e.evidenceUrl ?? '',
    e.note,
    e.organisation ?? '',
    (e.services ?? []).join(', '),
    (e.technologies ?? []).join(', '),
    e.budget ?? '',
    e.timescale ?? '',
    e.remote === null ? '' : e.remote ? 'yes' : 'no',
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="enquiries.csv"',
      'cache-control': 'no-store',
    },
  });
}
