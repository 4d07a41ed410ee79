import 'server-only';
import { alias } from 'drizzle-orm/pg-core';
import { desc, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { auditEvents, users, type AuditAction } from '@/lib/db/schema';

export type AuditChange = {
  /** Who acted; null when the site acted by itself (ADMIN_EMAILS at start, the retention rule). */
  actorId: string | null;
  action: AuditAction;
  enquiryId?: string;
  targetUserId?: string;
  from?: string | null;
  to?: string | null;
};

/** Records changes, in the caller's transaction so a change is never saved without its record. */
export async function recordAudit(db: Database, ...changes: AuditChange[]): Promise<void> {
  if (changes.length === 0) return;
  await db.insert(auditEvents).values(changes);
}

export type AuditEntry = {
  id: number;
  at: Date;
  action: AuditAction;
  actorName: string | null;
  actorEmail: string | null;
  enquiryId: string | null;
  targetName: string | null;
  from: string | null;
  to: string | null;
};

const actor = alias(users, 'actor');
const target = alias(users, 'target');

function entries(db: Database) {
  return db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      actorName: actor.name,
      actorEmail: actor.email,
      enquiryId: auditEvents.enquiryId,
      targetName: target.name,
      from: auditEvents.from,
      to: auditEvents.to,
    })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .leftJoin(target, eq(target.id, auditEvents.targetUserId))
    .$dynamic();
}

/** One enquiry's history, newest first. */
export async function enquiryHistory(db: Database, enquiryId: string): Promise<AuditEntry[]> {
  return entries(db).where(eq(auditEvents.enquiryId, enquiryId)).orderBy(desc(auditEvents.at), desc(auditEvents.id));
}

/** Everything recorded lately, newest first. */
export async function recentActivity(db: Database, limit = 200): Promise<AuditEntry[]> {
  return entries(db).orderBy(desc(auditEvents.at), desc(auditEvents.id)).limit(limit);
}
