import { allCoops } from 'contentlayer/generated';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { enquiryHistory } from '@/lib/audit';
import { addPerson } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { outbox } from '@/lib/db/schema';
import { eraseEnquiry } from '@/lib/enquiries/erasure';
import { deliverOutbox } from '@/lib/mail/outbox';
import { getEnquiry, updateEnquiry } from '@/lib/enquiries/store';
import { mailTestSettings, validBrief } from '@/test/enquiry-data';
import { outboxTestSettings as settings } from '@/test/outbox-settings';
import { createMailer } from '@/lib/mail/worker';
import { resetDatabase, storeBrief, storeEnquiry } from '@/test/database';
import { startSmtpSink } from '@/test/smtp-sink';
import { forwardBrief, forwardTargets } from './forwarding';
import { suggestFor } from './suggest';

beforeEach(resetDatabase);
afterAll(closeDb);

// The co-ops of the test settings: one with an address of its own, one without.
const coops = mailTestSettings.coops;

async function member() {
  const person = await addPerson(await getDb(), { name: 'Mo Member', email: 'mo@example.coop', role: 'admin' }, null);
  if (!person) throw new Error('not added');
  return person;
}

describe('forwarding a brief', () => {
  it('queues one mail per co-op and records who forwarded it to which co-op, moving a new brief to forwarded', async () => {
    const db = await getDb();
    const mo = await member();
    const { id } = await storeBrief();
    expect(await forwardBrief(db, id, ['with-address', 'without-address', 'with-address'], mo.id, coops)).toEqual({
      outcome: 'forwarded',
      coops: ['with-address', 'without-address'],
    });
    const rows = await db.select().from(outbox).where(eq(outbox.kind, 'forward'));
    expect(rows.map((row) => [row.enquiryId, row.coopSlug]).sort()).toEqual([
      [id, 'with-address'],
      [id, 'without-address'],
    ]);
    expect((await getEnquiry(db, id))?.status).toBe('forwarded');
    const history = await enquiryHistory(db, id);
    expect(history.map(({ action, actorName, from, to }) => ({ action, actorName, from, to })).sort(byTo)).toEqual([
      { action: 'enquiry.status', actorName: 'Mo Member', from: 'new', to: 'forwarded' },
      { action: 'lead.forwarded', actorName: 'Mo Member', from: null, to: 'with-address' },
      { action: 'lead.forwarded', actorName: 'Mo Member', from: null, to: 'without-address' },
    ]);
  });

  it('keeps the status of a brief that is further along, and records the forwarding', async () => {
    const db = await getDb();
    const mo = await member();
    const { id } = await storeBrief();
    expect(await updateEnquiry(db, id, { status: 'in-conversation', note: '' }, mo.id)).toBe('saved');
    await forwardBrief(db, id, ['without-address'], mo.id, coops);
    expect((await getEnquiry(db, id))?.status).toBe('in-conversation');
    expect((await enquiryHistory(db, id))[0]).toMatchObject({ action: 'lead.forwarded', to: 'without-address' });
  });

  it('refuses an erased brief, a join enquiry, no co-ops and co-ops that are not current members, changing nothing', async () => {
    const db = await getDb();
    const mo = await member();
    const { id } = await storeBrief();
    const { id: join } = await storeEnquiry();
    expect(await forwardBrief(db, id, [], mo.id, coops)).toEqual({ outcome: 'no-coops' });
    expect(await forwardBrief(db, id, ['with-address', 'gone'], mo.id, coops)).toEqual({
      outcome: 'unknown-coops',
      slugs: ['gone'],
    });
    expect(await forwardBrief(db, join, ['with-address'], mo.id, coops)).toEqual({ outcome: 'missing' });
    expect(await eraseEnquiry(db, id, mo.id)).toBe(true);
    expect(await forwardBrief(db, id, ['with-address'], mo.id, coops)).toEqual({ outcome: 'erased' });
    expect(await db.select().from(outbox).where(eq(outbox.kind, 'forward'))).toEqual([]);
    expect((await enquiryHistory(db, id)).map((entry) => entry.action)).toEqual(['enquiry.erased']);
  });

  it('mails each co-op the brief by SMTP, with a reply-to the client, through the fallback address for one without its own', async () => {
    const sink = await startSmtpSink();
    try {
      const db = await getDb();
      const mo = await member();
      const { id } = await storeBrief({ ...validBrief, contactName: '<b>Grace</b> Hopper' });
      await db.delete(outbox);
      await forwardBrief(db, id, ['with-address', 'without-address'], mo.id, coops);
      expect(await deliverOutbox(db, createMailer(sink.url), settings)).toBe(2);
      const own = sink.received.find((mail) => mail.to[0] === 'work@with-address.example');
      const fallback = sink.received.find((mail) => mail.to[0] === 'leads@coops.example');
      expect(sink.received).toHaveLength(2);
      expect(own?.parsed.subject).toBe('Brief from CoTech: Friends of the Park');
      expect(own?.parsed.replyTo?.text).toBe('grace@example.org');
      expect(own?.parsed.text).toContain("have passed this client's brief to Has An Address.");
      expect(own?.parsed.text).toContain('What they need: A new website for our volunteers, with an events calendar.');
      expect(own?.parsed.text).toContain('Services: Web Design, Hosting');
      expect(own?.parsed.html).toContain('&lt;b&gt;Grace&lt;/b&gt; Hopper');
      expect(own?.parsed.html).not.toContain('<b>Grace</b>');
      expect(fallback?.parsed.subject).toBe('Brief for No Address Co-op: Friends of the Park');
      expect(fallback?.parsed.replyTo?.text).toBe('grace@example.org');
      expect(fallback?.parsed.text).toContain('No Address Co-op has no address of its own in the directory');
    } finally {
      await sink.close();
    }
  });
});

