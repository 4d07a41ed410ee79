// Signing in through the routes' own handlers, in the test's process (unit tests, with the database in memory);
// over HTTP to a running site: ./over-http.ts.
import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { addPerson, type NewPerson } from '@/lib/auth/accounts';
import { confirmSignInLink, issueRequestedSignIns, requestSignIn, signInWithCode } from '@/lib/auth/sign-in';
import { getDb } from '@/lib/db';
import { outbox, users } from '@/lib/db/schema';
import { site } from '@/lib/site';
import { cookieFrom, signInButtonForm } from './over-http';

/**
 * Asks for a sign-in mail as the form on /sign-in does, and returns the answer once the mail is queued (the outbox
 * worker's round issues it, after the answer; no worker runs in unit tests, so this does what its round would).
 */
export async function askForLink(email: string, headers: Record<string, string> = {}) {
  const answer = await requestSignIn(
    new Request(`${site.url}/sign-in/request`, { method: 'POST', headers, body: new URLSearchParams({ email }) }),
  );
  await issueRequestedSignIns(await getDb());
  return answer;
}

/** The last sign-in mail queued for `email`, still in the outbox because no worker runs in unit tests. */
async function queued(email: string) {
  const db = await getDb();
  const [row] = await db
    .select({ link: outbox.link, code: outbox.code })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.userId))
    .where(and(eq(users.email, email), isNotNull(outbox.link)))
    .orderBy(desc(outbox.id))
    .limit(1);
  return row;
}

/** The link of the last sign-in mail queued for `email`. */
export const queuedLink = async (email: string) => (await queued(email))?.link ?? undefined;

/** The code of the last sign-in mail queued for `email`. */
export const queuedCode = async (email: string) => (await queued(email))?.code ?? undefined;

/** Presses the button on the page a mailed link opens, as a browser would (a form POST from our origin). */
export function followLink(link: string, headers: Record<string, string> = {}) {
  return confirmSignInLink(
    new Request(`${site.url}/sign-in/link`, {
      method: 'POST',
      headers: { origin: site.url, ...headers },
      body: signInButtonForm(new URL(link)),
    }),
  );
}

/** Types the code from the mail on /sign-in, as a browser would. */
export function typeCode(email: string, code: string, headers: Record<string, string> = {}) {
  return signInWithCode(
    new Request(`${site.url}/sign-in/code`, {
      method: 'POST',
      headers: { origin: site.url, ...headers },
      body: new URLSearchParams({ email, code }),
    }),
  );
}

/** Adds a person (if need be), signs them in through the real link flow, and returns their Cookie header. */
export async function signedIn(person: NewPerson): Promise<{ cookie: string; id: string }> {
  const db = await getDb();
  await addPerson(db, person, null);
  await askForLink(person.email);
  const link = await queuedLink(person.email);
  if (!link) throw new Error(`no sign-in link was queued for ${person.email}`);
  const response = await followLink(link);
  const cookie = cookieFrom(response);
  if (!cookie.includes('session_token'))
    throw new Error(`signing in gave no session: ${response.headers.get('location')}`);
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, person.email));
  return { cookie, id: user?.id ?? '' };
}
