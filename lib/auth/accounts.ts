import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { coopPeople, outbox, roles, sessions, users, verifications, type Role } from '@/lib/db/schema';
import { queueInvitation } from './invitations';

export type Person = typeof users.$inferSelect;

/**
 * A person as the People form adds them: a role, or none chosen, which makes someone added with a co-op one of its
 * contacts and anyone else a member; and the co-op (a slug) they are linked to at once, if any.
 */
export const newPerson = z
  .object({
    name: z.string().trim().min(1, 'Give their name.').max(200, 'Names are at most 200 characters.'),
    email: z
      .email('Give an email address such as name@example.coop.')
      .max(320)
      .transform((email) => email.toLowerCase()),
    role: z.union([z.enum(roles, 'Choose contact, member or admin.'), z.literal('')]).optional(),
    coop: z.string().optional(),
  })
  .transform(({ role, coop, ...person }) => ({
    ...person,
    role: role || (coop ? 'contact' : 'member'),
    ...(coop && { coop }),
  }));
export type NewPerson = { name: string; email: string; role: Role; coop?: string };

export async function listPeople(db: Database): Promise<Person[]> {
  return db.select().from(users).orderBy(asc(users.name), asc(users.email));
}

/**
 * Adds a person who may sign in, linked to `coop` when one is given (the caller checks it is the directory's);
 * undefined when the address already has an account. With `invite`, their invitation (lib/auth/invitations.ts) is
 * queued in the same transaction, so nobody is added without being told. Each step is in the audit trail.
 */
export async function addPerson(
  db: Database,
  { coop, ...person }: NewPerson,
  actorId: string | null,
  { invite = false }: { invite?: boolean } = {},
): Promise<Person | undefined> {
  return db.transaction(async (tx) => {
    const [added] = await tx
      .insert(users)
      .values({ id: randomUUID(), ...person })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!added) return undefined;
    await recordAudit(tx, { actorId, action: 'account.created', targetUserId: added.id, to: added.role });
    if (coop) {
      await tx.insert(coopPeople).values({ userId: added.id, coop });
      await recordAudit(tx, { actorId, action: 'coop.linked', targetUserId: added.id, to: coop });
    }
    if (invite) await queueInvitation(tx, added.id, actorId);
    return added;
  });
}

/**
 * Queues a person's invitation again (an admin's "send the invitation again"): undefined when there is no such
 * person or they are disabled, who could not sign in.
 */
export async function reinvite(db: Database, id: string, actorId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, id), isNull(users.disabledAt)));
    if (!person) return false;
    await queueInvitation(tx, person.id, actorId);
    return true;
  });
}

/**
 * Ends every sign-in link and code issued to `email` that is not used yet: when the person is disabled, and once
 * they have signed in by either one, so that the other way in from the same mail (and any older mail) is spent
 * too. better-auth's records (lib/auth/server.ts): a code is kept under `sign-in-otp-<address>`, a link under
 * `magic-link:<hash of its token>` with the address in its JSON value.
 */
export async function revokeSignInCredentials(db: Pick<Database, 'delete'>, email: string): Promise<void> {
  await db.delete(verifications).where(
    or(
      eq(verifications.identifier, `sign-in-otp-${email}`),
      // CASE, so that no other kind of value is read as JSON.
      sql`case when ${verifications.identifier} like 'magic-link:%' then ${verifications.value}::jsonb ->> 'email' end = ${email}`,
    ),
  );
}

/**
 * Disables or re-enables a person. Disabling ends their sessions, and revokes their sign-in links and codes and
 * any sign-in mail or invitation not yet sent, in the same transaction: the next request they make, on any instance, is signed
 * out, and nothing they were sent before signs them in again once re-enabled. Says whether anything changed.
 */
export async function setDisabled(db: Database, id: string, disabled: boolean, actorId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ disabledAt: disabled ? sql`now()` : null, updatedAt: sql`now()` })
      .where(sql`${users.id} = ${id} and (${users.disabledAt} is null) = ${disabled}`)
      .returning({ id: users.id, email: users.email });
    if (!changed) return false;
    if (disabled) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
      await tx
        .delete(outbox)
        .where(and(eq(outbox.userId, id), inArray(outbox.kind, ['sign-in', 'invitation']), isNull(outbox.sentAt)));
      await revokeSignInCredentials(tx, changed.email);
    }
    await recordAudit(tx, { actorId, action: disabled ? 'account.disabled' : 'account.enabled', targetUserId: id });
    return true;
  });
}

export async function setRole(db: Database, id: string, role: Role, actorId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ role: users.role }).from(users).where(eq(users.id, id)).for('update');
    if (!before || before.role === role) return false;
    await tx
      .update(users)
      .set({ role, updatedAt: sql`now()` })
      .where(eq(users.id, id));
    await recordAudit(tx, { actorId, action: 'account.role', targetUserId: id, from: before.role, to: role });
    return true;
  });
}

/**
 * The first admins: each address in `ADMIN_EMAILS` without an account gets one, as an admin named by the part
 * before the @. Accounts that exist are left as they are, so an admin's later changes (disabling someone, a new
 * role) stand across restarts. Returns the addresses added.
 */
export async function bootstrapAdmins(db: Database, emails: string[]): Promise<string[]> {
  const added: string[] = [];
  for (const email of emails) {
    const person = await addPerson(db, { name: email.split('@')[0] ?? email, email, role: 'admin' }, null);
    if (person) added.push(email);
  }
  return added;
}
