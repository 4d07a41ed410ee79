import 'server-only';
import { z } from 'zod';
import { isCrossSiteRequest } from '@/lib/http/cross-site';
import { getDb } from '@/lib/db';
import { settings } from '@/lib/settings';
import { clientAddress } from '@/lib/http/client-address';
import { rateLimitKey } from '@/lib/http/rate-limit-key';
import { takeRateLimit } from '@/lib/http/rate-limit';
import { getAuth } from './server';

/** Sign-in requests are counted per 15 minutes: per address (whoever asks), and per client (whatever address). */
export const signInWindowSeconds = 15 * 60;
export const defaultSignInAddressLimit = 5;
export const defaultSignInClientLimit = 20;

/** A redirect to one of our own pages, relative so it holds whatever host the request came by. */
export const seeOther = (path: string) =>
  new Response(null, { status: 303, headers: { location: path, 'cache-control': 'no-store' } });

const address = z.email().max(320);

/**
 * POST /sign-in/request, from the form on /sign-in. Every address that is well formed and within the limits gets
 * the same answer, "check your mail", whether or not it has an account: only accounts get a mail
 * (lib/auth/server.ts). Over a limit, the form says to wait, and nothing is sent.
 */
export async function requestSignIn(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) {
    return new Response('Cross-site request refused.', { status: 403, headers: { 'cache-control': 'no-store' } });
  }
  const form = await request.formData().catch(() => undefined);
  const email = address.safeParse(
    String(form?.get('email') ?? '')
      .trim()
      .toLowerCase(),
  );
  if (!email.success) return seeOther('/sign-in?error=address');
  const db = await getDb();
  const client = rateLimitKey(clientAddress(request.headers));
  const byClient = await takeRateLimit(
    db,
    'sign-in-client',
    client,
    settings().SIGN_IN_CLIENT_LIMIT,
    signInWindowSeconds,
  );
  if (!byClient.allowed) return seeOther('/sign-in?error=too-many');
  const byAddress = await takeRateLimit(
    db,
    'sign-in-address',
    email.data,
    settings().SIGN_IN_ADDRESS_LIMIT,
    signInWindowSeconds,
  );
  if (!byAddress.allowed) return seeOther('/sign-in?error=too-many');
  const auth = await getAuth(db);
  await auth.api.signInMagicLink({
    body: { email: email.data, callbackURL: '/admin/enquiries', errorCallbackURL: '/sign-in' },
    headers: request.headers,
  });
  return seeOther('/sign-in/check-your-mail');
}

/**
 * GET /api/auth/magic-link/verify, the link in the mail: better-auth checks it (once, before it expires) and
 * starts the session. Following links is counted per client too, so tokens cannot be guessed at speed.
 */
export async function verifySignInLink(request: Request): Promise<Response> {
  const db = await getDb();
  const client = `link:${rateLimitKey(clientAddress(request.headers))}`;
  const limited = await takeRateLimit(
    db,
    'sign-in-client',
    client,
    settings().SIGN_IN_CLIENT_LIMIT,
    signInWindowSeconds,
  );
  if (!limited.allowed) return seeOther('/sign-in?error=too-many');
  return (await getAuth(db)).handler(request);
}
