import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enquiryHistory, recentActivity } from '@/lib/audit';
import { readEntry } from '@/lib/cms/front-matter';
import { coopsOf } from '@/lib/coops/people';
import { closeDb, getDb } from '@/lib/db';
import { enquiries, outbox, proposals, users } from '@/lib/db/schema';
import { eraseEnquiry } from '@/lib/enquiries/erasure';
import { getEnquiry, updateEnquiry } from '@/lib/enquiries/store';
import { deliverOutbox } from '@/lib/mail/outbox';
import { createMailer } from '@/lib/mail/worker';
import { branchName } from '@/lib/proposals/change';
import { completeDepartures, proposeDeparture } from '@/lib/proposals/departure';
import { getProposal } from '@/lib/proposals/store';
import { deliverProposals } from '@/lib/proposals/worker';
import { site } from '@/lib/site';
import { resetDatabase, storeEnquiry } from '@/test/database';
import { validEnquiry } from '@/test/enquiry-data';
import { startGitServer, type GitServer } from '@/test/git-server';
import { outboxTestSettings } from '@/test/outbox-settings';
import { startSmtpSink } from '@/test/smtp-sink';
import { approveMembership, declineMembership, decisionOf, startDecision, stepsDone } from './decision';
import { triageStatuses } from './text';
import { workerSettings } from '@/test/proposal-settings';

const loomio = 'https://www.loomio.com/p/AbC123/new-co-op-joins';
const existing = new Set(['autonomic', 'agile-collective']);
const options = {
  hasEntry: (slug: string) => existing.has(slug),
  dailyLimit: 20,
  now: new Date('2026-12-06T10:00:00Z'),
};

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'cotech-membership-'));
});
beforeEach(async () => {
  await resetDatabase();
  await (await getDb()).execute(sql`truncate proposals cascade`);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await closeDb();
});

async function member(name = 'Mo Member', email = 'mo@example.coop') {
  const [row] = await (
    await getDb()
  )
    .insert(users)
    .values({ id: crypto.randomUUID(), name, email, role: 'member' })
    .returning();
  if (!row) throw new Error('not added');
  return row;
}

const settingsFor = (server: GitServer) => workerSettings(scratch, server.url);

const applicant = {
  ...validEnquiry,
  coopName: 'Brand New Co-op',
  contactName: 'Nia Newcomer',
  email: 'Nia@New.example',
};

