import type { Metadata } from 'next';
import Link from 'next/link';
import { LinkProblemList } from '@/components/coops/link-problems';
import { requireAdmin } from '@/lib/admin/require-member';
import { entriesByAge, type EntryAge } from '@/lib/admin/age-list';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Co-op entries', robots: { index: false } };

const age = (row: EntryAge) =>
  row.ageMonths === undefined ? 'Never confirmed' : row.ageMonths === 1 ? '1 month' : `${row.ageMonths} months`;

export default async function CoopEntriesPage() {
  await requireAdmin();
  const rows = await entriesByAge(await getDb(), new Date());
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Co-op entries</h1>
      <p>
        The directory&rsquo;s member co-ops, the longest unconfirmed first. The people linked to a co-op are asked to
        review its entry once it is 12 months old, at most once a month; its public page says when it was last confirmed
        once it is 24 months old. Links are checked weekly; one broken in three checks in a row is flagged.
      </p>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Co-op entries by age of confirmation</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-4">
                Co-op
              </th>
              <th scope="col" className="py-2 pr-4">
                Last confirmed
              </th>
              <th scope="col" className="py-2 pr-4">
                Age
              </th>
              <th scope="col" className="py-2 pr-4">
                People
              </th>
              <th scope="col" className="py-2">
                Links
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.slug} className="border-b border-line align-top">
                <th scope="row" className="py-2 pr-4 font-normal">
                  <Link href={row.url}>{row.name}</Link>
                  {row.flagged && <strong className="ml-2 text-brand-dark">Flagged: broken link</strong>}
                </th>
                <td className="py-2 pr-4">
                  {row.confirmed ? (
                    <time dateTime={row.confirmed.toISOString().slice(0, 10)}>
                      {formatDate(row.confirmed.toISOString())}
                    </time>
                  ) : (
                    '–'
                  )}
                </td>
                <td className="py-2 pr-4">
                  {age(row)}
                  {row.reviewDue && ' (review due)'}
                </td>
                <td className="py-2 pr-4">{row.people}</td>
                <td className="py-2">
                  <LinkProblemList links={row.links} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
