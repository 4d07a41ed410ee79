import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { coopPeople, enquiries, membershipDecisions, outbox, proposals, users } from '@/lib/db/schema';
import { oneLine } from '@/lib/format';
import { storeProposal, type Proposal } from '@/lib/proposals/store';
import { decisionProblems, entryChanges, slugProblem, type Applicant, type DecisionProblem } from './text';

export type Decision = typeof membershipDecisions.$inferSelect;

/** A member acting on a decision: the author of the proposal that adds the co-op's entry. */
export type Actor = { id: string; name: string; email: string };

/** The statuses from which the members' decision can be started, approved or declined. */
const undecided = ['new', 'in-discussion'];

export async function decisionOf(db: Database, enquiryId: string): Promise<Decision | undefined> {
  const [decision] = await db.select().from(membershipDecisions).where(eq(membershipDecisions.enquiryId, enquiryId));
  return decision;
}

/** An enquiry's decision, locked for this transaction: one step at a time, however many members press at once. */
async function lockedDecision(db: Database, enquiryId: string): Promise<Decision | undefined> {
  const [decision] = await db
    .select()
    .from(membershipDecisions)
    .where(eq(membershipDecisions.enquiryId, enquiryId))
    .for('update');
  return decision;
}

/** Records what a step did on the enquiry's decision, with when. */
async function saveDecision(db: Database, enquiryId: string, set: Partial<Omit<Decision, 'enquiryId'>>) {
  await db
    .update(membershipDecisions)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(membershipDecisions.enquiryId, enquiryId));
}

/** A join enquiry locked for this transaction, with what the decision's steps read of it. */
async function lockedApplicant(db: Database, enquiryId: string) {
  const [enquiry] = await db
    .select()
    .from(enquiries)
    .where(and(eq(enquiries.id, enquiryId), eq(enquiries.kind, 'join')))
    .for('update');
  return enquiry;
}

export type Refusal = { outcome: 'refused'; problem: DecisionProblem };
const refused = (problem: DecisionProblem): Refusal => ({ outcome: 'refused', problem });

/** The change of status and its audit record, when it changes. */
async function setStatus(
  db: Database,
  id: string,
  from: string,
  to: 'in-discussion' | 'approved' | 'declined',
  actorId: string,
) {
  if (from === to) return;
  await db.update(enquiries).set({ status: to, updatedAt: new Date() }).where(eq(enquiries.id, id));
  await recordAudit(db, { actorId, action: 'enquiry.status', enquiryId: id, from, to });
}

/**
 * "Start the members' decision": records the Loomio proposal the enquiry was put to (an https address, checked by
 * the caller) and moves a new enquiry to in discussion. Giving another link replaces it, with its own record.
 */
export async function startDecision(
  db: Database,
  enquiryId: string,
  loomioUrl: string,
  actorId: string,
): Promise<{ outcome: 'started' } | Refusal> {
  return db.transaction(async (tx) => {
    const enquiry = await lockedApplicant(tx, enquiryId);
    if (!enquiry) return refused('missing');
    if (enquiry.anonymisedAt) return refused('erased');
    if (!undecided.includes(enquiry.status)) return refused('decided');
    await tx
      .insert(membershipDecisions)
      .values({ enquiryId, loomioUrl })
      .onConflictDoUpdate({ target: membershipDecisions.enquiryId, set: { loomioUrl, updatedAt: new Date() } });
    await setStatus(tx, enquiryId, enquiry.status, 'in-discussion', actorId);
    await recordAudit(tx, { actorId, action: 'membership.started', enquiryId, to: loomioUrl });
    return { outcome: 'started' as const };
  });
}

/** Each step of an approval, in order, and what each says on the enquiry. */
export const approvalSteps = {
  entry: 'The co-op’s entry proposed to the editors',
  contact: 'The applicant linked as the co-op’s contact',
  welcome: 'The welcome mail sent',
} as const;
export type ApprovalStep = keyof typeof approvalSteps;

/** Whether each step is done: the entry's proposal counts once stored, unless the worker found it cannot be pushed. */
export function stepsDone(
  decision: Decision | undefined,
  proposal: Proposal | undefined,
): Record<ApprovalStep, boolean> {
  return {
    entry: Boolean(
      decision?.proposalId && proposal && proposal.status !== 'failed' && proposal.status !== 'not-accepted',
    ),
    contact: Boolean(decision?.contactId),
    welcome: Boolean(decision?.welcomedAt),
  };
}

