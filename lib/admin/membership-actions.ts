'use server';

import { allCoops } from 'contentlayer/generated';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { kickOutbox } from '@/lib/mail/worker';
import { approveMembership, declineMembership, startDecision } from '@/lib/membership/decision';
import type { DecisionProblem } from '@/lib/membership/text';
import { proposeDeparture } from '@/lib/proposals/departure';
import { ProposalLimitReached } from '@/lib/proposals/store';
import { kickProposals } from '@/lib/proposals/worker';
import { settings } from '@/lib/settings';
import { memberForAction } from './require-member';

const enquiryId = z.uuid();
const page = (id: string) => `/admin/enquiries/${id}`;
const refusedAt = (id: string, problem: DecisionProblem) => redirect(`${page(id)}?decision=${problem}#decision`);

/** The enquiry a decision form names: anything else is no enquiry of ours. */
function idOf(formData: FormData): string {
  const id = enquiryId.safeParse(formData.get('id'));
  if (!id.success) redirect('/admin/enquiries?error=missing');
  return id.data;
}

const loomioLink = z.url({ protocol: /^https$/, hostname: z.regexes.domain });

/** "Start the members' decision": the Loomio proposal's address, an https one. */
export async function startDecisionAction(_previous: void, formData: FormData): Promise<void> {
  const member = await memberForAction();
  const id = idOf(formData);
  const link = loomioLink.safeParse(String(formData.get('loomio') ?? '').trim());
  if (!link.success) refusedAt(id, 'loomio-link');
  else {
    const started = await startDecision(await getDb(), id, link.data, member.id);
    if (started.outcome === 'refused') refusedAt(id, started.problem);
  }
  redirect(`${page(id)}?decision=started#decision`);
}

/** "Approved": the decision and each step after it not done yet (lib/membership/decision.ts). */
export async function approveAction(_previous: void, formData: FormData): Promise<void> {
  const member = await memberForAction();
  const id = idOf(formData);
  const slug = String(formData.get('slug') ?? '').trim();
  const approved = await approveMembership(await getDb(), id, slug, member, {
    hasEntry: (candidate) => allCoops.some((coop) => coop.slug === candidate),
    dailyLimit: settings().PROPOSALS_DAILY_LIMIT,
  });
  if (approved.outcome === 'refused') refusedAt(id, approved.problem);
  kickProposals();
  kickOutbox();
  redirect(`${page(id)}?decision=approved#decision`);
}

/** "Declined": the decision, and the reply as the member wrote it, sent. */
export async function declineAction(_previous: void, formData: FormData): Promise<void> {
  const member = await memberForAction();
  const id = idOf(formData);
  const declined = await declineMembership(await getDb(), id, String(formData.get('reply') ?? ''), member.id);
  if (declined.outcome === 'refused') refusedAt(id, declined.problem);
  kickOutbox();
  redirect(`${page(id)}?decision=declined#decision`);
}

const leaving = z.object({ coop: z.string(), confirm: z.literal('left') });

/**
 * An admin's "Left the network" for a member co-op, confirmed by a tick: proposes `member: false` to the editors;
 * its people are unlinked once that is merged (lib/proposals/departure.ts).
 */
export async function leftNetworkAction(_previous: void, formData: FormData): Promise<void> {
  const admin = await memberForAction('admin');
  const parsed = leaving.safeParse(Object.fromEntries(formData));
  const coop = allCoops.find((entry) => entry.slug === formData.get('coop'));
  if (!coop) redirect('/admin/coops');
  if (!parsed.success) redirect(`/admin/coops/${coop.slug}?left=unconfirmed`);
  const proposed = await proposeDeparture(await getDb(), coop.slug, admin, {
    dailyLimit: settings().PROPOSALS_DAILY_LIMIT,
  }).catch((error: unknown) => {
    if (error instanceof ProposalLimitReached) return 'limit' as const;
    throw error;
  });
  kickProposals();
  redirect(`/admin/coops/${coop.slug}?left=${proposed}`);
}
