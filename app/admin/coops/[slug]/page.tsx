import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { allCoops } from 'contentlayer/generated';
import { PermalinkForm } from '@/components/admin/permalink-form';
import { personHref } from '@/lib/admin/audit-labels';
import { leftNetworkAction } from '@/lib/admin/membership-actions';
import { requireAdmin } from '@/lib/admin/require-member';
import { getDb } from '@/lib/db';
import { peopleOf } from '@/lib/coops/people';
import { formatReceived } from '@/lib/format';
import { isUnderWay, latestDeparture } from '@/lib/proposals/departure';
import { projectUrl, proposalStatus } from '@/lib/proposals/status';
import { settings } from '@/lib/settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Co-op entry', robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ left?: string }> };

const said: Readonly<Record<string, string>> = {
  proposed: 'Proposed: the editors are asked to mark the co-op as no longer a member.',
  already: 'Its departure is already under way: nothing more was proposed.',
  limit: 'The co-op has sent as many proposals as it may today: try again tomorrow.',
};

/**
 * A co-op's entry for admins: who is linked to it, and "Left the network", which proposes `member: false` to the
 * editors and unlinks its people once that is merged.
 */
export default async function AdminCoopPage({ params, searchParams }: Props) {
  await requireAdmin();
  const { slug } = await params;
  const coop = allCoops.find((entry) => entry.slug === slug);
  if (!coop) notFound();
  const { left } = await searchParams;
  const db = await getDb();
  const people = await peopleOf(db, slug);
  const departure = await latestDeparture(db, slug);
  const status =
    departure && proposalStatus(departure.proposal, 'admin', { project: projectUrl(settings().CONTENT_GIT_URL) });
  const underWay = departure && isUnderWay(departure.departure, departure.proposal);
  return (
    <div className="mx-auto max-w-prose space-y-6">
      <p>
        <Link href="/admin/coops">All co-op entries</Link>
      </p>
      <h1 className="text-3xl font-bold">{coop.name}</h1>
      <p>
        {coop.member ? 'A member of the network.' : 'No longer a member of the network.'}{' '}
        <Link href={coop.url}>Its public page</Link>
      </p>
      <section aria-labelledby="people-heading" className="space-y-2">
        <h2 id="people-heading" className="text-xl font-bold">
          People who keep its entry
        </h2>
        {people.length === 0 ? (
          <p>Nobody is linked to it.</p>
        ) : (
          <ul className="list-disc pl-6">
            {people.map((person) => (
              <li key={person.id}>
                <Link href={personHref(person.id)}>{person.name}</Link> ({person.email})
              </li>
            ))}
          </ul>
        )}
      </section>
      {departure && status && (
        <section aria-labelledby="departure-heading" className="space-y-2">
          <h2 id="departure-heading" className="text-xl font-bold">
            Leaving the network
          </h2>
          <p>
            Proposed on {formatReceived(departure.departure.createdAt)}: {status.words}. {status.next}{' '}
            {status.link && <a href={status.link.href}>{status.link.text}</a>}
          </p>
          <p>
            {departure.departure.unlinkedAt
              ? `Its people were unlinked on ${formatReceived(departure.departure.unlinkedAt)}.`
              : 'Its people are unlinked once an editor merges it.'}
          </p>
        </section>
      )}
      {coop.member && !underWay && (
        <PermalinkForm
          action={leftNetworkAction}
          permalink={`/admin/coops/${slug}`}
          aria-labelledby="left-heading"
          className="space-y-4 rounded border border-line bg-white p-6"
        >
          <h2 id="left-heading" className="text-xl font-bold">
            Left the network
          </h2>
          {left === 'unconfirmed' && (
            <p role="alert" className="font-semibold text-brand-dark">
              Tick the box to confirm that the co-op has left. Nothing was proposed.
            </p>
          )}
          <p>
            Proposes to the editors that {coop.name} is no longer a member (<code>member: false</code>): its page stays,
            out of the directory. Once an editor merges it, the people linked to it are unlinked.
          </p>
          <input type="hidden" name="coop" value={slug} />
          <div className="flex items-start gap-3">
            <input type="checkbox" id="confirm-left" name="confirm" value="left" />
            <label htmlFor="confirm-left">{coop.name} has left the network</label>
          </div>
          <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
            Propose that it left
          </button>
        </PermalinkForm>
      )}
      {left && said[left] && <p className="font-semibold">{said[left]}</p>}
    </div>
  );
}