/** Whether the entry's proposal is stored and can still be pushed (step 1 is done). */
async function entryProposed(db: Database, enquiryId: string): Promise<boolean> {
  const decision = await decisionOf(db, enquiryId);
  const [proposal] = decision?.proposalId
    ? await db.select().from(proposals).where(eq(proposals.id, decision.proposalId))
    : [];
  return stepsDone(decision, proposal).entry;
}

export type Approved = { outcome: 'approved'; failed: { step: ApprovalStep; message: string }[] } | Refusal;

export type ApprovalOptions = {
  /** Whether a co-op's file already has this slug (the directory's files, members and former members alike). */
  hasEntry: (slug: string) => boolean;
  /** `PROPOSALS_DAILY_LIMIT`: the new co-op's first proposal counts as one of its day's. */
  dailyLimit: number;
  now?: Date;
};

/**
 * "Approved": records the members' decision, then takes each step of welcoming the co-op that is not done yet, each
 * in its own transaction with its audit record, so a failed step is shown (`lastError`) and retried by approving
 * again, and none runs twice:
 *
 * 1. the proposal that adds the co-op's entry, `content/coops/SLUG.md` (lib/proposals, `creates`), under `slug`,
 *    checked free; again, with the slug given then, once the worker found the first cannot be pushed;
 * 2. the applicant as the co-op's contact: their account (a contact's, unless they have one) linked to the slug;
 * 3. their welcome mail, queued in the outbox (lib/membership/text.ts composeWelcomeMail).
 */
export async function approveMembership(
  db: Database,
  enquiryId: string,
  slug: string,
  actor: Actor,
  options: ApprovalOptions,
): Promise<Approved> {
  // A bad or taken address refuses the approval with nothing changed, while the entry is still to be proposed.
  if (!(await entryProposed(db, enquiryId))) {
    const problem = slugProblem(slug, (candidate) => options.hasEntry(candidate));
    if (problem) return refused(problem);
    const [other] = await db
      .select({ id: membershipDecisions.enquiryId })
      .from(membershipDecisions)
      .where(and(eq(membershipDecisions.slug, slug), ne(membershipDecisions.enquiryId, enquiryId)));
    if (other) return refused('slug-taken');
  }
  const decided = await db.transaction(async (tx) => {
    const enquiry = await lockedApplicant(tx, enquiryId);
    if (!enquiry) return refused('missing');
    if (enquiry.anonymisedAt) return refused('erased');
    if (enquiry.status !== 'approved' && !undecided.includes(enquiry.status)) {
      return refused('decided');
    }
    await tx.insert(membershipDecisions).values({ enquiryId }).onConflictDoNothing();
    if (enquiry.status !== 'approved') {
      await setStatus(tx, enquiryId, enquiry.status, 'approved', actor.id);
      await recordAudit(tx, { actorId: actor.id, action: 'membership.approved', enquiryId });
    }
    return { outcome: 'decided' as const, enquiry };
  });
  if (decided.outcome === 'refused') return decided;
  const { enquiry } = decided;
  const failed: { step: ApprovalStep; message: string }[] = [];
  const attempt = async (step: ApprovalStep, run: () => Promise<string | undefined>) => {
    try {
      const problem = await run();
      if (problem) failed.push({ step, message: problem });
    } catch (error) {
      failed.push({ step, message: oneLine(error instanceof Error ? error.message : String(error)) });
    }
  };
  await attempt('entry', () => proposeEntry(db, enquiry, slug, actor, options));
  await attempt('contact', () => linkContact(db, enquiry, actor.id));
  await attempt('welcome', () => queueWelcome(db, enquiry, actor.id));
  const lastError = failed.length
    ? failed.map(({ step, message }) => `${approvalSteps[step]}: ${message}`).join('; ')
    : null;
  await saveDecision(db, enquiryId, { lastError });
  return { outcome: 'approved', failed };
}

type Enquiry = typeof enquiries.$inferSelect;
const applicantOf = (enquiry: Enquiry): Applicant => enquiry;

