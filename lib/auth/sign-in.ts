import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isAPIError } from 'better-auth/api';
import { parseCookies } from 'better-auth/cookies';
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { isCrossSiteRequest } from '@/lib/http/cross-site';
import { getDb, type Database } from '@/lib/db';
import { inDueOnce } from '@/lib/db/claim';
import { outbox, sessions, signInRequests, users } from '@/lib/db/schema';
import { settings } from '@/lib/settings';
import { clientAddress } from '@/lib/http/client-address';
import { rateLimitKey } from '@/lib/http/rate-limit-key';
import { takeRateLimit } from '@/lib/http/rate-limit';
import { site } from '@/lib/site';
import { issuedSignIn, signInCodeLength, signInLinkMinutes, type IssuedSignIn } from './sign-in-mail';
import { sessionSecret } from './secret';
import { revokeSignInCredentials } from './accounts';
import { getAuth } from './server';

/**
 * Sign-in mails are counted per client (whatever the address) and per client and address over 15 minutes, and
 * per address over an hour. Only the last can be spent by someone else, so it is never held against a browser
 * that has signed in as that address before (knownBrowserCookie).
 */
export const signInWindowSeconds = 15 * 60;
export const signInAddressWindowSeconds = 60 * 60;

/** Where the session starts, whichever way in. */
const signedInPath = '/admin/enquiries';

/** Where a person lands once signed in: a co-op's contact, who sees no enquiries, on their account. */
async function landingPath(db: Database, email: string): Promise<string> {
  const [person] = await db.select({ role: users.role }).from(users).where(eq(users.email, email));
  return person?.role === 'contact' ? '/account' : signedInPath;
}

/** Set on a browser once it has signed in, so that no stranger's requests can lock its owner out. */
export const knownBrowserCookie = 'cotech_signed_in_as';

/** A redirect to one of our own pages, relative so it holds whatever host the request came by. */
export const seeOther = (path: string) =>
  new Response(null, { status: 303, headers: { location: path, 'cache-control': 'no-store' } });

const refused = (status: number, text: string) =>
  new Response(text, { status, headers: { 'cache-control': 'no-store' } });

const address = z.email().max(320);
const token = z.string().regex(/^[A-Za-z0-9_-]{16,128}$/);
const code = z.string().regex(new RegExp(`^\\d{${signInCodeLength}}$`));

const field = (form: FormData | undefined, name: string) =>
  String(form?.get(name) ?? '')
    .trim()
    .toLowerCase();

const clientOf = (request: Request) => rateLimitKey(clientAddress(request.headers));

/**
 * POST /sign-in/request, from the form on /sign-in. Every address that is well formed and within the limits gets
 * the same answer, "check your mail", whether or not it has an account, after the same work: its request is
 * stored, and nothing is looked up or made until the outbox worker's next round (issueRequestedSignIns). Nothing
 * runs after the answer either, so neither the answer nor the next request's tells whether the address has one.
 */
export async function requestSignIn(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) return refused(403, 'Cross-site request refused.');
  const form = await request.formData().catch(() => undefined);
  const email = address.safeParse(field(form, 'email'));
  if (!email.success) return seeOther('/sign-in?error=address');
  const db = await getDb();
  const client = clientOf(request);
  const limits = settings();
  const byClient = await takeRateLimit(db, 'sign-in-client', client, limits.SIGN_IN_CLIENT_LIMIT, signInWindowSeconds);
  if (!byClient.allowed) return seeOther('/sign-in?error=too-many');
  const byClientAndAddress = await takeRateLimit(
    db,
    'sign-in-client-address',
    `${client} ${email.data}`,
    limits.SIGN_IN_CLIENT_ADDRESS_LIMIT,
    signInWindowSeconds,
  );
  if (!byClientAndAddress.allowed) return seeOther('/sign-in?error=too-many');
  const byAddress = await takeRateLimit(
    db,
    'sign-in-address',
    email.data,
    limits.SIGN_IN_ADDRESS_HOURLY_LIMIT,
    signInAddressWindowSeconds,
  );
  if (!byAddress.allowed && !(await isKnownBrowser(db, request.headers, email.data))) {
    return seeOther('/sign-in?error=too-many-mails');
  }
  await db.insert(signInRequests).values({ email: email.data });
  return seeOther('/sign-in/check-your-mail');
}

