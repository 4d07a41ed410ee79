import 'server-only';
import nodemailer from 'nodemailer';
import { getDb } from '@/lib/db';
import { coopContacts } from '@/lib/hire/forwarding';
import { hireServices } from '@/lib/members/services';
import { site } from '@/lib/site';
import { deliverOutbox, type Mailer, type OutboxSettings } from './outbox';
import { createPruner } from '../runtime/housekeeping';

export function outboxSettings(env: Record<string, string | undefined> = process.env): OutboxSettings {
  return {
    from: env.MAIL_FROM || `${site.name} <${site.email}>`,
    notifyTo: env.JOIN_NOTIFY_TO || site.email,
    adminUrl: site.url,
    serviceNames: new Map(hireServices.map(({ slug, name }) => [slug, name])),
    coops: coopContacts,
    leadsFallbackEmail: site.leadsFallbackEmail,
    retryBaseSeconds: Number(env.OUTBOX_RETRY_SECONDS) || 15,
    leaseSeconds: 120,
  };
}

/**
 * SMTP when `SMTP_URL` is set. Otherwise each mail is logged instead, so it is never silently dropped: which kind,
 * for which enquiry, to which domain. Never its content or address, which are the applicant's personal data; a
 * sign-in mail logs its link, as the issue asks, so a site without SMTP can still be signed in to.
 */
export function createMailer(smtpUrl = process.env.SMTP_URL): Mailer {
  if (smtpUrl) {
    const transport = nodemailer.createTransport(smtpUrl);
    return { sendMail: (mail) => transport.sendMail(mail) };
  }
  return {
    sendMail: async (mail, label) => {
      const domain = /@([^@\s>]+)>?\s*$/.exec(mail.to)?.[1] ?? 'an unknown domain';
      const logged = 'mail (SMTP_URL is not set, so logged, not sent)';
      // The person who asked reads their link here: without SMTP there is no other way to sign in.
      if (label.kind === 'sign-in') console.info(`${logged}: sign-in link for a person at ${domain}: ${label.link}`);
      else console.info(`${logged}: ${label.kind} for enquiry ${label.enquiryId} to ${domain}`);
    },
  };
}

// On globalThis: the worker starts from instrumentation's bundle and is woken from the API route's bundle.
type WorkerState = { timer?: NodeJS.Timeout; running?: Promise<void>; wake: () => void; stop: AbortController };
const worker = globalThis as typeof globalThis & { cotechOutbox?: WorkerState };

/**
 * Runs in the server process (see instrumentation.ts): delivers the outbox every `OUTBOX_POLL_MS` (default 5 s)
 * and at once after a new enquiry. Unsent rows stay in the database, so a restart picks them up again. Every few
 * minutes it also prunes ended rate-limit windows and expired idempotency keys.
 */
export function startOutboxWorker(): void {
  if (worker.cotechOutbox) return;
  const state: WorkerState = { wake: () => undefined, stop: new AbortController() };
  worker.cotechOutbox = state;
  const { signal } = state.stop;
  const mailer = createMailer();
  const settings = outboxSettings();
  const interval = Number(process.env.OUTBOX_POLL_MS) || 5_000;
  const prune = createPruner();
  const tick = async () => {
    try {
      const db = await getDb();
      while (!signal.aborted && (await deliverOutbox(db, mailer, settings, { signal })) > 0);
      if (!signal.aborted) await prune(db);
    } catch (error) {
      console.error('outbox:', error instanceof Error ? error.message : error);
    }
  };
  const loop = () => {
    state.running = tick().finally(() => {
      state.running = undefined;
      if (signal.aborted) return;
      state.timer = setTimeout(loop, interval);
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
