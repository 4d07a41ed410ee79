import type { Metadata } from 'next';
import Link from 'next/link';
import { ProposalList } from '@/components/coops/proposal-list';
import { myCoops, requirePerson } from '@/lib/account/require-person';
import { getDb } from '@/lib/db';
import { directory } from '@/lib/coops';
import { publishedNow } from '@/lib/proposals/pending';
import { projectUrl } from '@/lib/proposals/status';
import { listProposals } from '@/lib/proposals/store';
import { settings } from '@/lib/settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your account', robots: { index: false } };

/** The co-ops a person keeps current and what they have proposed for each: never anyone else's. */
export default async function AccountPage() {
  const person = await requirePerson();
  const coops = await myCoops(person);
  const proposals = await listProposals(await getDb(), coops);
  const project = projectUrl(settings().CONTENT_GIT_URL);
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Your co-ops</h1>
      {coops.length === 0 && <p>You are not linked to any co-op yet. An admin of the network can link you to yours.</p>}
      {coops.map((slug) => {
        const name = directory.getCoop(slug)?.name ?? slug;
        return (
          <section key={slug} aria-labelledby={`coop-${slug}`} className="space-y-3">
            <h2 id={`coop-${slug}`} className="text-2xl font-bold">
              {name}
            </h2>
            <p className="flex gap-4">
              <Link href={`/account/coops/${slug}`}>Edit {name}’s entry</Link>
              <Link href={`/co-op/${slug}`}>See its page</Link>
            </p>
            <ProposalList
              proposals={proposals.filter((proposal) => proposal.coop === slug)}
              caption={`Changes proposed for ${name}`}
              reader="contact"
              project={project}
              published={publishedNow}
            />
          </section>
        );
      })}
    </div>
  );
}
