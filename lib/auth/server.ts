import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { magicLink } from 'better-auth/plugins/magic-link';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { authAccounts, outbox, roles, sessions, users, verifications } from '@/lib/db/schema';
import { signInLinkMinutes } from '@/lib/auth/sign-in-mail';
import { kickOutbox } from '@/lib/mail/worker';
import { site } from '@/lib/site';
import { sessionSecret } from './secret';

/** Sessions last a week from the last time they were used, refreshed at most once a day. */
const sessionDays = 7;

function createAuth(db: Database, secret: string) {
  return betterAuth({
    appName: site.name,
    baseURL: site.url,
    basePath: '/api/auth',
    secret,
    database: drizzleAdapter(db, {
      provider: 'pg',
      schema: { user: users, session: sessions, account: authAccounts, verification: verifications },
    }),
    user: {
      additionalFields: {
        role: { type: [...roles], required: true, defaultValue: 'member', input: false },
        disabledAt: { type: 'date', required: false, input: false },
      },
    },
    session: { expiresIn: sessionDays * 86_400, updateAge: 86_400 },
    // Requests are counted in the database by the sign-in routes (lib/auth/limits.ts), so every instance shares
    // the limits; better-auth's own counter is per process.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // A session's address would be personal data kept for no purpose here.
    advanced: { ipAddress: { disableIpTracking: true } },
    databaseHooks: {
      session: {
        create: {
          // A disabled person's link may still be valid: it must not start a session.
          before: async (session) => {
            const [user] = await db
              .select({ id: users.id })
              .from(users)
              .where(and(eq(users.id, session.userId), isNull(users.disabledAt)));
            return user ? undefined : false;
          },
        },
      },
    },
    plugins: [
      magicLink({
        expiresIn: signInLinkMinutes * 60,
        disableSignUp: true,
        storeToken: 'hashed',
        // Only people with an account that is not disabled get a mail; the answer to the request is the same
        // either way, so the form cannot tell anyone who has an account.
        sendMagicLink: async ({ email, url }) => {
          const [user] = await db
            .select({ id: users.id })
            .from(users)
            .where(and(eq(users.email, email.toLowerCase()), isNull(users.disabledAt)));
          if (!user) return;
          await db.insert(outbox).values({ kind: 'sign-in', userId: user.id, link: url });
          kickOutbox();
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// By database: tests and shutdown may replace the connection, and an auth object holds the one it was made with.
const shared = globalThis as typeof globalThis & { cotechAuth?: WeakMap<Database, Promise<Auth>> };
const byDatabase = (shared.cotechAuth ??= new WeakMap());

/** better-auth on the site's database, made on first use. */
export async function getAuth(db?: Database): Promise<Auth> {
  const database = db ?? (await getDb());
  let auth = byDatabase.get(database);
  if (!auth) {
    auth = sessionSecret(database).then((secret) => createAuth(database, secret));
    auth.catch(() => byDatabase.delete(database));
    byDatabase.set(database, auth);
  }
  return auth;
}
