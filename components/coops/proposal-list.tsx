import { type Column, DataTable } from '@/components/data-table';
import { formatReceived } from '@/lib/format';
import type { Proposal } from '@/lib/proposals/store';
import { proposalStatus, type StateReader } from '@/lib/proposals/status';

/** What a proposal changes, in words: its fields and the logo. */
export const changedFields = (proposal: Proposal) =>
  [...Object.keys(proposal.changes), ...(proposal.logoName ? [`logo (${proposal.logoName})`] : [])].join(', ');

/**
 * Proposals as a table, newest first: for a co-op's people on their account, under the co-op's name, and for the
 * network's members at /admin/proposals, with a column naming each one's co-op (`coopName`). Each says what became
 * of it in plain words and what happens next, with a link to its merge request when the repository has a web page
 * (`project`, from CONTENT_GIT_URL); `published` says which the site's own content already has.
 */
export function ProposalList({
  proposals,
  caption,
  coopName,
  reader,
  project,
  published = () => false,
}: {
  proposals: readonly Proposal[];
  caption: string;
  coopName?: (slug: string) => string;
  /** Who reads it: a co-op's people see plain words, the network's members why a push failed. */
  reader: StateReader;
  project?: string;
  published?: (proposal: Proposal) => boolean;
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
    {
      header: 'State',
      cell: (proposal) => {
        const status = proposalStatus(proposal, reader, { published: published(proposal), project });
        return (
          <>
            <strong>{status.words}</strong>. {status.next}
            {status.link && (
              <>
                {' '}
                <a href={status.link.href}>{status.link.text}</a>
              </>
            )}
          </>
        );
      },
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={proposals} rowKey={(proposal) => proposal.id} />;
}
