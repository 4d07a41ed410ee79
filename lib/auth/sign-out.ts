import 'server-only';
import { eq } from 'drizzle-orm';
import { isCrossSiteRequest } from '@/lib/http/cross-site';
import { currentMember } from './current-member';
import { getDb } from '@/lib/db';
import { sessions } from '@/lib/db/schema';
import { getAuth } from './server';

/**
 * POST /sign-out: ends this session, or with `everywhere` every session of the person (another browser, a
 * forgotten laptop), and clears the cookie. Then the sign-in page says so.
 */
export async function signOut(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request.headers)) {
    return new Response('Cross-site request refused.', { status: 403, headers: { 'cache-control': 'no-store' } });
  }
  const form = await request.formData().catch(() => undefined);
  const everywhere = form?.get('everywhere') === '1';
  const db = await getDb();
  const member = await currentMember(request.headers);
  const auth = await getAuth(db);
  const ended = await auth.api.signOut({ headers: request.headers, asResponse: true });
  if (everywhere && member) await db.delete(sessions).where(eq(sessions.userId, member.id));
  const headers = new Headers({
    location: `/sign-in?signed-out=${everywhere ? 'everywhere' : '1'}`,
    'cache-control': 'no-store',
  });
  for (const cookie of ended.headers.getSetCookie()) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}
