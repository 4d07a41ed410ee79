import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit';
import type { Database } from '@/lib/db';
import { outbox, roles, sessions, users, verifications, type Role } from '@/lib/db/schema';

export type Person = typeof users.$inferSelect;

export const newPerson = z.object({
  name: z.string().trim().min(1, 'Give their name.').max(200, 'Names are at most 200 characters.'),
  email: z
    .email('Give an email address such as name@example.coop.')
    .max(320)
    .transform((email) => email.toLowerCase()),
  role: z.enum(roles, 'Choose contact, member or admin.'),
});
export type NewPerson = z.infer<typeof newPerson>;

export async function listPeople(db: Database): Promise<Person[]> {
  return db.select().from(users).orderBy(asc(users.name), asc(users.email));
}

/** Adds a person who may sign in; undefined when the address already has an account. */
export async function addPerson(db: Database, person: NewPerson, actorId: string | null): Promise<Person | undefined> {
  return db.transaction(async (tx) => {
    const [added] = await tx
      .insert(users)
      .values({ id: randomUUID(), ...person })
      .onConflictDoNothing({ target: users.email })
      .returning();
    if (!added) return undefined;
    await recordAudit(tx, { actorId, action: 'account.created', targetUserId: added.id, to: added.role });
    return added;
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
 * any sign-in mail not yet sent, in the same transaction: the next request they make, on any instance, is signed
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
      await tx.delete(outbox).where(and(eq(outbox.userId, id), eq(outbox.kind, 'sign-in'), isNull(outbox.sentAt)));
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
