import type { Metadata } from 'next';
import Link from 'next/link';
import { type Column, DataTable } from '@/components/data-table';
import { LinkProblemList } from '@/components/coops/link-problems';
import { requireAdmin } from '@/lib/admin/require-member';
import { entriesByAge, type EntryAge } from '@/lib/admin/age-list';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Co-op entries', robots: { index: false } };

const age = (row: EntryAge) =>
  row.ageMonths === undefined ? 'Never confirmed' : row.ageMonths === 1 ? '1 month' : `${row.ageMonths} months`;

/** The list's columns; entriesByAge gives the rows oldest confirmation first, never confirmed before any. */
const columns: Column<EntryAge>[] = [
  {
    header: 'Co-op',
    cell: (row) => (
      <>
        <Link href={row.url}>{row.name}</Link>{' '}
        <Link href={`/admin/coops/${row.slug}`} aria-label={`Manage ${row.name}`} className="ml-2 text-sm">
          Manage
        </Link>
        {row.flagged && <strong className="ml-2 text-brand-dark">Flagged: broken link</strong>}
      </>
    ),
    rowHeader: true,
  },
  {
    header: 'Last confirmed',
    cell: (row) =>
      row.confirmed ? (
        <time dateTime={row.confirmed.toISOString().slice(0, 10)}>{formatDate(row.confirmed.toISOString())}</time>
      ) : (
        '–'
      ),
    sorted: 'ascending',
  },
  {
    header: 'Age',
    cell: (row) => (
      <>
        {age(row)}
        {row.reviewDue && ' (review due)'}
      </>
    ),
  },
  { header: 'People', cell: (row) => row.people },
  { header: 'Links', cell: (row) => <LinkProblemList links={row.links} /> },
];

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
      <DataTable
        caption="Co-op entries by age of confirmation"
        columns={columns}
        rows={rows}
        rowKey={(row) => row.slug}
      />
    </div>
  );
}
