import { and, desc, eq, isNotNull } from 'drizzle-orm';
import { addPerson, type NewPerson } from '@/lib/auth/accounts';
import { requestSignIn, verifySignInLink } from '@/lib/auth/sign-in';
import { getDb } from '@/lib/db';
import { outbox, users } from '@/lib/db/schema';
import { site } from '@/lib/site';

/** Asks for a sign-in link as the form on /sign-in does, and returns the answer. */
export function askForLink(email: string, headers: Record<string, string> = {}) {
  return requestSignIn(
    new Request(`${site.url}/sign-in/request`, { method: 'POST', headers, body: new URLSearchParams({ email }) }),
  );
}

/** The last sign-in link queued for `email`, still in the outbox because no worker runs in unit tests. */
export async function queuedLink(email: string): Promise<string | undefined> {
  const db = await getDb();
  const [row] = await db
    .select({ link: outbox.link })
    .from(outbox)
    .innerJoin(users, eq(users.id, outbox.userId))
    .where(and(eq(users.email, email), isNotNull(outbox.link)))
    .orderBy(desc(outbox.id))
    .limit(1);
  return row?.link ?? undefined;
}

/** Follows a link as a browser would, and returns the answer (a redirect, with a session cookie if it worked). */
export function followLink(link: string) {
  return verifySignInLink(new Request(link));
}

/** The Cookie header a browser would send after the answer's Set-Cookie headers. */
export function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
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
