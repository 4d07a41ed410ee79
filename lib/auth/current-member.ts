import 'server-only';
import type { Role } from '@/lib/db/schema';
import { getAuth } from './server';

/**
 * The signed-in person, as the admin needs them: to check their role and to record who acted. A `contact` is
 * signed in but is not a member: lib/admin/require-member.ts keeps them out of enquiries and accounts.
 */
export type Member = { id: string; email: string; name: string; role: Role };

/**
 * Who is signed in, from the session cookie and the sessions table: every instance on one database agrees, and
 * disabling a person (which deletes their sessions) signs them out on the next request.
 */
export async function currentMember(requestHeaders: Headers): Promise<Member | undefined> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session || session.user.disabledAt) return undefined;
  const { id, email, name, role } = session.user;
  // Anything but a known role gets the least: a contact, who sees no enquiries.
  return { id, email, name, role: role === 'admin' || role === 'member' ? role : 'contact' };
}