describe('the members’ decision on a join enquiry', () => {
  it('starts on Loomio, then an approval adds the entry on a GitLab-like and a plain repository, links the applicant and welcomes them, once', async () => {
    for (const pushOptions of [true, false]) {
      await resetDatabase();
      await (await getDb()).execute(sql`truncate proposals cascade`);
      const server = await startGitServer({ coops: ['autonomic'], pushOptions });
      const sink = await startSmtpSink();
      try {
        const db = await getDb();
        const mo = await member();
        const { id } = await storeEnquiry(applicant);
        expect(await startDecision(db, id, loomio, mo.id)).toEqual({ outcome: 'started' });
        expect((await getEnquiry(db, id))?.status).toBe('in-discussion');
        expect((await decisionOf(db, id))?.loomioUrl).toBe(loomio);

        expect(await approveMembership(db, id, 'brand-new-co-op', mo, options)).toEqual({
          outcome: 'approved',
          failed: [],
        });
        // Approving again (a retry, a second member at once) repeats nothing.
        expect(await approveMembership(db, id, 'another-address', mo, options)).toEqual({
          outcome: 'approved',
          failed: [],
        });
        const decision = await decisionOf(db, id);
        expect(decision).toMatchObject({ slug: 'brand-new-co-op', lastError: null });
        expect(await db.select().from(proposals)).toHaveLength(1);
        expect(await db.select().from(outbox).where(eq(outbox.kind, 'welcome'))).toHaveLength(1);
        const [nia] = await db.select().from(users).where(eq(users.email, 'nia@new.example'));
        expect(nia).toMatchObject({ name: 'Nia Newcomer', role: 'contact' });
        expect(await coopsOf(db, nia?.id ?? '')).toEqual(['brand-new-co-op']);

        // The worker pushes the new entry as a file of its own, on a branch of the content repository.
        const proposal = await getProposal(db, decision?.proposalId ?? '');
        expect(proposal).toMatchObject({ creates: true, coop: 'brand-new-co-op', authorName: 'Mo Member' });
        expect(await deliverProposals(db, await settingsFor(server))).toBe(1);
        const pushed = await getProposal(db, proposal?.id ?? '');
        expect(pushed).toMatchObject({ status: 'pushed', mergeRequest: pushOptions });
        const branch = branchName({ id: proposal?.id ?? '', coop: 'brand-new-co-op' });
        const file = await server.git(['show', `${branch}:content/coops/brand-new-co-op.md`]);
        expect(readEntry(file)).toMatchObject({
          name: 'Brand New Co-op',
          member: true,
          website: validEnquiry.website,
          town: validEnquiry.location,
          joined: '2026-12-06',
        });
        expect((await server.git(['diff', '--name-only', 'main', branch])).trim()).toBe(
          'content/coops/brand-new-co-op.md',
        );
        if (pushOptions) {
          const [push] = await server.pushes();
          expect(push?.options).toContain('merge_request.title=Add brand-new-co-op: proposed by Mo Member');
        }
        expect(stepsDone(await decisionOf(db, id), pushed)).toEqual({ entry: true, contact: true, welcome: true });

        // The welcome: they are in, how to sign in, how to complete the entry.
        expect(await deliverOutbox(db, createMailer(sink.url), outboxTestSettings)).toBeGreaterThanOrEqual(1);
        const welcome = sink.received.find((mail) => mail.parsed.subject === 'Welcome to CoTech');
        expect(welcome?.to.map((address) => address.toLowerCase())).toEqual(['nia@new.example']);
        expect(welcome?.parsed.text).toContain('the members have approved Brand New Co-op joining the network');
        expect(welcome?.parsed.text).toContain(`${site.url}/sign-in`);
        expect(welcome?.parsed.text).toContain(`${site.url}/co-op/brand-new-co-op`);
        expect(welcome?.parsed.text).toMatch(
          /description, the services it offers, the technologies it uses and its logo/,
        );

        const history = (await enquiryHistory(db, id)).map((entry) => [entry.actorName, entry.action, entry.to]);
        expect(history.reverse()).toEqual([
          ['Mo Member', 'enquiry.status', 'in-discussion'],
          ['Mo Member', 'membership.started', loomio],
          ['Mo Member', 'enquiry.status', 'approved'],
          ['Mo Member', 'membership.approved', null],
          ['Mo Member', 'membership.entry-proposed', 'brand-new-co-op'],
          ['Mo Member', 'membership.welcomed', null],
        ]);
        const activity = (await recentActivity(db)).map((entry) => [entry.action, entry.targetName, entry.to]);
        expect(activity).toContainEqual(['coop.linked', 'Nia Newcomer', 'brand-new-co-op']);
      } finally {
        await sink.close();
        await server.close();
      }
    }
  });

  it('refuses a taken or malformed address with nothing changed, and retries only the step that failed', async () => {
    // The directory the site was built from lacks it, but the repository has it by now: the first push fails.
    const ahead = { 'content/coops/brand-new-co-op.md': '---\nname: Someone Else\nmember: true\n---\n' };
    const server = await startGitServer({ coops: ['autonomic'], files: ahead });
    try {
      const db = await getDb();
      const mo = await member();
      const { id } = await storeEnquiry(applicant);
      await startDecision(db, id, loomio, mo.id);
      expect(await approveMembership(db, id, 'autonomic', mo, options)).toEqual({
        outcome: 'refused',
        problem: 'slug-taken',
      });
      expect(await approveMembership(db, id, 'Not A Slug', mo, options)).toEqual({
        outcome: 'refused',
        problem: 'slug-format',
      });
      expect((await getEnquiry(db, id))?.status).toBe('in-discussion');
      expect(await db.select().from(proposals)).toHaveLength(0);

      expect(await approveMembership(db, id, 'brand-new-co-op', mo, options)).toMatchObject({ failed: [] });
      expect(await deliverProposals(db, await settingsFor(server))).toBe(1);
      const first = await decisionOf(db, id);
      const failed = await getProposal(db, first?.proposalId ?? '');
      expect(failed?.status).toBe('failed');
      expect(failed?.lastError).toContain('content/coops/brand-new-co-op.md is already in main');
      expect(stepsDone(first, failed)).toEqual({ entry: false, contact: true, welcome: true });

      // The retry, under another address: a new proposal; the contact and the welcome are not done again.
      expect(await approveMembership(db, id, 'brand-new-co-op-leeds', mo, options)).toMatchObject({ failed: [] });
      expect(await db.select().from(proposals)).toHaveLength(2);
      expect(await db.select().from(outbox).where(eq(outbox.kind, 'welcome'))).toHaveLength(1);
      const second = await decisionOf(db, id);
      expect(second?.slug).toBe('brand-new-co-op-leeds');
      expect(await deliverProposals(db, await settingsFor(server))).toBe(1);
      expect(stepsDone(second, await getProposal(db, second?.proposalId ?? ''))).toEqual({
        entry: true,
        contact: true,
        welcome: true,
      });
    } finally {
      await server.close();
    }
  });

  it('declines with the reply a member wrote, sent once, and erasure removes the reply', async () => {
    const sink = await startSmtpSink();
    try {
      const db = await getDb();
      const mo = await member();
      const { id } = await storeEnquiry(applicant);
      await startDecision(db, id, loomio, mo.id);
      expect(await declineMembership(db, id, '   ', mo.id)).toEqual({ outcome: 'refused', problem: 'reply-empty' });
      expect((await getEnquiry(db, id))?.status).toBe('in-discussion');
      const reply = 'Dear Nia,\n\nNot this time: we would love to see your evidence.\n\nCoTech members';
      expect(await declineMembership(db, id, reply, mo.id)).toEqual({ outcome: 'declined' });
      expect(await declineMembership(db, id, reply, mo.id)).toEqual({ outcome: 'refused', problem: 'decided' });
      expect(await approveMembership(db, id, 'brand-new-co-op', mo, options)).toEqual({
        outcome: 'refused',
        problem: 'decided',
      });
      expect(await deliverOutbox(db, createMailer(sink.url), outboxTestSettings)).toBeGreaterThanOrEqual(1);
      const sent = sink.received.filter((mail) => mail.parsed.subject === 'Your enquiry to join CoTech');
      expect(sent).toHaveLength(1);
      expect(sent[0]?.parsed.text).toContain('Not this time: we would love to see your evidence.');
      expect((await getEnquiry(db, id))?.status).toBe('declined');

      expect(await eraseEnquiry(db, id, mo.id)).toBe(true);
      expect((await decisionOf(db, id))?.reply).toBeNull();
    } finally {
      await sink.close();
    }
  });

  it('keeps approved and declined out of the triage form, which can still withdraw an undecided enquiry', async () => {
    const db = await getDb();
    const mo = await member();
    const { id } = await storeEnquiry(applicant);
    const triage = (status: 'approved' | 'withdrawn') =>
      updateEnquiry(db, id, { status, offered: triageStatuses }, mo.id);
    expect(await triage('approved')).toBe('wrong-status');
    expect((await getEnquiry(db, id))?.status).toBe('new');
    expect(await triage('withdrawn')).toBe('saved');
    expect(triageStatuses('join', ['new', 'in-discussion', 'approved', 'declined', 'withdrawn'], 'approved')).toEqual([
      'approved',
    ]);
    expect(await startDecision(db, id, loomio, mo.id)).toEqual({ outcome: 'refused', problem: 'decided' });
  });
});

