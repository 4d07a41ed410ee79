import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb, isDatabaseUnavailable } from '@/lib/db';
import { outbox } from '@/lib/db/schema';
import { resetDatabase, storeEnquiry } from '@/test/database';
import { withNestedLoops } from '@/test/planner';
import { startSmtpSink } from '@/test/smtp-sink';
import { composeNotification } from '@/lib/enquiries/mail';
import { deliverOutbox, retryDelaySeconds, type Mailer } from './outbox';
import { getEnquiry } from '@/lib/enquiries/store';
import { mailTestSettings, validEnquiry } from '@/test/enquiry-data';
import { outboxTestSettings as settings } from '@/test/outbox-settings';
import { createMailer } from './worker';

/** A loopback port with nothing listening: SMTP is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dataDir: string;
beforeAll(async () => {
  // On disk, so a restart (closing and reopening the database) can be shown to lose nothing.
  if (!process.env.DATABASE_URL) {
    dataDir = await mkdtemp(join(tmpdir(), 'cotech-outbox-'));
    process.env.DATA_DIR = dataDir;
  }
  await closeDb();
  await resetDatabase();
});
afterAll(async () => {
  await closeDb();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  process.env.DATA_DIR = 'memory://';
});

describe('the outbox', () => {
  it('sends a notification and a receipt once, and never again', async () => {
    const sink = await startSmtpSink();
    try {
      const db = await getDb();
      const { id } = await storeEnquiry();
      const mailer = createMailer(sink.url);
      expect(await deliverOutbox(db, mailer, settings)).toBe(2);
      expect(await deliverOutbox(db, mailer, settings)).toBe(0);
      expect(sink.received.map((mail) => mail.to).sort()).toEqual([['ada@example.coop'], ['members@coops.example']]);
      const notification = sink.received.find((mail) => mail.to[0] === 'members@coops.example');
      expect(notification?.parsed.subject).toBe('Join enquiry: Outlandish');
      expect(notification?.parsed.replyTo?.text).toBe('ada@example.coop');
      expect(notification?.parsed.text).toContain(`https://coops.example/admin/enquiries/${id}`);
      expect(notification?.parsed.html).toContain(`href="https://coops.example/admin/enquiries/${id}"`);
      // Each in the site's frame: a whole document, the wordmark first, as styled text (no picture, no link).
      for (const { parsed } of sink.received) {
        expect(parsed.html).toMatch(/^<!DOCTYPE html><html lang="en-GB">/);
        expect(parsed.html).toMatch(
          /<body [^>]*><div [^>]*><p [^>]*><strong [^>]*>CoTech<\/strong> <span [^>]*>Co-operative Technologists<\/span><\/p>/,
        );
      }
      const receipt = sink.received.find((mail) => mail.to[0] === 'ada@example.coop');
      expect(receipt?.parsed.html).not.toMatch(/<a\b|<img\b/);
    } finally {
      await sink.close();
      await resetDatabase();
    }
  });

  it('keeps mail while SMTP is down, across a restart, and delivers it when SMTP is back', async () => {
    const backingOff = { ...settings, retryBaseSeconds: 5 };
    let db = await getDb();
    await storeEnquiry();
    expect(await deliverOutbox(db, createMailer(`smtp://127.0.0.1:${await closedPort()}`), backingOff)).toBe(0);
    const failed = await db.select().from(outbox);
    expect(failed).toHaveLength(2);
    for (const row of failed) {
      expect(row.sentAt).toBeNull();
      expect(row.attempts).toBe(1);
      expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
    }

    const sink = await startSmtpSink();
    try {
      const mailer = createMailer(sink.url);
      expect(await deliverOutbox(db, mailer, backingOff)).toBe(0); // not due yet: backing off
      await closeDb(); // the site restarts
      db = await getDb();
      const due = Math.max(...failed.map((row) => row.nextAttemptAt.getTime()));
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now()) + 200));
      expect(await deliverOutbox(db, mailer, backingOff)).toBe(2);
      expect(sink.received).toHaveLength(2);
      const rows = await db.select().from(outbox);
      expect(rows.every((row) => row.sentAt !== null && row.attempts === 2)).toBe(true);
    } finally {
      await sink.close();
      await resetDatabase();
    }
  });

  it('never puts user text into headers or unescaped into HTML', async () => {
    const sink = await startSmtpSink();
    try {
      const db = await getDb();
      const { id } = await storeEnquiry({
        ...validEnquiry,
        coopName: 'Evil\r\nBcc: victim@example.org\r\n<script>alert(1)</script>',
      });
      await deliverOutbox(db, createMailer(sink.url), settings);
      expect(sink.received).toHaveLength(2);
      expect(sink.received.flatMap((mail) => mail.to)).not.toContain('victim@example.org');
      for (const { parsed } of sink.received) {
        expect(parsed.headers.has('bcc')).toBe(false);
        expect(parsed.subject).not.toMatch(/[\r\n]/);
        expect(parsed.html).not.toContain('<script>');
      }

      const enquiry = await getEnquiry(db, id);
      if (!enquiry) throw new Error('not stored');
      const mail = composeNotification(enquiry, mailTestSettings);
      expect(mail.subject).not.toMatch(/[\r\n]/);
      expect(mail.html).toContain('Evil\r\nBcc: victim@example.org\r\n&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mail.html).not.toContain('<script>');
    } finally {
      await sink.close();
      await resetDatabase();
    }
  });

  it('does not send a row another worker has claimed', async () => {
    const db = await getDb();
    await storeEnquiry();
    await db
      .update(outbox)
      .set({ lockedUntil: new Date(Date.now() + 60_000) })
      .where(eq(outbox.kind, 'receipt'));
    const sink = await startSmtpSink();
    try {
      expect(await deliverOutbox(db, createMailer(sink.url), settings)).toBe(1);
      expect(sink.received[0]?.to).toEqual(['members@coops.example']);
    } finally {
      await sink.close();
      await resetDatabase();
    }
  });

  it.each([2, 3])('claims and sends exactly a batch of 1 when %i mails are due, oldest first', async (due) => {
    const db = await getDb();
    for (let index = 0; index < due; index += 1) await storeEnquiry(validEnquiry, { receiptHourlyLimit: 0 });
    const ids = (await db.select({ id: outbox.id }).from(outbox).orderBy(outbox.id)).map(({ id }) => id);
    expect(ids).toHaveLength(due);
    let sends = 0;
    const mailer: Mailer = {
      sendMail: async () => {
        sends += 1;
      },
    };
    try {
      // In the plan that made the proposals' claim take every due row: this one was planned otherwise by luck.
      expect(await withNestedLoops(db, () => deliverOutbox(db, mailer, settings, { batch: 1 }))).toBe(1);
      const rows = await db.select().from(outbox).orderBy(outbox.id);
      // The rest are neither sent nor claimed: another worker may take them at once.
      expect(rows.map((row) => [row.id, row.sentAt !== null, row.lockedUntil])).toEqual(
        ids.map((id, index) => [id, index === 0, null]),
      );
      expect(await deliverOutbox(db, mailer, settings, { batch: 1 })).toBe(1);
      expect(sends).toBe(2);
    } finally {
      await resetDatabase();
    }
  });

  it('stops after the current send when told to, and releases the rows it claimed but did not send', async () => {
    const db = await getDb();
    await storeEnquiry();
    const sink = await startSmtpSink();
    const stop = new AbortController();
    const smtp = createMailer(sink.url);
    // The server is told to stop while the first mail is being sent.
    const mailer: Mailer = {
      sendMail: async (mail, label) => {
        stop.abort();
        return smtp.sendMail(mail, label);
      },
    };
    try {
      expect(await deliverOutbox(db, mailer, settings, { signal: stop.signal })).toBe(1);
      expect(sink.received).toHaveLength(1);
      const rows = await db.select().from(outbox).orderBy(outbox.id);
      expect(rows.map((row) => [row.sentAt !== null, row.lockedUntil])).toEqual([
        [true, null],
        [false, null],
      ]);
      // Released, not left to its lease: the next worker sends it at once.
      expect(await deliverOutbox(db, smtp, settings)).toBe(1);
      expect(sink.received).toHaveLength(2);
    } finally {
      await sink.close();
      await resetDatabase();
    }
  });

  it('releases the claims of a round the database dropped as soon as it answers again, not when the lease ends', async () => {
    const db = await getDb();
    await storeEnquiry();
    // The connection is lost as the worker records the first mail as sent: the database answers with an error
    // of the class a lost connection is (08006), as PostgreSQL and pg do, until it is "back".
    await db.execute(sql`
      create function outbox_connection_lost() returns trigger language plpgsql as $$
      begin raise exception 'connection lost' using errcode = '08006'; end $$`);
    await db.execute(sql`
      create trigger outbox_connection_lost before update of sent_at on outbox
      for each row execute function outbox_connection_lost()`);
    const sink = await startSmtpSink();
    const mailer = createMailer(sink.url);
    const held = new Set<number>();
    try {
      const lost = await deliverOutbox(db, mailer, settings, { held }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(isDatabaseUnavailable(lost)).toBe(true);
      const claimed = await db.select().from(outbox);
      expect(claimed.every((row) => row.sentAt === null && row.lockedUntil !== null)).toBe(true);
      expect([...held].sort()).toEqual(claimed.map((row) => row.id).sort());

      await db.execute(sql`drop trigger outbox_connection_lost on outbox`);
      // Back: the next round releases what it held and sends both, well inside the lease (60 s here).
      expect(await deliverOutbox(db, mailer, settings, { held })).toBe(2);
      expect(held.size).toBe(0);
      const rows = await db.select().from(outbox);
      expect(rows.every((row) => row.sentAt !== null && row.lockedUntil === null)).toBe(true);
      // The first mail went out before the database dropped; it goes again (at least once, never lost).
      expect(sink.received.map((mail) => mail.to[0]).sort()).toEqual([
        'ada@example.coop',
        'members@coops.example',
        'members@coops.example',
      ]);
    } finally {
      await sink.close();
      await db.execute(sql`drop trigger if exists outbox_connection_lost on outbox`);
      await db.execute(sql`drop function if exists outbox_connection_lost()`);
      await resetDatabase();
    }
  });

  it('retries first within 30 seconds, then backs off to at most an hour', () => {
    expect(retryDelaySeconds(1, 15)).toBe(15);
    expect(retryDelaySeconds(2, 15)).toBe(30);
    expect(retryDelaySeconds(20, 15)).toBe(3600);
  });
});