/** How long one round may hold a request it is issuing before another round (or instance) may take it. */
const issueLeaseSeconds = 60;

/**
 * Issues the sign-in mails asked for since the last round, run by the outbox worker before it sends (so each mail
 * goes out in the round that made it): for a person with an account that is not disabled, a link and a code and
 * one mail with both; for anyone else, nothing, and the request is dropped. A request older than a link's life is
 * dropped too: its person has long asked again. Each request is claimed alone (a lease, SKIP LOCKED), so instances
 * on one database never issue the same one, and one left by a stopped server is issued after its restart.
 * Returns how many requests it settled.
 */
export async function issueRequestedSignIns(db: Database, signal?: AbortSignal): Promise<number> {
  let settled = 0;
  while (!signal?.aborted) {
    const due = db
      .select({ id: signInRequests.id })
      .from(signInRequests)
      .where(or(isNull(signInRequests.lockedUntil), lte(signInRequests.lockedUntil, sql`now()`)))
      .orderBy(asc(signInRequests.id))
      .limit(1)
      .for('update', { skipLocked: true });
    const [claimed] = await db
      .update(signInRequests)
      .set({ lockedUntil: sql`now() + make_interval(secs => ${issueLeaseSeconds})` })
      .where(inDueOnce(signInRequests.id, due))
      .returning({
        id: signInRequests.id,
        email: signInRequests.email,
        stale: sql<boolean>`${signInRequests.createdAt} <= now() - make_interval(mins => ${signInLinkMinutes})`,
      });
    if (!claimed) break;
    if (!claimed.stale) {
      try {
        await issueSignIn(db, claimed.id, claimed.email);
      } catch (error) {
        // Left claimed: tried again once its lease ends, until it is stale. The others go on.
        console.error(`sign-in mail not issued: ${error instanceof Error ? error.message : String(error)}`);
        continue;
      }
    }
    await db.delete(signInRequests).where(eq(signInRequests.id, claimed.id));
    settled += 1;
  }
  return settled;
}

/**
 * Makes a link and a code for a person with an account that is not disabled, and queues one mail with both, in the
 * transaction that settles their request. Nothing is made for anyone else, so no value naming an address without
 * an account is stored.
 */
async function issueSignIn(db: Database, requestId: number, email: string): Promise<void> {
  const [user] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.disabledAt)));
  if (!user) return;
  const auth = await getAuth(db);
  const issued: IssuedSignIn = {};
  await issuedSignIn.run(issued, async () => {
    await auth.api.signInMagicLink({ body: { email }, headers: new Headers() });
    await auth.api.sendVerificationOTP({ body: { email, type: 'sign-in' } });
  });
  if (!issued.link || !issued.code) throw new Error('better-auth made no sign-in link or code');
  const { link, code } = issued;
  await db.transaction(async (tx) => {
    const [request] = await tx
      .delete(signInRequests)
      .where(eq(signInRequests.id, requestId))
      .returning({ id: signInRequests.id });
    // Another round took it over after this one's lease ran out, and issues it itself.
    if (request) await tx.insert(outbox).values({ kind: 'sign-in', userId: user.id, link, code });
  });
}

/**
 * Whether a request to spend a link or a code comes from a page of ours. Unlike the other forms, which refuse
 * only what a browser says is cross-site, this one needs the browser to say it is ours: a mail scanner that
 * fetches or even posts without an Origin spends nothing.
 */
function isOwnPagePost(headers: Headers): boolean {
  if (isCrossSiteRequest(headers)) return false;
  return headers.get('origin') !== null || headers.get('sec-fetch-site') === 'same-origin';
}

/** Spending links and codes is counted per client too, so neither can be guessed at speed. */
async function spendingAllowed(db: Database, request: Request): Promise<boolean> {
  const limit = settings().SIGN_IN_CLIENT_LIMIT;
  return (await takeRateLimit(db, 'sign-in-client', `use:${clientOf(request)}`, limit, signInWindowSeconds)).allowed;
}