/** Step 1: the proposal adding the entry, unless one is stored that can still be pushed. */
async function proposeEntry(db: Database, enquiry: Enquiry, slug: string, actor: Actor, options: ApprovalOptions) {
  return db.transaction(async (tx) => {
    const decision = await lockedDecision(tx, enquiry.id);
    const [earlier] = decision?.proposalId
      ? await tx.select().from(proposals).where(eq(proposals.id, decision.proposalId))
      : [];
    if (stepsDone(decision, earlier).entry) return undefined;
    const [other] = await tx
      .select({ id: membershipDecisions.enquiryId })
      .from(membershipDecisions)
      .where(and(eq(membershipDecisions.slug, slug), ne(membershipDecisions.enquiryId, enquiry.id)));
    const problem = slugProblem(slug, (candidate) => options.hasEntry(candidate) || other !== undefined);
    if (problem) return decisionProblems[problem];
    const proposal = await storeProposal(
      tx,
      {
        coop: slug,
        author: actor,
        reason: `The members approved ${enquiry.coopName ?? 'the co-op'} joining the network (join enquiry ${enquiry.reference}).`,
        changes: entryChanges(applicantOf(enquiry), options.now ?? new Date()),
        creates: true,
      },
      { dailyLimit: options.dailyLimit },
    );
    await saveDecision(tx, enquiry.id, { slug, proposalId: proposal.id });
    await recordAudit(tx, { actorId: actor.id, action: 'membership.entry-proposed', enquiryId: enquiry.id, to: slug });
    return undefined;
  });
}

/**
 * A step after the entry's proposal, in its own transaction on the locked decision: skipped once `done` says it
 * is, waiting (with why) until the entry has its address, else `run`.
 */
async function laterStep(
  db: Database,
  enquiryId: string,
  done: (decision: Decision) => boolean,
  run: (tx: Database, slug: string) => Promise<void>,
): Promise<string | undefined> {
  return db.transaction(async (tx) => {
    const decision = await lockedDecision(tx, enquiryId);
    if (!decision || done(decision)) return undefined;
    if (!decision.slug) return 'Waiting for the entry’s address: the entry is proposed first.';
    await run(tx, decision.slug);
    return undefined;
  });
}

/**
 * Step 2: the applicant's account (a contact's, made now unless their address has one) linked to the new co-op.
 * No invitation: their welcome (step 3) says what it would.
 */
const linkContact = (db: Database, enquiry: Enquiry, actorId: string) =>
  laterStep(
    db,
    enquiry.id,
    (decision) => decision.contactId !== null,
    async (tx, slug) => {
      const email = enquiry.email.toLowerCase();
      const [added] = await tx
        .insert(users)
        .values({ id: randomUUID(), name: enquiry.contactName, email, role: 'contact' })
        .onConflictDoNothing({ target: users.email })
        .returning();
      if (added) await recordAudit(tx, { actorId, action: 'account.created', targetUserId: added.id, to: 'contact' });
      const [person] = added ? [added] : await tx.select().from(users).where(eq(users.email, email));
      if (!person) throw new Error(`no account for ${email}`);
      const [linked] = await tx
        .insert(coopPeople)
        .values({ userId: person.id, coop: slug })
        .onConflictDoNothing()
        .returning();
      if (linked) await recordAudit(tx, { actorId, action: 'coop.linked', targetUserId: person.id, to: slug });
      await saveDecision(tx, enquiry.id, { contactId: person.id });
    },
  );

/** Step 3: the welcome, queued once; the outbox sends it, and tries again until the mail server takes it. */
const queueWelcome = (db: Database, enquiry: Enquiry, actorId: string) =>
  laterStep(
    db,
    enquiry.id,
    (decision) => decision.welcomedAt !== null,
    async (tx) => {
      await tx.insert(outbox).values({ kind: 'welcome', enquiryId: enquiry.id });
      await saveDecision(tx, enquiry.id, { welcomedAt: new Date() });
      await recordAudit(tx, { actorId, action: 'membership.welcomed', enquiryId: enquiry.id });
    },
  );

/**
 * "Declined": records the decision and queues the reply a member wrote (from the prepared draft), in one
 * transaction: the reply goes only when a member sends it, and once.
 */
export async function declineMembership(
  db: Database,
  enquiryId: string,
  reply: string,
  actorId: string,
): Promise<{ outcome: 'declined' } | Refusal> {
  const text = reply.replace(/\r\n?/g, '\n').trim();
  if (text === '') return refused('reply-empty');
  return db.transaction(async (tx) => {
    const enquiry = await lockedApplicant(tx, enquiryId);
    if (!enquiry) return refused('missing');
    if (enquiry.anonymisedAt) return refused('erased');
    if (!undecided.includes(enquiry.status)) return refused('decided');
    await tx
      .insert(membershipDecisions)
      .values({ enquiryId, reply: text, repliedAt: new Date() })
      .onConflictDoUpdate({
        target: membershipDecisions.enquiryId,
        set: { reply: text, repliedAt: new Date(), updatedAt: new Date() },
      });
    await tx.insert(outbox).values({ kind: 'decline', enquiryId });
    await setStatus(tx, enquiryId, enquiry.status, 'declined', actorId);
    await recordAudit(tx, { actorId, action: 'membership.declined', enquiryId });
    return { outcome: 'declined' as const };
  });
}
