import { coopSchema, descriptionField, type Field } from '@/lib/content/schema';
import { formatReceived } from '@/lib/format';
import type { Proposal } from '@/lib/proposals/store';
import { proposalStatus } from '@/lib/proposals/status';

const fields: Readonly<Record<string, Field>> = coopSchema.fields;

/** A proposed value as a person reads it: lists by their items, a tick box as yes or no, a removal in words. */
function shown(value: unknown, names: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined || value === '') return '(removed)';
  if (Array.isArray(value)) return value.map((item) => names.get(String(item)) ?? String(item)).join(', ') || '(none)';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = String(value);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The changes to a co-op's entry still waiting for an editor, at the top of its page in the account: since when,
 * and what each sent, field by field, with what became of it so far and what happens next. The form below starts
 * from these values.
 */
export function WaitingChanges({
  proposals,
  names,
  project,
}: {
  /** Oldest first. */
  proposals: readonly Proposal[];
  /** The directory's names of services and technologies, by slug. */
  names: ReadonlyMap<string, string>;
  project?: string;
}) {
  const [first] = proposals;
  if (!first) return null;
  return (
    <section
      aria-labelledby="waiting-heading"
      className="max-w-prose space-y-3 border-l-4 border-brand bg-brand-light px-4 py-3"
    >
      <h2 id="waiting-heading" className="text-xl font-bold">
        Waiting for an editor since {formatReceived(first.createdAt)}
      </h2>
      <p>What you sent is below and in the form; the co-op’s page shows it once an editor publishes it.</p>
      <ul className="space-y-3">
        {proposals.map((proposal) => {
          const status = proposalStatus(proposal, 'contact', { project });
          const changes = Object.entries(proposal.changes).filter(([field]) => field !== 'confirmed');
          return (
            <li key={proposal.id} className="space-y-1">
              <p className="font-semibold">
                Sent {formatReceived(proposal.createdAt)} by {proposal.authorName}
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-sm">
                {changes.map(([field, value]) => (
                  <div key={field} className="contents">
                    <dt className="font-semibold">
                      {field === descriptionField.name ? descriptionField.label : (fields[field]?.label ?? field)}
                    </dt>
                    <dd className="wrap-break-word">{shown(value, names)}</dd>
                  </div>
                ))}
                {proposal.logoName && (
                  <div className="contents">
                    <dt className="font-semibold">{fields.logo?.label ?? 'Logo'}</dt>
                    <dd>a new file, {proposal.logoName}</dd>
                  </div>
                )}
              </dl>
              <p className="text-sm">
                <strong>{status.words}</strong>. {status.next}
                {status.link && (
                  <>
                    {' '}
                    <a href={status.link.href}>{status.link.text}</a>
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
