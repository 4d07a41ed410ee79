import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { notFound, redirect } from 'next/navigation';
import { currentMember, type Member } from '@/lib/auth/current-member';
import { isCrossSiteRequest } from '@/lib/http/cross-site';
import type { Role } from '@/lib/db/schema';

/**
 * The members' admin checks who is asking where it reads enquiries, not in proxy.ts alone: a proxy is one path
 * pattern away from missing a route, and it only sees that a session cookie is there, not that it is valid. For
 * routes, which answer with a Response: 401 to anyone not signed in, nothing when the request may go on.
 */
export async function memberRefusal(requestHeaders: Headers): Promise<Response | undefined> {
  const member = await currentMember(requestHeaders);
  if (member && member.role !== 'contact') return undefined;
  return new Response('Members only: sign in at /sign-in to see join enquiries.', {
    status: 401,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });
}

/**
 * The same check for pages and layouts: anyone not signed in is sent to sign in, and a co-op's contact, who is
 * signed in but not a member, gets the not-found page. Once per request (React's `cache`), however many of the
 * layout, the page and its metadata ask.
 */
export const requireMember = cache(async (): Promise<Member> => {
  const member = await currentMember(await headers());
  if (!member) redirect('/sign-in');
  if (member.role === 'contact') notFound();
  return member;
});

/** Account management and erasure: admins only; a member gets the not-found page. */
export async function requireAdmin(): Promise<Member> {
  const member = await requireMember();
  if (member.role !== 'admin') notFound();
  return member;
}

/**
 * For Server Actions, which are reachable by POST whatever the proxy does: the request must come from this site
 * and from a signed-in person with `role` (admin also passes where member is asked; a contact never
 * does). Throws otherwise.
 */
export async function memberForAction(role: Role = 'member'): Promise<Member> {
  const requestHeaders = await headers();
  if (isCrossSiteRequest(requestHeaders)) throw new Error('Cross-site request refused');
  const member = await currentMember(requestHeaders);
  if (!member) throw new Error('Not signed in');
  if (member.role === 'contact') throw new Error('Members only');
  if (role === 'admin' && member.role !== 'admin') throw new Error('Admins only');
  return member;
}
