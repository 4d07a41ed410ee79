import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit';
import { queueInvitation } from '@/lib/auth/invitations';
import type { Database } from '@/lib/db';
import { coopPeople, users } from '@/lib/db/schema';

/**
 * Who may keep which co-op's entry current. A link is one row and one audit event, written in one transaction, so
 * the activity list never misses a link nor shows one that was not made. Each says whether anything changed:
 * linking twice or unlinking what was never linked records nothing. Linking a contact (not disabled) also queues
 * their invitation, which names their co-ops: a contact learns they may now sign in and what for. A member or
 * admin linked to a co-op has signed in before, and is not mailed.
 */
export async function linkCoop(db: Database, userId: string, coop: string, actorId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [linked] = await tx
      .insert(coopPeople)
      .values({ userId, coop })
      .onConflictDoNothing()
      .returning({ coop: coopPeople.coop });
    if (!linked) return false;
    await recordAudit(tx, { actorId, action: 'coop.linked', targetUserId: userId, to: coop });
    const [contact] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.role, 'contact'), isNull(users.disabledAt)));
    if (contact) await queueInvitation(tx, userId, actorId);
    return true;
  });
}

export async function unlinkCoop(db: Database, userId: string, coop: string, actorId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [unlinked] = await tx
      .delete(coopPeople)
      .where(and(eq(coopPeople.userId, userId), eq(coopPeople.coop, coop)))
      .returning({ coop: coopPeople.coop });
    if (!unlinked) return false;
    await recordAudit(tx, { actorId, action: 'coop.unlinked', targetUserId: userId, from: coop });
    return true;
  });
}

/** The slugs of the co-ops a person is linked to, in order. */
export async function coopsOf(db: Database, userId: string): Promise<string[]> {
  const rows = await db
    .select({ coop: coopPeople.coop })
    .from(coopPeople)
    .where(eq(coopPeople.userId, userId))
    .orderBy(asc(coopPeople.coop));
  return rows.map((row) => row.coop);
}

/** Every link, for the people list, or those of the given people: person id → their co-ops' slugs. */
export async function allLinks(db: Database, userIds?: readonly string[]): Promise<Map<string, string[]>> {
  if (userIds?.length === 0) return new Map();
  const query = db.select().from(coopPeople);
  const rows = await (userIds ? query.where(inArray(coopPeople.userId, [...userIds])) : query).orderBy(
    asc(coopPeople.coop),
  );
  const links = new Map<string, string[]>();
  for (const row of rows) links.set(row.userId, [...(links.get(row.userId) ?? []), row.coop]);
  return links;
}

/** The people linked to a co-op, by name: its admin page (app/admin/coops/[slug]). */
export async function peopleOf(db: Database, coop: string): Promise<{ id: string; name: string; email: string }[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(coopPeople)
    .innerJoin(users, eq(users.id, coopPeople.userId))
    .where(eq(coopPeople.coop, coop))
    .orderBy(asc(users.name));
}

export async function isLinked(db: Database, userId: string, coop: string): Promise<boolean> {
  const [row] = await db
    .select({ coop: coopPeople.coop })
    .from(coopPeople)
    .where(and(eq(coopPeople.userId, userId), eq(coopPeople.coop, coop)));
  return row !== undefined;
}

/**
 * The addresses of the people linked to each of `coops` who may sign in (not disabled), in order: where a brief for
 * a co-op without an address of its own goes.
 */
export async function activeAddressesOf(db: Database, coops: readonly string[]): Promise<Map<string, string[]>> {
  const addresses = new Map<string, string[]>();
  if (coops.length === 0) return addresses;
  const rows = await db
    .select({ coop: coopPeople.coop, email: users.email })
    .from(coopPeople)
    .innerJoin(users, eq(users.id, coopPeople.userId))
    .where(and(inArray(coopPeople.coop, [...coops]), isNull(users.disabledAt)))
    .orderBy(asc(coopPeople.coop), asc(users.email));
  for (const { coop, email } of rows) addresses.set(coop, [...(addresses.get(coop) ?? []), email]);
  return addresses;
}
