import { toCsv } from '@/lib/admin/csv';
import { parseEnquiryFilter } from '@/lib/admin/enquiry-filter';
import { memberRefusal } from '@/lib/admin/require-member';
import { getDb } from '@/lib/db';
import { withDatabase } from '@/lib/http/database-unavailable';
import { forwardingsOf } from '@/lib/audit';
import { coopNames } from '@/lib/coops/hire-coops';
import { serviceNames } from '@/lib/coops/services';
import { enquiryTable } from '@/lib/enquiries/csv';
import { notesOf } from '@/lib/enquiries/notes';
import { listEnquiries } from '@/lib/enquiries/store';

export const dynamic = 'force-dynamic';

export const GET = withDatabase('enquiries.csv', async (request: Request) => {
  const refusal = await memberRefusal(request.headers);
  if (refusal) return refusal;
  const parsed = parseEnquiryFilter(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.ok) {
    return new Response(`${parsed.message}\n`, {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  const db = await getDb();
  const enquiries = await listEnquiries(db, parsed.filter);
  const ids = enquiries.map((enquiry) => enquiry.id);
  const table = enquiryTable(enquiries, {
    serviceNames,
    coopNames,
    notes: await notesOf(db, ids),
    forwardings: await forwardingsOf(db, ids),
  });
  return new Response(toCsv(table), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="enquiries.csv"',
      'cache-control': 'no-store',
    },
  });
});
