import 'server-only';
import { alias } from 'drizzle-orm/pg-core';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
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
  targetUserId: string | null;
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
      targetUserId: auditEvents.targetUserId,
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

/** A brief forwarded to one co-op: which (its slug), when, and by whom (null for someone since gone). */
export type Forwarding = { coop: string; at: Date; byName: string | null };

/** Where each of the given briefs was forwarded, from the audit trail, oldest first. */
export async function forwardingsOf(db: Database, enquiryIds: readonly string[]): Promise<Map<string, Forwarding[]>> {
  const found = new Map<string, Forwarding[]>();
  if (enquiryIds.length === 0) return found;
  const rows = await db
    .select({ enquiryId: auditEvents.enquiryId, coop: auditEvents.to, at: auditEvents.at, byName: actor.name })
    .from(auditEvents)
    .leftJoin(actor, eq(actor.id, auditEvents.actorId))
    .where(and(eq(auditEvents.action, 'lead.forwarded'), inArray(auditEvents.enquiryId, [...enquiryIds])))
    .orderBy(asc(auditEvents.at), asc(auditEvents.id));
  for (const { enquiryId, coop, at, byName } of rows) {
    if (!enquiryId || !coop) continue;
    found.set(enquiryId, [...(found.get(enquiryId) ?? []), { coop, at, byName }]);
  }
  return found;
}