describe('a co-op that left the network', () => {
  it('is proposed as member: false once, and its people are unlinked once an editor merges it', async () => {
    const db = await getDb();
    const ada = await member('Ada Admin', 'ada@example.coop');
    const [cy] = await db
      .insert(users)
      .values({ id: crypto.randomUUID(), name: 'Cy Contact', email: 'cy@example.coop', role: 'contact' })
      .returning();
    await db.execute(sql`insert into coop_people (user_id, coop) values (${cy?.id}, 'autonomic')`);
    expect(await proposeDeparture(db, 'autonomic', ada, { dailyLimit: 20 })).toBe('proposed');
    expect(await proposeDeparture(db, 'autonomic', ada, { dailyLimit: 20 })).toBe('already');
    const [proposal] = await db.select().from(proposals);
    expect(proposal).toMatchObject({ coop: 'autonomic', changes: { member: false }, creates: false });

    // Not merged yet: the people stay.
    expect(await completeDepartures(db)).toEqual([]);
    expect(await coopsOf(db, cy?.id ?? '')).toEqual(['autonomic']);
    await db
      .update(proposals)
      .set({ status: 'pushed', mergedAt: new Date() })
      .where(eq(proposals.id, proposal?.id ?? ''));
    expect(await completeDepartures(db)).toEqual(['autonomic']);
    expect(await coopsOf(db, cy?.id ?? '')).toEqual([]);
    expect(await completeDepartures(db)).toEqual([]);
    const activity = (await recentActivity(db)).map((entry) => [entry.actorName, entry.action, entry.targetName]);
    expect(activity).toContainEqual(['Ada Admin', 'coop.unlinked', 'Cy Contact']);
    expect(activity).toContainEqual(['Ada Admin', 'coop.leaving', null]);
    // Left and unlinked: it may leave again, should it rejoin.
    expect(await proposeDeparture(db, 'autonomic', ada, { dailyLimit: 20 })).toBe('proposed');
  });
});

describe('an erased enquiry', () => {
  it('takes no decision', async () => {
    const db = await getDb();
    const mo = await member();
    const { id } = await storeEnquiry(applicant);
    await db.update(enquiries).set({ anonymisedAt: new Date() }).where(eq(enquiries.id, id));
    expect(await startDecision(db, id, loomio, mo.id)).toEqual({ outcome: 'refused', problem: 'erased' });
    expect(await approveMembership(db, id, 'brand-new-co-op', mo, options)).toEqual({
      outcome: 'refused',
      problem: 'erased',
    });
  });
});