/**
 * POST /sign-in/link, the button on the page a mailed link opens (app/sign-in/confirm/page.tsx): better-auth
 * checks the token (once, within 15 minutes) and starts the session. The page names the address it signs in as,
 * and the token must be that address's, or the session it made is ended at once.
 */
export async function confirmSignInLink(request: Request): Promise<Response> {
  if (!isOwnPagePost(request.headers)) return refused(403, 'Sign in with the button on the page the link opens.');
  const form = await request.formData().catch(() => undefined);
  const given = {
    token: token.safeParse(String(form?.get('token') ?? '')),
    email: address.safeParse(field(form, 'email')),
  };
  if (!given.token.success || !given.email.success) return seeOther('/sign-in?error=INVALID_TOKEN');
  const db = await getDb();
  if (!(await spendingAllowed(db, request))) return seeOther('/sign-in?error=too-many');
  const auth = await getAuth(db);
  const verify = new URL('/api/auth/magic-link/verify', site.url);
  verify.search = new URLSearchParams({
    token: given.token.data,
    callbackURL: signedInPath,
    errorCallbackURL: '/sign-in',
  }).toString();
  const answer = await auth.handler(new Request(verify));
  const setCookies = answer.headers.getSetCookie();
  const cookie = setCookies.map((line) => line.split(';')[0]).join('; ');
  const session = cookie ? await auth.api.getSession({ headers: new Headers({ cookie }) }) : null;
  if (!session) return seeOther(answer.headers.get('location') ?? '/sign-in?error=INVALID_TOKEN');
  if (session.user.email !== given.email.data) {
    await db.delete(sessions).where(eq(sessions.id, session.session.id));
    return seeOther('/sign-in?error=INVALID_TOKEN');
  }
  return signedIn(db, setCookies, session.user.email);
}

/** POST /sign-in/code, the code from the mail typed on /sign-in with the address: once, within 15 minutes, three tries. */
export async function signInWithCode(request: Request): Promise<Response> {
  if (!isOwnPagePost(request.headers)) return refused(403, 'Type the code on the sign-in page.');
  const form = await request.formData().catch(() => undefined);
  const email = address.safeParse(field(form, 'email'));
  const otp = code.safeParse(String(form?.get('code') ?? '').replace(/\s/g, ''));
  if (!email.success) return seeOther('/sign-in?error=address');
  if (!otp.success) return seeOther('/sign-in?error=code');
  const db = await getDb();
  if (!(await spendingAllowed(db, request))) return seeOther('/sign-in?error=too-many');
  const auth = await getAuth(db);
  try {
    const { headers } = await auth.api.signInEmailOTP({
      body: { email: email.data, otp: otp.data },
      returnHeaders: true,
    });
    return signedIn(db, headers.getSetCookie(), email.data);
  } catch (error) {
    if (isAPIError(error)) return seeOther('/sign-in?error=code');
    throw error;
  }
}

async function knownBrowserMark(db: Database, email: string): Promise<string> {
  return createHmac('sha256', await sessionSecret(db))
    .update(`signed in as ${email}`)
    .digest('base64url');
}

async function isKnownBrowser(db: Database, headers: Headers, email: string): Promise<boolean> {
  const held = parseCookies(headers.get('cookie') ?? '').get(knownBrowserCookie);
  if (!held) return false;
  const mark = Buffer.from(await knownBrowserMark(db, email));
  const given = Buffer.from(held);
  return given.length === mark.length && timingSafeEqual(given, mark);
}

/**
 * The session's cookies, and the mark that this browser has signed in as this address (for the limits above). The
 * link and the code of a mail are one credential: once either has signed in, neither (nor any older one) works.
 */
async function signedIn(db: Database, setCookies: string[], email: string): Promise<Response> {
  await revokeSignInCredentials(db, email);
  const headers = new Headers({ location: await landingPath(db, email), 'cache-control': 'no-store' });
  for (const line of setCookies) headers.append('set-cookie', line);
  const secure = site.url.startsWith('https:') ? '; Secure' : '';
  headers.append(
    'set-cookie',
    `${knownBrowserCookie}=${await knownBrowserMark(db, email)}; Path=/sign-in; Max-Age=${400 * 86_400}; HttpOnly; SameSite=Lax${secure}`,
  );
  return new Response(null, { status: 303, headers });
}
