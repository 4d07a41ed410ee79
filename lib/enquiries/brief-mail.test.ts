import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { site } from '@/lib/site';
import { resetDatabase, storeBrief } from '@/test/database';
import { startSmtpSink } from '@/test/smtp-sink';
import type { briefKind } from '@/lib/enquiry-kinds';
import type { InputOf } from '@/lib/enquiry-kinds/kind';
import { composeNotification, composeReceipt } from './mail';
import { deliverOutbox } from '@/lib/mail/outbox';
import { getEnquiry } from './store';
import { mailTestSettings, validBrief } from '@/test/enquiry-data';
import { outboxTestSettings as settings } from '@/test/outbox-settings';
import { createMailer } from '@/lib/mail/worker';

// A brief from a spammer: a victim's address, and a lure in every field they can type.
const spam = {
  ...validBrief,
  email: 'victim@example.org',
  organisation: 'Your bank: verify at https://phish.example/a',
  contactName: 'Security Team <b>http://phish.example/b</b>',
  description: 'Click https://phish.example/d <a href="https://phish.example/e">here</a>',
  technologies: ['www.phish.example/c'],
  location: 'phish.example/f',
} satisfies InputOf<typeof briefKind>;
const typed = [spam.organisation, spam.contactName, spam.description, spam.location, 'www.phish.example/c'];

beforeEach(resetDatabase);
afterAll(closeDb);

async function stored(brief: InputOf<typeof briefKind>) {
  const { id } = await storeBrief(brief);
  const enquiry = await getEnquiry(await getDb(), id);
  if (!enquiry) throw new Error('not stored');
  return enquiry;
}

describe('a brief’s mails', () => {
  it('send the client a receipt with none of the sender’s text: fixed words, the reference, what to do', async () => {
    const brief = await stored(spam);
    const mail = composeReceipt(brief);
    expect(mail.to).toBe('victim@example.org');
    expect(mail.subject).toBe(`We have received your brief to ${site.shortName}`);
    for (const part of [mail.subject, mail.text, mail.html]) {
      for (const value of typed) expect(part).not.toContain(value);
      expect(part).not.toMatch(/phish|victim|https?:|www\./i);
      expect(part.replaceAll(site.email, '')).not.toContain('@');
    }
    expect(brief.reference).toMatch(/^B-[2-9A-Z]{4}$/);
    expect(mail.text).toContain(`Its reference is ${brief.reference}.`);
    expect(mail.text).not.toContain(brief.id);
    expect(mail.html).not.toMatch(/<a\b/);
  });

  it('notify the network with every detail, escaped, service names for slugs, and a reply-to the client', async () => {
    const brief = await stored(spam);
    const mail = composeNotification(brief, mailTestSettings);
    expect(mail).toMatchObject({ to: 'members@coops.example', replyTo: 'victim@example.org' });
    expect(mail.subject).toBe(`Brief: ${spam.organisation}`);
    expect(mail.text).toContain(`Reference: ${brief.reference}\n`);
    expect(mail.text).toContain('Services: Web Design, Hosting');
    expect(mail.text).toContain('Budget: £5,000 to £20,000');
    expect(mail.text).toContain('Location: phish.example/f\nRemote is fine: Yes');
    expect(mail.text).toContain(`https://coops.example/admin/enquiries/${brief.id}`);
    expect(mail.html).toContain('Security Team &lt;b&gt;http://phish.example/b&lt;/b&gt;');
    expect(mail.html).not.toContain('<a href="https://phish.example/e">');
  });

  it('name the co-op the client named, by its name, and nothing when they named none', async () => {
    const named = await stored({ ...validBrief, coop: 'agile-collective' });
    const mail = composeNotification(named, {
      ...mailTestSettings,
      coopNames: new Map([['agile-collective', 'Agile']]),
    });
    expect(mail.text).toContain('Co-op named: Agile\n');
    expect(mail.html).toMatch(/Co-op named.*Agile/s);
    expect(composeNotification(await stored(validBrief), mailTestSettings).text).toContain('Co-op named: —\n');
  });

  it('keep the subject on one line whatever the organisation is called', async () => {
    const brief = await stored({ ...validBrief, organisation: 'Line one\r\nBcc: everyone@example.org' });
    expect(composeNotification(brief, mailTestSettings).subject).toBe('Brief: Line one Bcc: everyone@example.org');
  });

  it('go out through the outbox by SMTP', async () => {
    const sink = await startSmtpSink();
    try {
      const { reference } = await storeBrief();
      expect(await deliverOutbox(await getDb(), createMailer(sink.url), settings)).toBe(2);
      const toClient = sink.received.find((mail) => mail.to[0] === 'grace@example.org');
      const toNetwork = sink.received.find((mail) => mail.to[0] === 'members@coops.example');
      expect(toClient?.parsed.text).toContain(`Its reference is ${reference}.`);
      expect(toNetwork?.parsed.subject).toBe('Brief: Friends of the Park');
      expect(toNetwork?.parsed.replyTo?.text).toBe('grace@example.org');
    } finally {
      await sink.close();
    }
  });
});
