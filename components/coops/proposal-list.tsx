import { type Column, DataTable } from '@/components/data-table';
import { formatReceived } from '@/lib/format';
import { proposalState, type Proposal, type StateReader } from '@/lib/proposals/store';

/** What a proposal changes, in words: its fields and the logo. */
const changedFields = (proposal: Proposal) =>
  [...Object.keys(proposal.changes), ...(proposal.logoName ? [`logo (${proposal.logoName})`] : [])].join(', ');

/**
 * Proposals as a table, newest first: for a co-op's people on their account, under the co-op's name, and for the
 * network's members at /admin/proposals, with a column naming each one's co-op (`coopName`).
 */
export function ProposalList({
  proposals,
  caption,
  coopName,
  reader,
}: {
  proposals: readonly Proposal[];
  caption: string;
  coopName?: (slug: string) => string;
  /** Who reads it: a co-op's people see plain words, the network's members why a push failed. */
  reader: StateReader;
}) {
  if (proposals.length === 0) return <p>No proposals yet.</p>;
  const columns: Column<Proposal>[] = [
    {
      header: 'Sent',
      cell: (proposal) => formatReceived(proposal.createdAt),
      rowHeader: true,
      sorted: 'descending',
    },
    ...(coopName ? [{ header: 'Co-op', cell: (proposal: Proposal) => coopName(proposal.coop) }] : []),
    { header: 'By', cell: (proposal) => `${proposal.authorName} (${proposal.authorEmail})` },
    { header: 'Changes', cell: changedFields },
    { header: 'State', cell: (proposal) => proposalState(proposal, reader) },
  ];
  return <DataTable caption={caption} columns={columns} rows={proposals} rowKey={(proposal) => proposal.id} />;
}
