import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { recentActivity } from '@/lib/audit';
import { coopsOf, linkCoop } from '@/lib/coops/people';
import { closeDb, getDb } from '@/lib/db';
import { outbox } from '@/lib/db/schema';
import { deliverOutbox } from '@/lib/mail/outbox';
import { createMailer } from '@/lib/mail/worker';
import { site } from '@/lib/site';
import { resetDatabase } from '@/test/database';
import { outboxTestSettings } from '@/test/outbox-settings';
import { startSmtpSink } from '@/test/smtp-sink';
import { addPerson, newPerson, reinvite, setDisabled } from './accounts';

beforeEach(resetDatabase);
afterAll(closeDb);

async function admin() {
  const ada = await addPerson(await getDb(), { name: 'Ada', email: 'ada@example.coop', role: 'admin' }, null);
  if (!ada) throw new Error('not added');
  return ada;
}

const invitations = async () =>
  (await (await getDb()).select().from(outbox).where(eq(outbox.kind, 'invitation'))).map((row) => row.userId);

describe('the role of a person added', () => {
  it('is contact when a co-op is chosen and no role, member with neither, and the role chosen otherwise', () => {
    const person = { name: 'Cy', email: 'cy@example.coop' };
    expect(newPerson.parse({ ...person, role: '', coop: 'agile-collective' })).toEqual({
      ...person,
      role: 'contact',
      coop: 'agile-collective',
    });
    expect(newPerson.parse({ ...person, role: '', coop: '' })).toEqual({ ...person, role: 'member' });
    expect(newPerson.parse({ ...person, role: 'admin', coop: 'agile-collective' })).toMatchObject({ role: 'admin' });
  });
});

describe('invitations', () => {
  it('mails a person added with a co-op what they can do there and how to sign in, linked in the same step', async () => {
    const sink = await startSmtpSink();
    try {
      const db = await getDb();
      const ada = await admin();
      const cy = await addPerson(
        db,
        newPerson.parse({ name: 'Cy <b>Contact</b>', email: 'cy@example.coop', coop: 'agile-collective' }),
        ada.id,
        { invite: true },
      );
      if (!cy) throw new Error('not added');
      expect(cy.role).toBe('contact');
      expect(await coopsOf(db, cy.id)).toEqual(['agile-collective']);
      expect(await deliverOutbox(db, createMailer(sink.url), outboxTestSettings)).toBe(1);
      const [mail] = sink.received;
      expect(mail?.to).toEqual(['cy@example.coop']);
      expect(mail?.parsed.subject).toBe('You can now sign in to the CoTech website');
      expect(mail?.parsed.text).toContain('You can keep the entry of Agile Collective in the CoTech directory current');
      expect(mail?.parsed.text).toContain(`${site.url}/sign-in`);
      expect(mail?.parsed.text).toContain('give this address, cy@example.coop');
      expect(mail?.parsed.html).toContain('Cy &lt;b&gt;Contact&lt;/b&gt;');
      const activity = (await recentActivity(db)).map((entry) => [entry.actorName, entry.action, entry.targetName]);
      expect(activity).toContainEqual(['Ada', 'account.invited', 'Cy <b>Contact</b>']);
      expect(activity).toContainEqual(['Ada', 'coop.linked', 'Cy <b>Contact</b>']);
    } finally {
      await sink.close();
    }
  });

  it('tells a member what members do, sends again on request, and not to someone disabled', async () => {
    const sink = await startSmtpSink();
    try {
      const db = await getDb();
      const ada = await admin();
      const mo = await addPerson(db, { name: 'Mo', email: 'mo@example.coop', role: 'member' }, ada.id, {
        invite: true,
      });
      if (!mo) throw new Error('not added');
      expect(await reinvite(db, mo.id, ada.id)).toBe(true);
      expect(await deliverOutbox(db, createMailer(sink.url), outboxTestSettings)).toBe(2);
      expect(sink.received.map((mail) => mail.to)).toEqual([['mo@example.coop'], ['mo@example.coop']]);
      expect(sink.received[0]?.parsed.text).toContain('You can triage the join enquiries and client briefs');

      expect(await reinvite(db, mo.id, ada.id)).toBe(true);
      expect(await setDisabled(db, mo.id, true, ada.id)).toBe(true);
      expect(await invitations()).toEqual([mo.id, mo.id]);
      expect(await deliverOutbox(db, createMailer(sink.url), outboxTestSettings)).toBe(0);
      expect(await reinvite(db, mo.id, ada.id)).toBe(false);
    } finally {
      await sink.close();
    }
  });

  it('invites a contact linked to a co-op, not a member or admin linked to one', async () => {
    const db = await getDb();
    const ada = await admin();
    const cy = await addPerson(db, { name: 'Cy', email: 'cy@example.coop', role: 'contact' }, ada.id);
    if (!cy) throw new Error('not added');
    expect(await invitations()).toEqual([]);
    expect(await linkCoop(db, cy.id, 'agile-collective', ada.id)).toBe(true);
    expect(await linkCoop(db, ada.id, 'agile-collective', ada.id)).toBe(true);
    expect(await linkCoop(db, cy.id, 'agile-collective', ada.id)).toBe(false);
    expect(await invitations()).toEqual([cy.id]);
  });
});
