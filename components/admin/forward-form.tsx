import Link from 'next/link';
import { PermalinkForm } from '@/components/admin/permalink-form';
import { forwardBriefAction } from '@/lib/admin/enquiry-actions';
import type { Forwarding } from '@/lib/audit';
import { formatReceived } from '@/lib/format';
import type { ForwardTarget } from '@/lib/hire/forwarding';

const problems: Record<string, string> = {
  'no-coops': 'Tick at least one co-op to forward the brief to.',
  'unknown-coops': 'Only current member co-ops can be sent a brief: nothing was forwarded.',
  'no-address': 'A co-op you ticked has no address yet: nothing was forwarded.',
  erased: 'This brief’s personal details were erased: it cannot be forwarded.',
};

/** When and by whom the brief went to a co-op, in words. */
export const forwardedLine = (forwarding: Forwarding) =>
  `Forwarded on ${formatReceived(forwarding.at)} by ${forwarding.byName ?? 'someone no longer listed'}`;

const where: Record<ForwardTarget['via'], string> = {
  entry: 'to its own address',
  contacts: 'to its linked contacts: it has no address of its own',
  none: 'no address yet',
};

function Coop({ coop, ticked }: { coop: ForwardTarget; ticked: boolean }) {
  const id = `coop-${coop.slug}`;
  const noAddress = coop.via === 'none';
  const described = [
    coop.suggestion && `${id}-why`,
    coop.forwarded.length > 0 && `${id}-sent`,
    noAddress && `${id}-how`,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <li className="flex items-start gap-3">
      <input
        type="checkbox"
        id={id}
        name="coop"
        value={coop.slug}
        disabled={noAddress}
        defaultChecked={ticked && !noAddress}
        aria-describedby={described || undefined}
        className="mt-1.5"
      />
      <div>
        <label htmlFor={id}>
          {coop.name} <span className="text-sm text-muted">({where[coop.via]})</span>
        </label>
        {coop.suggestion && (
          <p id={`${id}-why`} className="text-sm">
            {coop.suggestion}
          </p>
        )}
        {coop.forwarded.length > 0 && (
          <ul id={`${id}-sent`} className="text-sm font-semibold">
            {coop.forwarded.map((forwarding) => (
              <li key={forwarding.at.toISOString()}>{forwardedLine(forwarding)}</li>
            ))}
          </ul>
        )}
        {noAddress && (
          <p id={`${id}-how`} className="text-sm">
            To reach it, an admin links one of its people at <Link href="/admin/people">People</Link>, or its entry gets
            an email.
          </p>
        )}
      </div>
    </li>
  );
}

/**
 * Forwards a brief to the member co-ops a member ticks: the suggested ones first, each with why it matches (named
 * by the client, who comes first of all; the brief's services it offers, its technologies, its town), then every
 * other member. Says before sending where each co-op's mail goes (its own address, or its linked contacts); a co-op
 * with neither cannot be ticked. Each co-op already sent the brief says when and by whom; ticking it again makes
 * the form ask first (`again`: those co-ops, ticked, with a box to say yes).
 */
export function ForwardForm({
  briefId,
  targets,
  forwarded,
  again = [],
  ticked = [],
  error,
}: {
  briefId: string;
  targets: readonly ForwardTarget[];
  forwarded?: string;
  /** The co-ops ticked that had the brief before: the form asks before sending it again. */
  again?: readonly string[];
  /** The co-ops ticked when it asked, ticked again. */
  ticked?: readonly string[];
  error?: string;
}) {
  const groups = [
    { legend: 'Suggested co-ops', coops: targets.filter((coop) => coop.suggestion) },
    { legend: 'Other member co-ops', coops: targets.filter((coop) => !coop.suggestion) },
  ].filter((group) => group.coops.length > 0);
  const problem = error ? problems[error] : undefined;
  const asking = targets.filter((coop) => again.includes(coop.slug));
  return (
    <PermalinkForm
      action={forwardBriefAction}
      permalink={`/admin/enquiries/${briefId}`}
      id="forward"
      aria-labelledby="forward-heading"
      className="space-y-4 rounded border border-line bg-white p-6"
    >
      <h2 id="forward-heading" className="text-xl font-bold">
        Forward to co-ops
      </h2>
      <p>
        Each co-op you tick is mailed the brief, with a reply-to the client: at the address in its entry, or else at the
        addresses of the people linked to it.
      </p>
      <p role="status" className="font-semibold empty:hidden">
        {forwarded ? `Forwarded to ${forwarded === '1' ? '1 co-op' : `${forwarded} co-ops`}.` : ''}
      </p>
      {problem && (
        <p role="alert" className="font-semibold text-brand-dark">
          {problem}
        </p>
      )}
      {asking.length > 0 && (
        <div role="alert" className="space-y-2 border-l-4 border-brand bg-brand-light px-4 py-2">
          <p className="font-semibold">
            Already forwarded to {asking.map((coop) => coop.name).join(', ')}: nothing was sent. Send it again?
          </p>
          <div className="flex items-center gap-2">
            <input type="checkbox" id="again" name="again" value="yes" />
            <label htmlFor="again">Yes, send it again to the co-ops that had it</label>
          </div>
        </div>
      )}
      <input type="hidden" name="id" value={briefId} />
      {groups[0]?.legend !== 'Suggested co-ops' && (
        <p>No member co-op offers these services or uses these technologies: choose from all the members.</p>
      )}
      {groups.map((group) => (
        <fieldset key={group.legend} className="space-y-2">
          <legend className="font-semibold">{group.legend}</legend>
          <ul className="space-y-1">
            {group.coops.map((coop) => (
              <Coop key={coop.slug} coop={coop} ticked={ticked.includes(coop.slug)} />
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
