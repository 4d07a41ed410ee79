import 'server-only';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Database } from '@/lib/db';
import { settings } from '@/lib/settings';
import { siteSecrets } from '@/lib/db/schema';

/**
 * The key that signs session cookies: `BETTER_AUTH_SECRET` when set, otherwise one the site makes on its first
 * start and keeps in the database, so a fresh install needs no extra setting and every instance on one database
 * signs and checks cookies with the same key.
 */
export async function sessionSecret(db: Database, configured = settings().BETTER_AUTH_SECRET) {
  if (configured) return configured;
  const name = 'session-cookie';
  await db
    .insert(siteSecrets)
    .values({ name, value: randomBytes(32).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select({ value: siteSecrets.value }).from(siteSecrets).where(eq(siteSecrets.name, name));
  if (!row) throw new Error('The session secret could not be stored');
  return row.value;
}
