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
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-line">
            <th scope="col" className="py-2 pr-4">
              Sent
            </th>
            {coopName && (
              <th scope="col" className="py-2 pr-4">
                Co-op
              </th>
            )}
            <th scope="col" className="py-2 pr-4">
              By
            </th>
            <th scope="col" className="py-2 pr-4">
              Changes
            </th>
            <th scope="col" className="py-2">
              State
            </th>
          </tr>
        </thead>
        <tbody>
          {proposals.map((proposal) => (
            <tr key={proposal.id} className="border-b border-line align-top">
              <th scope="row" className="py-2 pr-4 font-normal">
                {formatReceived(proposal.createdAt)}
              </th>
              {coopName && <td className="py-2 pr-4">{coopName(proposal.coop)}</td>}
              <td className="py-2 pr-4">
                {proposal.authorName} ({proposal.authorEmail})
              </td>
              <td className="py-2 pr-4">{changedFields(proposal)}</td>
              <td className="py-2">{proposalState(proposal, reader)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
