import { count, eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db';
import { outbox, rateLimits } from '@/lib/db/schema';
import { site } from '@/lib/site';
import { resetDatabase, storeEnquiry } from '@/test/database';
import { startSmtpSink } from '@/test/smtp-sink';
import { composeReceipt } from './mail';
import { deliverOutbox } from '@/lib/mail/outbox';
import type { joinKind } from '@/lib/enquiry-kinds';
import type { ValuesOf } from '@/lib/enquiry-kinds/kind';
import { getEnquiry } from './store';
import { parseSettings } from '@/lib/settings';
import { validEnquiry } from '@/test/enquiry-data';
import { outboxTestSettings as settings } from '@/test/outbox-settings';
import { createMailer } from '@/lib/mail/worker';

// What a spammer would send: a victim's address, and a link or a lure in every field they can type.
const spam: ValuesOf<typeof joinKind> = {
  ...validEnquiry,
  email: 'victim@example.org',
  coopName: 'Your bank: verify at https://phish.example/a',
  contactName: 'Security Team http://phish.example/b',
  location: 'www.phish.example/c',
  description: 'Your account is locked. Click https://phish.example/d <a href="https://phish.example/e">here</a>',
  website: 'https://phish.example/f',
  evidenceUrl: 'https://phish.example/g',
};
const typed = [spam.coopName, spam.contactName, spam.location, spam.description, spam.website, spam.evidenceUrl];

beforeEach(resetDatabase);
afterAll(closeDb);

describe('the receipt to the applicant', () => {
  it('carries none of the sender’s text or links: only fixed words, the reference and what to do', async () => {
    const { id, reference } = await storeEnquiry(spam);
    const enquiry = await getEnquiry(await getDb(), id);
    if (!enquiry) throw new Error('not stored');
    const mail = composeReceipt(enquiry);
    expect(reference).toMatch(/^J-[2-9A-Z]{4}$/);
    expect(mail.to).toBe('victim@example.org');
    expect(mail.replyTo).toBeUndefined();
    for (const part of [mail.subject, mail.text, mail.html]) {
      for (const value of typed) expect(part).not.toContain(value);
      expect(part).not.toMatch(/phish|victim|https?:|www\./i);
      expect(part.replaceAll(site.email, ''), 'no address but the network’s own').not.toContain('@');
    }
    expect(mail.text).toContain(`Its reference is ${reference}.`);
    expect(mail.html).toContain(`Its reference is ${reference}.`);
    // The database id stays internal: the admin's addresses use it, people never see it.
    expect(`${mail.text}${mail.html}`).not.toContain(id);
    expect(mail.text).toContain('If you did not send it');
    expect(mail.html).not.toMatch(/<a\b/);
  });

  it('is the same for every enquiry but for its reference', async () => {
    const db = await getDb();
    const [a, b] = await Promise.all([storeEnquiry(spam), storeEnquiry(validEnquiry)]);
    const [first, second] = await Promise.all([getEnquiry(db, a.id), getEnquiry(db, b.id)]);
    if (!first || !second) throw new Error('not stored');
    const one = composeReceipt(first);
    const other = composeReceipt(second);
    expect(one.subject).toBe(other.subject);
    expect(first.reference).not.toBe(second.reference);
    expect(one.text.replace(first.reference, '')).toBe(other.text.replace(second.reference, ''));
    expect(one.html.replace(first.reference, '')).toBe(other.html.replace(second.reference, ''));
  });

  it('goes out by SMTP that way, while the notification to the network keeps every detail', async () => {
    const sink = await startSmtpSink();
    try {
      const { reference } = await storeEnquiry(spam);
      expect(await deliverOutbox(await getDb(), createMailer(sink.url), settings)).toBe(2);
      const toApplicant = sink.received.find((mail) => mail.to[0] === 'victim@example.org');
      const toNetwork = sink.received.find((mail) => mail.to[0] === 'members@coops.example');
      expect(toApplicant?.raw).not.toMatch(/phish/i);
      expect(toApplicant?.parsed.text).toContain(`Its reference is ${reference}.`);
      // Members see the reference the applicant may quote.
      expect(toNetwork?.parsed.text).toContain(`Reference: ${reference}\n`);
      for (const value of typed) expect(toNetwork?.parsed.text).toContain(value);
      expect(toNetwork?.parsed.replyTo?.text).toBe('victim@example.org');
    } finally {
      await sink.close();
    }
  });
});

describe('the hourly cap on receipts', () => {
  it('stores and notifies every enquiry but queues no receipt over the cap, counted in the database', async () => {
    const results = [];
    for (let n = 0; n < 4; n++) results.push(await storeEnquiry(validEnquiry, { receiptHourlyLimit: 2 }));
    expect(results.map((result) => result.receipt)).toEqual([true, true, false, false]);
    const db = await getDb();
    const mails = await db.select({ kind: outbox.kind, n: count() }).from(outbox).groupBy(outbox.kind);
    expect(Object.fromEntries(mails.map((row) => [row.kind, row.n]))).toEqual({ notification: 4, receipt: 2 });
    const [counter] = await db.select().from(rateLimits).where(eq(rateLimits.scope, 'receipts'));
    expect(counter?.hits).toBe(4);
    expect((counter?.windowEnd.getTime() ?? 0) - (counter?.windowStart.getTime() ?? 0)).toBe(3_600_000);
  });

  it('is RECEIPT_HOURLY_LIMIT, 30 by default; 0 sends none', async () => {
    expect(parseSettings({}).RECEIPT_HOURLY_LIMIT).toBe(30);
    expect(parseSettings({ RECEIPT_HOURLY_LIMIT: '' }).RECEIPT_HOURLY_LIMIT).toBe(30);
    expect(parseSettings({ RECEIPT_HOURLY_LIMIT: '100' }).RECEIPT_HOURLY_LIMIT).toBe(100);
    expect(() => parseSettings({ RECEIPT_HOURLY_LIMIT: 'lots' })).toThrow(/^RECEIPT_HOURLY_LIMIT is "lots"/);
    expect(parseSettings({ RECEIPT_HOURLY_LIMIT: '0' }).RECEIPT_HOURLY_LIMIT).toBe(0);
    expect((await storeEnquiry(validEnquiry, { receiptHourlyLimit: 0 })).receipt).toBe(false);
  });
});
