import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EntryForm } from '@/components/coops/entry-form';
import { LinkProblemList } from '@/components/coops/link-problems';
import { requireLinkedPerson } from '@/lib/account/require-person';
import { proposeEntryAction } from '@/lib/account/edit-coop-action';
import { getDb } from '@/lib/db';
import { coopLinkProblems } from '@/lib/links/store';
import { entryValues } from '@/lib/proposals/form';
import { coopPageLogoBox, logoInBox } from '@/lib/content/logo';
import { directory } from '@/lib/coops';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit your co-op', robots: { index: false } };

type Props = { params: Promise<{ slug: string }> };

/**
 * A co-op's entry as a form, for the people linked to it, with its broken and moved links from the weekly checks;
 * anyone else gets the not-found page.
 */
export default async function EditCoopPage({ params }: Props) {
  const { slug } = await params;
  await requireLinkedPerson(slug);
  const coop = directory.getCoop(slug);
  if (!coop) notFound();
  const links = await coopLinkProblems(await getDb(), slug);
  const terms = (list: readonly { slug: string; name: string; url: string }[]) =>
    list.map(({ slug, name, url }) => ({ slug, name, url }));
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Edit {coop.name}</h1>
      <p className="max-w-prose">
        Your change is a proposal: the network’s editors review it before it appears on the site. Only what you change
        is sent.
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
        coop={{ slug, name: coop.name, member: coop.member, logo: logoInBox(coop.logo, coopPageLogoBox) }}
        current={entryValues(coop)}
        services={terms(directory.services)}
        technologies={terms(directory.technologies)}
      />
    </div>
  );
}
