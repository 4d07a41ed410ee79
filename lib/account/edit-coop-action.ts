'use server';

import { redirect } from 'next/navigation';
import { linkedPersonForAction } from '@/lib/account/require-person';
import { getDb } from '@/lib/db';
import { directory } from '@/lib/coops';
import { recordConfirmation } from '@/lib/coops/confirmations';
import { isWaiting, withWaiting } from '@/lib/proposals/pending';
import { listProposals, ProposalLimitReached, storeProposal, type NewProposal } from '@/lib/proposals/store';
import { kickProposals } from '@/lib/proposals/worker';
import { checkProposal, confirmedWith, entryValues, type EntryFormState } from '@/lib/proposals/form';
import { settings } from '@/lib/settings';

/** The directory's lists an entry's services and technologies are chosen from. */
const choices = {
  services: directory.services.map((service) => service.slug),
  technologies: directory.technologies.map((technology) => technology.slug),
};

/**
 * "Still correct", at the top of /account/coops/[slug]: the site records who said so and when (lib/coops/
 * confirmations.ts), and the co-op's page says so at once. No merge request: the date reaches the entry with the
 * co-op's next proposal, or with the monthly batch of confirmations. Once a day is enough.
 */
export async function confirmEntryAction(coop: string): Promise<void> {
  const person = await linkedPersonForAction(coop);
  if (!directory.getCoop(coop)) throw new Error('No such co-op');
  const recorded = await recordConfirmation(await getDb(), coop, person);
  redirect(`/account/coops/${encodeURIComponent(coop)}?confirmed=${recorded === 'recorded' ? '1' : 'already'}`);
}

/**
 * The edit form of /account/coops/[slug], bound to its co-op. "Preview" answers with the form and the page as it
 * would look; "Send" stores the proposal (only what changed from the entry, and today's `confirmed:` date), wakes the
 * Git worker and shows the co-op's page with the change waiting: the push happens after the answer. The form starts
 * from the entry with the changes still waiting for an editor on top (lib/proposals/pending.ts), so a second change
 * carries the first. Bad input answers with field errors and stores nothing, and so does a co-op that has sent its
 * `PROPOSALS_DAILY_LIMIT` proposals today (with the form as it was sent).
 */
export async function proposeEntryAction(
  coop: string,
  _previous: EntryFormState,
  form: FormData,
): Promise<EntryFormState> {
  const person = await linkedPersonForAction(coop);
  const entry = directory.getCoop(coop);
  if (!entry) throw new Error('No such co-op');
  const author = { id: person.id, name: person.name, email: person.email };
  const current = entryValues(entry);
  const waiting = (await listProposals(await getDb(), [coop])).filter(isWaiting);
  const checked = await checkProposal(form, coop, current, choices, withWaiting(current, waiting));
  if (!checked.ok) {
    return { values: checked.values, reason: checked.reason, errors: checked.errors, logo: checked.logo };
  }
  if (form.get('intent') !== 'send') {
    return { values: checked.values, reason: checked.reason, preview: true, logo: checked.logo };
  }
  const limited = await store({
    coop,
    author,
    reason: checked.reason,
    changes: confirmedWith(checked.changes),
    logo: checked.logo && { name: checked.logo.name, data: Buffer.from(checked.logo.data, 'base64') },
  });
  if (limited) return { values: checked.values, reason: checked.reason, errors: { form: limited }, logo: checked.logo };
  redirect(`/account/coops/${encodeURIComponent(coop)}?sent=1`);
}

/** Stores a proposal within the day's limit and wakes the worker; over the limit, the message for the form. */
async function store(proposal: NewProposal): Promise<string | undefined> {
  try {
    await storeProposal(await getDb(), proposal, { dailyLimit: settings().PROPOSALS_DAILY_LIMIT });
  } catch (error) {
    if (error instanceof ProposalLimitReached) return error.message;
    throw error;
  }
  kickProposals();
  return undefined;
}
