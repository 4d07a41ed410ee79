import 'server-only';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { inDueOnce } from '@/lib/db/claim';
import { outbox, type MailKind } from '@/lib/db/schema';
import { mailDocument, type Mail } from './compose';

/**
 * What the outbox knows of a mail besides its content: enough for an operator, nothing personal. A sign-in mail
 * carries its link, which a site without SMTP writes to the log for the person to follow.
 */
export type MailLabel =
  | { kind: Exclude<MailKind, 'sign-in' | 'review' | 'invitation'>; enquiryId: string }
  | { kind: 'sign-in'; userId: string; link: string; code: string }
  | { kind: 'review'; userId: string; coop: string }
  | { kind: 'invitation'; userId: string };

export type Mailer = { sendMail(mail: Mail & { from: string }, label: MailLabel): Promise<unknown> };

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * Writes the mail of each claimed row. The outbox only queues, claims, sends and retries; what a mail says belongs
 * to what it is about (lib/enquiries/mail.ts, lib/auth/sign-in-mail.ts), and start-up joins them
 * (lib/runtime/site-mail.ts). Given all the rows claimed at once, so it can read what they are about in one query.
 */
export type Composer = (db: Database, rows: readonly OutboxRow[]) => Promise<(row: OutboxRow) => [Mail, MailLabel]>;

export type OutboxSettings = {
  from: string;
  compose: Composer;
  /**
   * Mail that is no use once this many minutes old, by kind: a sign-in mail that could not go out while its link
   * was valid (SMTP was down) would only bring a dead link, so it is deleted instead and the person asks again.
   */
  expiresAfterMinutes: Partial<Record<MailKind, number>>;
  /** The first retry waits this long; each later one twice as long as the one before, up to an hour. */
  retryBaseSeconds: number;
  /** How long a claimed row stays claimed by one worker before another may try it (a crashed worker's rows). */
  leaseSeconds: number;
};

export function retryDelaySeconds(attempts: number, baseSeconds: number): number {
  return Math.min(baseSeconds * 2 ** Math.max(0, attempts - 1), 3600);
}

/**
 * Sends the mail that is due, once. Rows are claimed with FOR UPDATE SKIP LOCKED and a lease, so several
 * instances on one database never take the same row, and the send happens outside any transaction. When `signal`
 * aborts (the server is stopping) it stops after the current send and releases the rows it has not sent, so
 * another instance, or this one restarted, sends them without waiting for the lease to end.
 *
 * `held` is the caller's memory of its claims (the worker keeps one for its life): each claimed row is in it until
 * it is settled (sent, retried later, expired or released). When the database goes away mid-round, the rows still
 * in it are released first thing in the next round, once the database answers again, so mail delayed by a
 * database blip goes out within a poll of its return rather than when the lease ends.
 * Returns how many mails were sent.
 */
export async function deliverOutbox(
  db: Database,
  mailer: Mailer,
  settings: OutboxSettings,
  { batch = 20, signal, held = new Set() }: { batch?: number; signal?: AbortSignal; held?: Set<number> } = {},
) {
  if (held.size > 0) {
    await releaseClaims(db, [...held]);
    held.clear();
  }
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        lte(outbox.nextAttemptAt, sql`now()`),
        or(isNull(outbox.lockedUntil), lte(outbox.lockedUntil, sql`now()`)),
      ),
    )
    .orderBy(asc(outbox.id))
    .limit(batch)
    .for('update', { skipLocked: true });
  const claimed = (
    await db
      .update(outbox)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${settings.leaseSeconds})` })
      .where(inDueOnce(outbox.id, due))
      .returning()
  ).sort((a, b) => a.id - b.id);

  if (claimed.length === 0) return 0;
  for (const row of claimed) held.add(row.id);
  const prepare = await settings.compose(db, claimed);

  let sent = 0;
  for (const [index, row] of claimed.entries()) {
    if (signal?.aborted) {
      const unsent = claimed.slice(index).map((rest) => rest.id);
      await releaseClaims(db, unsent);
      for (const id of unsent) held.delete(id);
      break;
    }
    const expiresAfter = settings.expiresAfterMinutes[row.kind];
    if (expiresAfter !== undefined && (await dropExpired(db, row, expiresAfter))) {
      held.delete(row.id);
      continue;
    }
    // Only the send's own failure is a failed attempt; a database error in the updates below ends the round, and
    // the row, still held, is released at the start of the next.
    const failure = await send(mailer, settings.from, prepare, row);
    if (failure === undefined) {
      // A sign-in link and code are keys: once they have gone out, the database no longer holds them.
      await db
        .update(outbox)
        .set({
          sentAt: sql`now()`,
          lockedUntil: null,
          attempts: row.attempts + 1,
          lastError: null,
          link: null,
          code: null,
        })
        .where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)));
      sent += 1;
    } else {
      const delay = retryDelaySeconds(row.attempts + 1, settings.retryBaseSeconds);
      await db
        .update(outbox)
        .set({
          attempts: row.attempts + 1,
          lockedUntil: null,
          nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
          lastError: failure,
        })
        .where(eq(outbox.id, row.id));
    }
    held.delete(row.id);
  }
  return sent;
}

/** Composes and sends one row's mail: undefined when it went out, else why not. */
async function send(
  mailer: Mailer,
  from: string,
  prepare: (row: OutboxRow) => [Mail, MailLabel],
  row: OutboxRow,
): Promise<string | undefined> {
  try {
    const [mail, label] = prepare(row);
    // Every mail in the site's frame, whoever composed it (lib/mail/compose.ts).
    await mailer.sendMail({ from, ...mail, html: mailDocument(mail.subject, mail.html) }, label);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message.slice(0, 1000) : String(error);
  }
}

/** Deletes a mail older than `minutes`, by the database's clock. Returns whether it was. */
async function dropExpired(db: Database, row: OutboxRow, minutes: number): Promise<boolean> {
  const dropped = await db
    .delete(outbox)
    .where(and(eq(outbox.id, row.id), lte(outbox.createdAt, sql`now() - make_interval(mins => ${minutes})`)))
    .returning({ id: outbox.id });
  if (dropped.length) console.warn(`outbox: ${row.kind} mail ${row.id} not sent: it expired before it could go out`);
  return dropped.length > 0;
}

async function releaseClaims(db: Database, ids: number[]) {
  await db
    .update(outbox)
    .set({ lockedUntil: null })
    .where(and(inArray(outbox.id, ids), isNull(outbox.sentAt)));
}

/** The mail not sent yet, and how long the oldest has waited: what readiness reports. */
export async function outboxBacklog(db: Database): Promise<{ unsent: number; oldestUnsentSeconds: number | null }> {
  const [row] = await db
    .select({
      unsent: sql<number>`count(*)::int`,
      oldestUnsentSeconds: sql<number | null>`floor(extract(epoch from now() - min(${outbox.createdAt})))::int`,
    })
    .from(outbox)
    .where(isNull(outbox.sentAt));
  return { unsent: row?.unsent ?? 0, oldestUnsentSeconds: row?.oldestUnsentSeconds ?? null };
}
