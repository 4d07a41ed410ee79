import 'server-only';
import nodemailer from 'nodemailer';
import { startWorker, stopWorker, wakeWorker } from '@/lib/background-worker';
import type { Database } from '@/lib/db';
import { getDb } from '@/lib/db';
import { deliverOutbox, type Mailer, type OutboxSettings } from './outbox';

/**
 * SMTP when `SMTP_URL` is set. Otherwise each mail is logged instead, so it is never silently dropped: which kind,
 * for which enquiry, and to which domain when the mail goes to the network (a notification, a forwarded brief).
 * Never its content or address; and a receipt, which goes to the person who wrote, names no domain at all: a log
 * outlives erasure, and a small organisation's domain says who wrote. A sign-in mail logs its link, as the issue
 * asks, so a site without SMTP can still be signed in to.
 */
export function createMailer(smtpUrl: string | undefined): Mailer {
  if (smtpUrl) {
    // Pooled: a few connections kept open and reused. A new connection for each mail cost about 100 ms even on
    // loopback (measured), so a backlog after an outage went out at nine mails a second. `?pool=false` in the URL
    // still turns it off for a relay that wants one connection per mail.
    const transport = nodemailer.createTransport({ url: smtpUrl, pool: true });
    return { sendMail: (mail) => transport.sendMail(mail) };
  }
  return {
    sendMail: async (mail, label) => {
      const domain = /@([^@\s>]+)>?\s*$/.exec(mail.to)?.[1] ?? 'an unknown domain';
      const logged = 'mail (SMTP_URL is not set, so logged, not sent)';
      // The person who asked reads their link here: without SMTP there is no other way to sign in.
      if (label.kind === 'sign-in')
        console.info(`${logged}: sign-in link for a person at ${domain}: ${label.link} (or the code ${label.code})`);
      else if (label.kind === 'receipt') console.info(`${logged}: receipt for enquiry ${label.enquiryId}`);
      else if (label.kind === 'review') console.info(`${logged}: review reminder for ${label.coop} to ${domain}`);
      else if (label.kind === 'invitation') console.info(`${logged}: invitation to a person at ${domain}`);
      else console.info(`${logged}: ${label.kind} for enquiry ${label.enquiryId} to ${domain}`);
    },
  };
}

export type WorkerOptions = {
  mailer: Mailer;
  settings: OutboxSettings;
  /** How often it looks for mail that is due (`OUTBOX_POLL_MS`), besides being woken by kickOutbox(). */
  pollMs: number;
  /** Runs before each round of sending (start-up gives the issuing of requested sign-in mails, queued here). */
  beforeRound?: (db: Database, signal: AbortSignal) => Promise<unknown>;
  /** Runs after each round of sending (start-up gives the housekeeping, which limits itself to every few minutes). */
  afterRound?: (db: Database) => Promise<unknown>;
};

/**
 * Runs in the server process (started by lib/runtime/startup.ts): delivers the outbox every `pollMs` and at once
 * after a new enquiry. Unsent rows stay in the database, so a restart picks them up again.
 */
export function startOutboxWorker({ mailer, settings, pollMs, beforeRound, afterRound }: WorkerOptions): void {
  /** The rows it claimed and has not settled: after a lost connection, released as soon as the database is back. */
  const held = new Set<number>();
  startWorker('outbox', pollMs, async (signal) => {
    const db = await getDb();
    await beforeRound?.(db, signal);
    while (!signal.aborted && (await deliverOutbox(db, mailer, settings, { signal, held })) > 0);
    if (!signal.aborted) await afterRound?.(db);
  });
}

/**
 * Stops the worker for shutdown: it finishes the mail it is sending, releases the rows it claimed but did not
 * send, and sends nothing more. Resolves once it has, or after `timeoutMs` if an SMTP server keeps it waiting (its
 * rows then stay claimed until their lease ends, and another start sends them).
 */
export const stopOutboxWorker = (timeoutMs = 10_000): Promise<void> => stopWorker('outbox', timeoutMs, 'sending');

/** Ask the worker to deliver now rather than at its next poll. */
export const kickOutbox = (): void => wakeWorker('outbox');
