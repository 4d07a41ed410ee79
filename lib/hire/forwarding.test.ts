import { allCoops } from 'contentlayer/generated';
import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { enquiryHistory, forwardingsOf } from '@/lib/audit';
import { addPerson, setDisabled } from '@/lib/auth/accounts';
import { linkCoop, unlinkCoop } from '@/lib/coops/people';
import { site } from '@/lib/site';
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
import { forwardBrief, forwardTargets, recipientsOf, type Recipient } from './forwarding';
import { suggestFor } from './suggest';

beforeEach(resetDatabase);
afterAll(closeDb);

// The co-ops of the test settings: one with an address of its own, one without.
const coops = mailTestSettings.coops;

/** Every current member as a recipient through its entry, for the order of the targets alone. */
const everyone: Map<string, Recipient> = new Map(
  allCoops
    .filter((coop) => coop.member)
    .map((coop) => [coop.slug, { slug: coop.slug, name: coop.name, addresses: ['x@example.coop'], via: 'entry' }]),
);

/** A person linked to `coop` as one of its contacts. */
async function contact(coop: string, email: string) {
  const db = await getDb();
  const person = await addPerson(db, { name: email.split('@')[0] ?? email, email, role: 'contact' }, null);
  if (!person) throw new Error('not added');
  await linkCoop(db, person.id, coop, person.id);
  return person;
}

async function member() {
  const person = await addPerson(await getDb(), { name: 'Mo Member', email: 'mo@example.coop', role: 'admin' }, null);
  if (!person) throw new Error('not added');
  return person;
}

