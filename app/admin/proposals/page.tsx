import type { Metadata } from 'next';
import { ProposalList } from '@/components/coops/proposal-list';
import { requireMember } from '@/lib/admin/require-member';
import { getDb } from '@/lib/db';
import { directory } from '@/lib/coops';
import { publishedNow } from '@/lib/proposals/pending';
import { projectUrl } from '@/lib/proposals/status';
import { listProposals } from '@/lib/proposals/store';
import { settings } from '@/lib/settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Proposals', robots: { index: false } };

/**
 * Every change co-ops have proposed to their entries, newest first. Members as well as admins: members triage
 * what comes in, and a proposal holds nothing more private than its author's name and address.
 */
export default async function ProposalsPage() {
  await requireMember();
  const proposals = await listProposals(await getDb());
  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">Proposals</h1>
      <p className="max-w-prose">
        Changes the co-ops’ own people proposed to their entries. Each becomes a merge request in the content repository
        once pushed.
      </p>
      <ProposalList
        proposals={proposals}
        caption="Proposed changes to co-ops’ entries"
        coopName={(slug) => directory.getCoop(slug)?.name ?? slug}
        reader="admin"
        project={projectUrl(settings().CONTENT_GIT_URL)}
        published={publishedNow}
      />
    </div>
  );
}
