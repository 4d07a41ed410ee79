'use server';

import { redirect } from 'next/navigation';
import { linkedPersonForAction } from '@/lib/account/require-person';
import { getDb } from '@/lib/db';
import { directory } from '@/lib/coops';
import { confirmationProposed, ProposalLimitReached, storeProposal, type NewProposal } from '@/lib/proposals/store';
import { kickProposals } from '@/lib/proposals/worker';
import { checkProposal, confirmedWith, entryValues, today, type EntryFormState } from '@/lib/proposals/form';
import { settings } from '@/lib/settings';

/** The directory's lists an entry's services and technologies are chosen from. */
const choices = {
  services: directory.services.map((service) => service.slug),
  technologies: directory.technologies.map((technology) => technology.slug),
};

/**
 * The edit form of /account/coops/[slug], bound to its co-op. "Preview" answers with the form and the page as it
 * would look; "Send" stores the proposal (only what changed, and today's `confirmed:` date), wakes the Git worker
 * and shows the account page with the proposal queued: the push happens after the answer. "Still correct" proposes
 * only today's `confirmed:` date, unless the entry or a proposal not failed already says today (the account page then
 * says so, and nothing is stored). Bad input answers with field errors and stores nothing, and so does a co-op that
 * has sent its `PROPOSALS_DAILY_LIMIT` proposals today (with the form as it was sent).
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
  if (form.get('intent') === 'confirm') {
    const db = await getDb();
    const now = new Date();
    const day = today(now);
    if (entry.confirmed?.startsWith(day) || (await confirmationProposed(db, coop, day))) {
      redirect('/account?confirmed=today');
    }
    const limited = await store({ coop, author, reason: 'Still correct.', changes: confirmedWith({}, now) });
    if (limited) return { errors: { form: limited } };
    redirect('/account?sent=1');
  }
  const checked = await checkProposal(form, coop, entryValues(entry), choices);
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
  redirect('/account?sent=1');
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
