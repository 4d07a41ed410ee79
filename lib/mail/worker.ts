import 'server-only';
import nodemailer from 'nodemailer';
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
      else console.info(`${logged}: ${label.kind} for enquiry ${label.enquiryId} to ${domain}`);
    },
  };
}

// On globalThis: the worker starts from instrumentation's bundle and is woken from the API route's bundle.
type WorkerState = {
  timer?: NodeJS.Timeout;
  running?: Promise<void>;
  wake: () => void;
  stop: AbortController;
  /** The rows it claimed and has not settled: after a lost connection, released as soon as the database is back. */
  held: Set<number>;
};
const worker = globalThis as typeof globalThis & { cotechOutbox?: WorkerState };

export type WorkerOptions = {
  mailer: Mailer;
  settings: OutboxSettings;
  /** How often it looks for mail that is due (`OUTBOX_POLL_MS`), besides being woken by kickOutbox(). */
  pollMs: number;
  /** Runs after each round of sending (start-up gives the housekeeping, which limits itself to every few minutes). */
  afterRound?: (db: Database) => Promise<unknown>;
};

/**
 * Runs in the server process (started by lib/runtime/startup.ts): delivers the outbox every `pollMs` and at once
 * after a new enquiry. Unsent rows stay in the database, so a restart picks them up again.
 */
export function startOutboxWorker({ mailer, settings, pollMs, afterRound }: WorkerOptions): void {
  if (worker.cotechOutbox) return;
  const state: WorkerState = { wake: () => undefined, stop: new AbortController(), held: new Set() };
  worker.cotechOutbox = state;
  const { signal } = state.stop;
  const tick = async () => {
    try {
      const db = await getDb();
      while (!signal.aborted && (await deliverOutbox(db, mailer, settings, { signal, held: state.held })) > 0);
      if (!signal.aborted) await afterRound?.(db);
    } catch (error) {
      console.error('outbox:', error instanceof Error ? error.message : error);
    }
  };
  const loop = () => {
    state.running = tick().finally(() => {
      state.running = undefined;
      if (signal.aborted) return;
      state.timer = setTimeout(loop, pollMs);
      state.timer.unref();
    });
  };
  state.wake = () => {
    if (state.running || signal.aborted) return;
    clearTimeout(state.timer);
    loop();
  };
  loop();
}

/**
 * Stops the worker for shutdown: it finishes the mail it is sending, releases the rows it claimed but did not
 * send, and sends nothing more. Resolves once it has, or after `timeoutMs` if an SMTP server keeps it waiting (its
 * rows then stay claimed until their lease ends, and another start sends them).
 */
export async function stopOutboxWorker(timeoutMs = 10_000): Promise<void> {
  const state = worker.cotechOutbox;
  if (!state) return;
  state.stop.abort();
  clearTimeout(state.timer);
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), timeoutMs)));
  if ((await Promise.race([state.running, waited])) === 'late') {
    console.error(`outbox: still sending after ${timeoutMs} ms, stopping without it`);
  }
  clearTimeout(timer);
}

/** Ask the worker to deliver now rather than at its next poll. */
export function kickOutbox(): void {
  worker.cotechOutbox?.wake();
}
