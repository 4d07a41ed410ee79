import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PermalinkForm } from '@/components/admin/permalink-form';
import { EntryForm } from '@/components/coops/entry-form';
import { LinkProblemList } from '@/components/coops/link-problems';
import { WaitingChanges } from '@/components/coops/waiting-changes';
import { requireLinkedPerson } from '@/lib/account/require-person';
import { confirmEntryAction, proposeEntryAction } from '@/lib/account/edit-coop-action';
import { getDb } from '@/lib/db';
import { coopLinkProblems } from '@/lib/links/store';
import { entryValues } from '@/lib/proposals/form';
import { isWaiting, withWaiting } from '@/lib/proposals/pending';
import { projectUrl } from '@/lib/proposals/status';
import { listProposals } from '@/lib/proposals/store';
import { coopPageLogoBox, logoInBox } from '@/lib/content/logo';
import { directory } from '@/lib/coops';
import { latestConfirmations } from '@/lib/coops/confirmations';
import { formatReceived } from '@/lib/format';
import { settings } from '@/lib/settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit your co-op', robots: { index: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ sent?: string; confirmed?: string }> };

/**
 * A co-op's entry as its people keep it, for the people linked to it (anyone else gets the not-found page): "Still
 * correct" first, then the changes still waiting for an editor, its broken and moved links from the weekly checks,
 * and the edit form, which starts from the waiting changes.
 */
export default async function EditCoopPage({ params, searchParams }: Props) {
  const { slug } = await params;
  await requireLinkedPerson(slug);
  const coop = directory.getCoop(slug);
  if (!coop) notFound();
  const db = await getDb();
  const links = await coopLinkProblems(db, slug);
  const waiting = (await listProposals(db, [slug])).filter(isWaiting).reverse();
  const confirmation = (await latestConfirmations(db, [slug])).get(slug);
  const { sent, confirmed } = await searchParams;
  const terms = (list: readonly { slug: string; name: string; url: string }[]) =>
    list.map(({ slug, name, url }) => ({ slug, name, url }));
  const names = new Map([...directory.services, ...directory.technologies].map(({ slug, name }) => [slug, name]));
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Edit {coop.name}</h1>
      <p role="status" className="max-w-prose font-semibold empty:hidden">
        {sent
          ? 'Sent: your change is waiting for the network’s editors. The form below shows it.'
          : confirmed === '1'
            ? `Thank you: ${coop.name}’s entry is confirmed as still correct, and its page says so now.`
            : confirmed === 'already'
              ? 'Already confirmed today: nothing more to do.'
              : ''}
      </p>
      <PermalinkForm
        action={confirmEntryAction.bind(null, slug)}
        permalink={`/account/coops/${slug}`}
        aria-labelledby="confirm-heading"
        className="max-w-prose space-y-2 rounded border border-line bg-white p-6"
      >
        <h2 id="confirm-heading" className="text-xl font-bold">
          Is the entry still right?
        </h2>
        <p>
          If nothing has changed, say so: the co-op’s page shows it at once, and no editor needs to review anything.
          {confirmation && ` Last confirmed here on ${formatReceived(confirmation.at)} by ${confirmation.name}.`}
        </p>
        <button type="submit" className="rounded bg-brand-dark px-5 py-2 font-semibold text-white hover:bg-brand">
          Still correct
        </button>
      </PermalinkForm>
      <WaitingChanges proposals={waiting} names={names} project={projectUrl(settings().CONTENT_GIT_URL)} />
      <p className="max-w-prose">
        A change is a proposal: the network’s editors review it before it appears on the site. Only what you change is
        sent.
      </p>
      <section aria-labelledby="links-heading" className="max-w-prose space-y-2">
        <h2 id="links-heading" className="text-xl font-bold">
          Links that need a look
        </h2>
        <p>Your website and your case studies’ links, as the site’s weekly check last found them.</p>
        <LinkProblemList links={links} />
      </section>
      <EntryForm
        action={proposeEntryAction.bind(null, slug)}
        permalink={`/account/coops/${slug}`}
        coop={{
          slug,
          name: coop.name,
          member: coop.member,
          logo: logoInBox(coop.logo, coopPageLogoBox, coop.logoOnDark),
        }}
        current={withWaiting(entryValues(coop), waiting)}
        services={terms(directory.services)}
        technologies={terms(directory.technologies)}
      />
    </div>
  );
}
