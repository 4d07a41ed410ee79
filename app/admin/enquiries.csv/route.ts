import { toCsv } from '@/lib/admin/csv';
import { getDb } from '@/lib/db';
import { listEnquiries } from '@/lib/enquiries/store';

export const dynamic = 'force-dynamic';

// Guarded by the proxy's Basic auth like every /admin path.
export async function GET() {
  const enquiries = await listEnquiries(await getDb());
  const header = [
    'id',
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
  ];
  const rows = enquiries.map((e) => [
    e.id,
    e.createdAt.toISOString(),
    e.status,
    e.coopName,
    e.contactName,
    e.email,
    e.website ?? '',
    e.location,
    e.legalForm,
    e.description,
    e.evidenceUrl ?? '',
    e.note,
  ]);
  return new Response(toCsv([header, ...rows]), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="enquiries.csv"',
      'cache-control': 'no-store',
    },
  });
}