describe('forwardTargets', () => {
  it('offers the suggested co-ops first, best first, then every other current member, and no former member', () => {
    const brief = { services: ['hosting'], technologies: [], location: null, remote: true };
    const targets = forwardTargets(brief);
    const suggested = suggestFor(brief).map((s) => s.slug);
    expect(targets.slice(0, suggested.length).map((t) => t.slug)).toEqual(suggested);
    expect(targets.slice(suggested.length).every((t) => t.suggestion === undefined)).toBe(true);
    const members = allCoops.filter((coop) => coop.member).map((coop) => coop.slug);
    expect(targets.map((t) => t.slug).sort()).toEqual(members.sort());
  });
});

describe('forwardTargets for a brief that names a co-op', () => {
  const brief = { services: ['hosting'], technologies: [], location: null, remote: true };
  const members = allCoops.filter((coop) => coop.member);
  const hosting = suggestFor(brief).map((s) => s.slug);

  it('puts the named co-op first, merged with its match when it matches too', () => {
    const matched = hosting.at(-1);
    if (!matched) throw new Error('no member offers hosting');
    const targets = forwardTargets({ ...brief, coop: matched });
    expect(targets[0]?.slug).toBe(matched);
    expect(targets[0]?.suggestion).toBe('named by the client; offers Hosting');
    expect(targets.filter((t) => t.slug === matched)).toHaveLength(1);
    expect(targets.slice(1, hosting.length).map((t) => t.slug)).toEqual(hosting.filter((slug) => slug !== matched));
    expect(targets).toHaveLength(members.length);
  });

  it('suggests the named co-op first for being named alone, and a brief without one as before', () => {
    const unmatched = members.find((coop) => !hosting.includes(coop.slug));
    if (!unmatched) throw new Error('every member offers hosting');
    const targets = forwardTargets({ ...brief, coop: unmatched.slug });
    expect(targets[0]).toMatchObject({ slug: unmatched.slug, name: unmatched.name, suggestion: 'named by the client' });
    expect(targets.slice(1, hosting.length + 1).map((t) => t.slug)).toEqual(hosting);
    expect(targets.filter((t) => t.slug === unmatched.slug)).toHaveLength(1);
    expect(forwardTargets({ ...brief, coop: null })).toEqual(forwardTargets(brief));
  });

  it('names a stored brief’s co-op first', async () => {
    const { id } = await storeBrief({ ...validBrief, services: ['hosting'], coop: hosting.at(-1) });
    const stored = await getEnquiry(await getDb(), id);
    if (!stored) throw new Error('not stored');
    expect(forwardTargets(stored)[0]?.slug).toBe(hosting.at(-1));
    expect(forwardTargets(stored)[0]?.suggestion).toMatch(/^named by the client; offers Hosting/);
  });
});

function byTo(a: { action: string; to: string | null }, b: { action: string; to: string | null }) {
  return `${a.action}${a.to}`.localeCompare(`${b.action}${b.to}`);
}
