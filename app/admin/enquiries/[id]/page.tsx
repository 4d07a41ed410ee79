import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EraseForm } from '@/components/admin/erase-form';
import { ForwardForm } from '@/components/admin/forward-form';
import { History } from '@/components/admin/history';
import { EnquiryDetails } from '@/components/admin/enquiry-details';
import { MembershipDecision } from '@/components/admin/membership-decision';
import { TriageForm } from '@/components/admin/triage-form';
import { formatReceived } from '@/lib/format';
import { requireMember } from '@/lib/admin/require-member';
import { enquiryHistory, forwardingsOf } from '@/lib/audit';
import { notesOf } from '@/lib/enquiries/notes';
import { coopContacts, forwardTargets, recipientsOf } from '@/lib/hire/forwarding';
import { getDb } from '@/lib/db';
import { getEnquiry, isStale, staleAfterDays } from '@/lib/enquiries/store';
import { kindOf } from '@/lib/enquiry-kinds';
import { enquiryTitle } from '@/lib/enquiry-kinds/on-site';
import { decisionOf } from '@/lib/membership/decision';
import { projectUrl } from '@/lib/proposals/status';
import { getProposal } from '@/lib/proposals/store';
import { settings } from '@/lib/settings';

export const dynamic = 'force-dynamic';
type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{
    saved?: string;
    erased?: string;
    forwarded?: string;
    again?: string;
    ticked?: string;
    error?: string;
    decision?: string;
  }>;
};

// Next.js runs this beside the page, not after it: it checks the session itself before it reads anything, or a
// forged session cookie would learn from the title whether an id is a brief's or a join enquiry's.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireMember();
  const enquiry = await getEnquiry(await getDb(), (await params).id);
  return { title: enquiryTitle(enquiry?.kind ?? ''), robots: { index: false } };
}

export default async function EnquiryPage({ params, searchParams }: Props) {
  const member = await requireMember();
  const db = await getDb();
  const enquiry = await getEnquiry(db, (await params).id);
  const kind = enquiry && kindOf(enquiry.kind);
  if (!enquiry || !kind) notFound();
  const history = await enquiryHistory(db, enquiry.id);
  const notes = (await notesOf(db, [enquiry.id])).get(enquiry.id) ?? [];
  const { saved, erased, forwarded, again, ticked, error, decision: said } = await searchParams;
  const decision = enquiry.kind === 'join' ? await decisionOf(db, enquiry.id) : undefined;
  const proposal = decision?.proposalId ? await getProposal(db, decision.proposalId) : undefined;
  const { admin, forwardable } = kind.site;
  const forwarding = forwardable && !enquiry.anonymisedAt;
  const targets = forwarding
    ? forwardTargets(
        enquiry,
        await recipientsOf(db, [...coopContacts.keys()]),
        (await forwardingsOf(db, [enquiry.id])).get(enquiry.id),
      )
    : [];
  const slugs = (list?: string) => (list ? list.split(',') : []);
  return (
    <div className="mx-auto max-w-prose space-y-6">
      <p>
        <Link href="/admin/enquiries">All enquiries</Link>
      </p>
      <EnquiryDetails enquiry={enquiry} />
      {isStale(enquiry) && (
        <p className="font-semibold text-brand-dark">
          Still new after {staleAfterDays} days: please {admin.stale}.
        </p>
      )}
      {enquiry.anonymisedAt && (
        <p role="status" className="font-semibold">
          {erased ? 'Erased. ' : ''}The personal details of this {admin.noun} were removed on{' '}
          {formatReceived(enquiry.anonymisedAt)}.
        </p>
      )}
      <TriageForm enquiry={enquiry} notes={notes} saved={Boolean(saved)} error={error} />
      {enquiry.kind === 'join' && !enquiry.anonymisedAt && (
        <MembershipDecision
          enquiry={enquiry}
          decision={decision}
          proposal={proposal}
          project={projectUrl(settings().CONTENT_GIT_URL)}
          said={said}
        />
      )}
      {forwarding && (
        <ForwardForm
          briefId={enquiry.id}
          targets={targets}
          forwarded={forwarded}
          again={slugs(again)}
          ticked={slugs(ticked)}
          error={error}
        />
      )}
      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-bold">
          History
        </h2>
        <History entries={history} />
      </section>
      {member.role === 'admin' && !enquiry.anonymisedAt && (
        <EraseForm enquiry={enquiry} unconfirmed={error === 'confirm-erasure'} />
      )}
    </div>
  );
}
