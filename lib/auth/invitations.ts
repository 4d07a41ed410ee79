import 'server-only';
import { recordAudit } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { outbox } from '@/lib/db/schema';

/**
 * Queues the mail that tells a person they may sign in (lib/auth/invitation-mail.ts), with its audit record, in
 * the caller's transaction: a person added, a contact linked to a co-op, or an admin's "send the invitation again".
 * The mail is written when it is sent, from the person's role and co-ops then.
 */
export async function queueInvitation(db: Database, userId: string, actorId: string | null): Promise<void> {
  await db.insert(outbox).values({ kind: 'invitation', userId });
  await recordAudit(db, { actorId, action: 'account.invited', targetUserId: userId });
}
