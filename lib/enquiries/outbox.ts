import 'server-only';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { enquiries, outbox, type MailKind } from '@/lib/db/schema';
import { composeMail, type Mail, type MailSettings } from './mail';

/** What the outbox knows of a mail besides its content: enough for an operator, nothing personal. */
export type MailLabel = { kind: MailKind; enquiryId: string };

export type Mailer = { sendMail(mail: Mail & { from: string }, label: MailLabel): Promise<unknown> };

export type OutboxSettings = MailSettings & {
  from: string;
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
 * Returns how many mails were sent.
 */
export async function deliverOutbox(
  db: Database,
  mailer: Mailer,
  settings: OutboxSettings,
  { batch = 20, signal }: { batch?: number; signal?: AbortSignal } = {},
) {
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
  const claimed = await db
    .update(outbox)
    .set({ lockedUntil: sql`now() + make_interval(secs => ${settings.leaseSeconds})` })
    .where(inArray(outbox.id, due))
    .returning();

  if (claimed.length === 0) return 0;
  const ids = [...new Set(claimed.map((row) => row.enquiryId))];
  const byId = new Map((await db.select().from(enquiries).where(inArray(enquiries.id, ids))).map((e) => [e.id, e]));

  let sent = 0;
  for (const [index, row] of claimed.entries()) {
    if (signal?.aborted) {
      await releaseClaims(
        db,
        claimed.slice(index).map((unsent) => unsent.id),
      );
      break;
    }
    const enquiry = byId.get(row.enquiryId);
    try {
      if (!enquiry) throw new Error(`enquiry ${row.enquiryId} not found`);
      const mail = composeMail(row.kind, enquiry, settings);
      await mailer.sendMail({ from: settings.from, ...mail }, { kind: row.kind, enquiryId: row.enquiryId });
      await db
        .update(outbox)
        .set({ sentAt: sql`now()`, lockedUntil: null, attempts: row.attempts + 1, lastError: null })
        .where(and(eq(outbox.id, row.id), isNull(outbox.sentAt)));
      sent += 1;
    } catch (error) {
      const delay = retryDelaySeconds(row.attempts + 1, settings.retryBaseSeconds);
      await db
        .update(outbox)
        .set({
          attempts: row.attempts + 1,
          lockedUntil: null,
          nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
          lastError: error instanceof Error ? error.message.slice(0, 1000) : String(error),
        })
        .where(eq(outbox.id, row.id));
    }
  }
  return sent;
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
