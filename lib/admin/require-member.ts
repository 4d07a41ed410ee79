import 'server-only';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { adminAccess, basicAuthChallenge } from './auth';

const plainText = { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' };

/**
 * The members' admin checks who is asking where it reads enquiries, not in proxy.ts alone: a proxy is one path
 * pattern away from missing a route. Answers as the proxy does: 404 while the admin is switched off (no
 * ADMIN_PASSWORD), 401 with a Basic challenge to anyone but a member, nothing when the request may go on. Signing
 * in as a person instead would replace this function and nothing else.
 */
export function memberRefusal(requestHeaders: Headers): Response | undefined {
  const access = adminAccess(requestHeaders.get('authorization'));
  if (access === 'granted') return undefined;
  if (access === 'disabled') return new Response('Not found.', { status: 404, headers: plainText });
  return new Response('Members only: sign in to see join enquiries.', {
    status: 401,
    headers: { ...plainText, 'www-authenticate': basicAuthChallenge },
  });
}

/**
 * The same check for pages and layouts, which cannot answer with a Response: anyone but a member gets the
 * not-found page (a 401 page would need Next.js's experimental `unauthorized()`).
 */
export async function requireMember(): Promise<void> {
  if (memberRefusal(await headers())) notFound();
}
