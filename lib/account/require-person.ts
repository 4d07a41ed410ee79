import 'server-only';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { currentMember, type Member } from '@/lib/auth/current-member';
import { coopsOf, isLinked } from '@/lib/coops/people';
import { getDb } from '@/lib/db';
import { isCrossSiteRequest } from '@/lib/http/cross-site';

/**
 * The account area is for anyone signed in (a contact, a member or an admin) and shows only their own co-ops.
 * Checked here, against the database, not in proxy.ts alone (see lib/admin/require-member.ts for why).
 */
export const requirePerson = cache(async (): Promise<Member> => {
  const person = await currentMember(await headers());
  if (!person) redirect('/sign-in');
  return person;
});

/**
 * A co-op's page in the account area: only for the people linked to it. Anyone else gets the not-found page, admins
 * included, as the issue asks: an admin who should edit a co-op links themselves at /admin/people, which is audited.
 */
export async function requireLinkedPerson(coop: string): Promise<Member> {
  const person = await requirePerson();
  if (!(await isLinked(await getDb(), person.id, coop))) notFound();
  return person;
}

/** The same for Server Actions, reachable by POST from anywhere: from this site, signed in and linked, or it throws. */
export async function linkedPersonForAction(coop: string): Promise<Member> {
  const requestHeaders = await headers();
  if (isCrossSiteRequest(requestHeaders)) throw new Error('Cross-site request refused');
  const person = await currentMember(requestHeaders);
  if (!person) throw new Error('Not signed in');
  if (!(await isLinked(await getDb(), person.id, coop))) throw new Error('Not linked to this co-op');
  return person;
}

/** The slugs of the signed-in person's co-ops. */
export async function myCoops(person: Member): Promise<string[]> {
  return coopsOf(await getDb(), person.id);
}