describe('forwarding a brief', () => {
  it('queues one mail per co-op and records who forwarded it to which co-op, moving a new brief to forwarded', async () => {
    const db = await getDb();
    const mo = await member();
    await contact('without-address', 'cy@no-address.example');
    const { id } = await storeBrief();
    expect(
      await forwardBrief(db, id, ['with-address', 'without-address', 'with-address'], mo.id, { contacts: coops }),
    ).toEqual({
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
    expect(await updateEnquiry(db, id, { status: 'in-conversation' }, mo.id)).toBe('saved');
    await forwardBrief(db, id, ['with-address'], mo.id, { contacts: coops });
    expect((await getEnquiry(db, id))?.status).toBe('in-conversation');
    expect((await enquiryHistory(db, id))[0]).toMatchObject({ action: 'lead.forwarded', to: 'with-address' });
  });

  it('refuses an erased brief, a join enquiry, no co-ops, co-ops that are not current members and co-ops with no address, changing nothing', async () => {
    const db = await getDb();
    const mo = await member();
    const { id } = await storeBrief();
    const { id: join } = await storeEnquiry();
    const options = { contacts: coops };
    expect(await forwardBrief(db, id, [], mo.id, options)).toEqual({ outcome: 'no-coops' });
    expect(await forwardBrief(db, id, ['with-address', 'gone'], mo.id, options)).toEqual({
      outcome: 'unknown-coops',
      slugs: ['gone'],
    });
    // No address in its entry and nobody linked to it (a disabled contact is nobody): never the network's inbox.
    const cy = await contact('without-address', 'cy@no-address.example');
    expect(await setDisabled(db, cy.id, true, mo.id)).toBe(true);
    expect(await forwardBrief(db, id, ['with-address', 'without-address'], mo.id, options)).toEqual({
      outcome: 'no-address',
      slugs: ['without-address'],
    });
    expect(await forwardBrief(db, join, ['with-address'], mo.id, options)).toEqual({ outcome: 'missing' });
    expect(await eraseEnquiry(db, id, mo.id)).toBe(true);
    expect(await forwardBrief(db, id, ['with-address'], mo.id, options)).toEqual({ outcome: 'erased' });
    expect(await db.select().from(outbox).where(eq(outbox.kind, 'forward'))).toEqual([]);
    expect((await enquiryHistory(db, id)).map((entry) => entry.action)).toEqual(['enquiry.erased']);
  });

  it('asks before forwarding again to a co-op that had the brief, and sends it again once told to', async () => {
    const db = await getDb();
    const mo = await member();
    await contact('without-address', 'cy@no-address.example');
    const { id } = await storeBrief();
    await forwardBrief(db, id, ['with-address'], mo.id, { contacts: coops });
    expect(await forwardBrief(db, id, ['without-address', 'with-address'], mo.id, { contacts: coops })).toEqual({
      outcome: 'again',
      slugs: ['with-address'],
    });
    expect(await db.select().from(outbox).where(eq(outbox.kind, 'forward'))).toHaveLength(1);
    expect(
      await forwardBrief(db, id, ['without-address', 'with-address'], mo.id, { contacts: coops, again: true }),
    ).toEqual({ outcome: 'forwarded', coops: ['without-address', 'with-address'] });
    const forwardings = (await forwardingsOf(db, [id])).get(id) ?? [];
    expect(forwardings.map(({ coop, byName }) => [coop, byName])).toEqual([
      ['with-address', 'Mo Member'],
      ['without-address', 'Mo Member'],
      ['with-address', 'Mo Member'],
    ]);
  });

  it('mails each co-op the brief by SMTP, with a reply-to the client: at its own address, or else its linked contacts’, never the network’s', async () => {
    const sink = await startSmtpSink();
    try {
      const db = await getDb();
      const mo = await member();
      await contact('without-address', 'cy@no-address.example');
      await contact('without-address', 'di@no-address.example');
      const { id } = await storeBrief({ ...validBrief, contactName: '<b>Grace</b> Hopper' });
      await db.delete(outbox);
      await forwardBrief(db, id, ['with-address', 'without-address'], mo.id, { contacts: coops });
      expect(await deliverOutbox(db, createMailer(sink.url), settings)).toBe(2);
      const own = sink.received.find((mail) => mail.to[0] === 'work@with-address.example');
      const contacts = sink.received.find((mail) => mail.to.includes('cy@no-address.example'));
      expect(sink.received).toHaveLength(2);
      expect(sink.received.flatMap((mail) => mail.to)).not.toContain(site.email);
      expect(own?.parsed.subject).toBe('Brief from CoTech: Friends of the Park');
      expect(own?.parsed.replyTo?.text).toBe('grace@example.org');
      expect(own?.parsed.text).toContain("have passed this client's brief to Has An Address.");
      expect(own?.parsed.text).toContain('What they need: A new website for our volunteers, with an events calendar.');
      expect(own?.parsed.text).toContain('Services: Web Design, Hosting');
      expect(own?.parsed.html).toContain('&lt;b&gt;Grace&lt;/b&gt; Hopper');
      expect(own?.parsed.html).not.toContain('<b>Grace</b>');
      expect(contacts?.to.sort()).toEqual(['cy@no-address.example', 'di@no-address.example']);
      expect(contacts?.parsed.subject).toBe('Brief from CoTech: Friends of the Park');
      expect(contacts?.parsed.replyTo?.text).toBe('grace@example.org');
      expect(contacts?.parsed.text).toContain("have passed this client's brief to No Address Co-op.");
    } finally {
      await sink.close();
    }
  });

  it('keeps a brief whose co-op lost its contacts before it was sent, and sends it once someone is linked again', async () => {
    const sink = await startSmtpSink();
    try {
      const db = await getDb();
      const mo = await member();
      const cy = await contact('without-address', 'cy@no-address.example');
      const { id } = await storeBrief();
      await db.delete(outbox);
      await forwardBrief(db, id, ['without-address'], mo.id, { contacts: coops });
      expect(await unlinkCoop(db, cy.id, 'without-address', mo.id)).toBe(true);
      expect(await deliverOutbox(db, createMailer(sink.url), settings)).toBe(0);
      const [waiting] = await db.select().from(outbox).where(eq(outbox.kind, 'forward'));
      expect(waiting?.sentAt).toBeNull();
      expect(waiting?.lastError).toMatch(/^No Address Co-op has no address yet/);
      expect(sink.received).toEqual([]);

      expect(await linkCoop(db, cy.id, 'without-address', mo.id)).toBe(true);
      await db.update(outbox).set({ nextAttemptAt: new Date(0) });
      // Linked again, the contact is also sent an invitation (lib/coops/people.ts).
      expect(await deliverOutbox(db, createMailer(sink.url), settings)).toBe(2);
      const briefs = sink.received.filter((mail) => mail.parsed.subject?.startsWith('Brief from'));
      expect(briefs.map((mail) => mail.to)).toEqual([['cy@no-address.example']]);
    } finally {
      await sink.close();
    }
  });
});

describe('recipientsOf', () => {
  it('gives each co-op its entry’s address, else its active contacts’, else none', async () => {
    const db = await getDb();
    const mo = await member();
    await contact('with-address', 'someone@with-address.example');
    expect([...(await recipientsOf(db, ['with-address', 'without-address', 'gone'], coops)).values()]).toEqual([
      {
        slug: 'with-address',
        name: 'Has An Address',
        email: 'work@with-address.example',
        addresses: ['work@with-address.example'],
        via: 'entry',
      },
      { slug: 'without-address', name: 'No Address Co-op', addresses: [], via: 'none' },
    ]);
    const cy = await contact('without-address', 'cy@no-address.example');
    expect((await recipientsOf(db, ['without-address'], coops)).get('without-address')).toMatchObject({
      addresses: ['cy@no-address.example'],
      via: 'contacts',
    });
    await setDisabled(db, cy.id, true, mo.id);
    expect((await recipientsOf(db, ['without-address'], coops)).get('without-address')?.via).toBe('none');
  });
});

describe('forwardTargets', () => {
  it('offers the suggested co-ops first, best first, then every other current member, and no former member', () => {
    const brief = { services: ['hosting'], technologies: [], location: null, remote: true };
    const targets = forwardTargets(brief, everyone);
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
    const targets = forwardTargets({ ...brief, coop: matched }, everyone);
    expect(targets[0]?.slug).toBe(matched);
    expect(targets[0]?.suggestion).toBe('named by the client; offers Hosting');
    expect(targets.filter((t) => t.slug === matched)).toHaveLength(1);
    expect(targets.slice(1, hosting.length).map((t) => t.slug)).toEqual(hosting.filter((slug) => slug !== matched));
    expect(targets).toHaveLength(members.length);
  });

  it('suggests the named co-op first for being named alone, and a brief without one as before', () => {
    const unmatched = members.find((coop) => !hosting.includes(coop.slug));
    if (!unmatched) throw new Error('every member offers hosting');
    const targets = forwardTargets({ ...brief, coop: unmatched.slug }, everyone);
    expect(targets[0]).toMatchObject({ slug: unmatched.slug, name: unmatched.name, suggestion: 'named by the client' });
    expect(targets.slice(1, hosting.length + 1).map((t) => t.slug)).toEqual(hosting);
    expect(targets.filter((t) => t.slug === unmatched.slug)).toHaveLength(1);
    expect(forwardTargets({ ...brief, coop: null }, everyone)).toEqual(forwardTargets(brief, everyone));
  });

  it('names a stored brief’s co-op first', async () => {
    const { id } = await storeBrief({ ...validBrief, services: ['hosting'], coop: hosting.at(-1) });
    const stored = await getEnquiry(await getDb(), id);
    if (!stored) throw new Error('not stored');
    expect(forwardTargets(stored, everyone)[0]?.slug).toBe(hosting.at(-1));
    expect(forwardTargets(stored, everyone)[0]?.suggestion).toMatch(/^named by the client; offers Hosting/);
  });
});

function byTo(a: { action: string; to: string | null }, b: { action: string; to: string | null }) {
  return `${a.action}${a.to}`.localeCompare(`${b.action}${b.to}`);
}
