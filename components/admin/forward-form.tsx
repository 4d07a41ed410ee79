import { PermalinkForm } from '@/components/admin/permalink-form';
import { forwardBriefAction } from '@/lib/admin/enquiry-actions';
import type { StoredEnquiry } from '@/lib/enquiries/store';
import { forwardTargets, type ForwardTarget } from '@/lib/hire/forwarding';
import { site } from '@/lib/site';

const problems: Record<string, string> = {
  'no-coops': 'Tick at least one co-op to forward the brief to.',
  'unknown-coops': 'Only current member co-ops can be sent a brief: nothing was forwarded.',
  erased: 'This brief’s personal details were erased: it cannot be forwarded.',
};

function Coop({ coop }: { coop: ForwardTarget }) {
  const id = `coop-${coop.slug}`;
  const why = coop.suggestion ? `${id}-why` : undefined;
  return (
    <li className="flex items-start gap-3">
      <input type="checkbox" id={id} name="coop" value={coop.slug} aria-describedby={why} className="mt-1.5" />
      <div>
        <label htmlFor={id}>
          {coop.name}{' '}
          <span className="text-sm text-muted">
            {coop.email
              ? '(to its own address)'
              : `(no address of its own: to ${site.leadsFallbackEmail}, named in the subject)`}
          </span>
        </label>
        {why && (
          <p id={why} className="text-sm">
            {coop.suggestion}
          </p>
        )}
      </div>
    </li>
  );
}

/**
 * Forwards a brief to the member co-ops a member ticks: the suggested ones first, each with why it matches (named
 * by the client, who comes first of all; the brief's services it offers, its technologies, its town), then every
 * other member. Says before sending where each
 * co-op's mail goes, since a co-op without an address of its own is reached through the network's address.
 */
export function ForwardForm({ brief, forwarded, error }: { brief: StoredEnquiry; forwarded?: string; error?: string }) {
  const targets = forwardTargets(brief);
  const groups = [
    { legend: 'Suggested co-ops', coops: targets.filter((coop) => coop.suggestion) },
    { legend: 'Other member co-ops', coops: targets.filter((coop) => !coop.suggestion) },
  ].filter((group) => group.coops.length > 0);
  const problem = error ? problems[error] : undefined;
  return (
    <PermalinkForm
      action={forwardBriefAction}
      permalink={`/admin/enquiries/${brief.id}`}
      className="space-y-4 rounded border border-line bg-white p-6"
    >
      <h2 className="text-xl font-bold">Forward to co-ops</h2>
      <p>
        Each co-op you tick is mailed the brief, with a reply-to the client. A co-op with no address of its own in the
        directory is reached through {site.leadsFallbackEmail}, with its name in the subject.
      </p>
      <p role="status" className="font-semibold empty:hidden">
        {forwarded ? `Forwarded to ${forwarded === '1' ? '1 co-op' : `${forwarded} co-ops`}.` : ''}
      </p>
      {problem && (
        <p role="alert" className="font-semibold text-brand-dark">
          {problem}
        </p>
      )}
      <input type="hidden" name="id" value={brief.id} />
      {groups[0]?.legend !== 'Suggested co-ops' && (
        <p>No member co-op offers these services or uses these technologies: choose from all the members.</p>
      )}
      {groups.map((group) => (
        <fieldset key={group.legend} className="space-y-2">
          <legend className="font-semibold">{group.legend}</legend>
          <ul className="space-y-1">
            {group.coops.map((coop) => (
              <Coop key={coop.slug} coop={coop} />
            ))}
          </ul>
        </fieldset>
      ))}
      <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
        Forward
      </button>
    </PermalinkForm>
  );
}
