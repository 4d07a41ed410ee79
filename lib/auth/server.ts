import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { emailOTP } from 'better-auth/plugins/email-otp';
import { magicLink } from 'better-auth/plugins/magic-link';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb, type Database } from '@/lib/db';
import { authAccounts, roles, sessions, users, verifications } from '@/lib/db/schema';
import { confirmationLink, currentIssue, signInCodeLength, signInLinkMinutes } from '@/lib/auth/sign-in-mail';
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
    // Requests are counted in the database by the sign-in routes (lib/auth/sign-in.ts), so every instance shares
    // the limits; better-auth's own counter is per process.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    // A session's address would be personal data kept for no purpose here.
    advanced: { ipAddress: { disableIpTracking: true } },
    databaseHooks: {
      session: {
        create: {
          // A disabled person's link may still be valid: it must not start a session. The browser's user agent,
          // which better-auth keeps by default, is personal data the admin has no use for: it is not stored, and
          // nor is the address (empty, not null, with IP tracking off alone).
          before: async (session) => {
            const [user] = await db
              .select({ id: users.id })
              .from(users)
              .where(and(eq(users.id, session.userId), isNull(users.disabledAt)));
            return user ? { data: { ...session, ipAddress: null, userAgent: null } } : false;
          },
        },
      },
    },
    // One request makes both a link and a code (lib/auth/sign-in.ts's issueSignIn); the callbacks hand them to it,
    // and it queues one mail with both, for a person with an account that is not disabled. Neither endpoint is
    // served over HTTP: the site's own routes call them.
    plugins: [
      magicLink({
        expiresIn: signInLinkMinutes * 60,
        disableSignUp: true,
        storeToken: 'hashed',
        sendMagicLink: async ({ email, token }) => {
          currentIssue().link = confirmationLink(token, email);
        },
      }),
      emailOTP({
        expiresIn: signInLinkMinutes * 60,
        otpLength: signInCodeLength,
        allowedAttempts: 3,
        disableSignUp: true,
        storeOTP: 'hashed',
        sendVerificationOTP: async ({ otp }) => {
          currentIssue().code = otp;
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
