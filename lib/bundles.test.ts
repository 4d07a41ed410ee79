import { eq } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { closeDb } from '@/lib/db';
import { resetDatabase } from '@/test/database';

// Next.js bundles instrumentation, each route and each page with copies of their own of the modules they import.
// State one bundle makes and another reads lives on globalThis; anything such state reaches must too. Here each
// "bundle" is a fresh module instance (vi.resetModules), as Next.js's are.

beforeEach(resetDatabase);
afterAll(closeDb);

async function freshBundle() {
  vi.resetModules();
  return {
    db: await import('@/lib/db'),
    server: await import('@/lib/auth/server'),
    signIn: await import('@/lib/auth/sign-in'),
    accounts: await import('@/lib/auth/accounts'),
    schema: await import('@/lib/db/schema'),
  };
}

describe('state shared between bundles', () => {
  it('mails a sign-in link and code when better-auth was made by another bundle (a page checking a cookie)', async () => {
    const page = await freshBundle();
    const db = await page.db.getDb();
    // A returning member's cookie, checked by a page before anyone asks to sign in.
    await (await page.server.getAuth(db)).api.getSession({ headers: new Headers({ cookie: 'x=y' }) });
    const route = await freshBundle();
    expect(await route.db.getDb()).toBe(db);
    await route.accounts.addPerson(db, { name: 'Ada', email: 'ada@example.coop', role: 'member' }, null);
    const answer = await route.signIn.requestSignIn(
      new Request('http://localhost:3000/sign-in/request', {
        method: 'POST',
        body: new URLSearchParams({ email: 'ada@example.coop' }),
      }),
    );
    expect(answer.headers.get('location')).toBe('/sign-in/check-your-mail');
    // The outbox worker's round runs in instrumentation's bundle: a third.
    const worker = await freshBundle();
    expect(await worker.signIn.issueRequestedSignIns(db)).toBe(1);
    const [mail] = await db.select().from(worker.schema.outbox).where(eq(worker.schema.outbox.kind, 'sign-in'));
    expect(mail?.link).toMatch(/\/sign-in\/confirm\?token=/);
    expect(mail?.code).toMatch(/^\d{8}$/);
  });

  it('knows embedded PGlite as such (and a server as not) in a bundle other than the one that opened it', async () => {
    // The PostgreSQL suite runs this file too, on the server in DATABASE_URL.
    const embedded = !process.env.DATABASE_URL;
    const opener = await freshBundle();
    const db = await opener.db.getDb();
    expect(opener.db.isEmbedded(db)).toBe(embedded);
    const other = await freshBundle();
    expect(other.db.isEmbedded(db)).toBe(embedded);
  });
});
