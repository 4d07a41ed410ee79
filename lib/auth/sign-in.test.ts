import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDisabled } from '@/lib/auth/accounts';
import { closeDb, getDb } from '@/lib/db';
import { outbox, sessions, verifications } from '@/lib/db/schema';
import { deliverOutbox } from '@/lib/mail/outbox';
import { outboxTestSettings } from '@/test/outbox-settings';
import { createMailer } from '@/lib/mail/worker';
import { peerAddressHeader } from '@/lib/http/peer-address';
import { resetDatabase } from '@/test/database';
import { askForLink, cookieFrom, followLink, queuedLink, signedIn } from '@/test/sign-in';
import { startSmtpSink } from '@/test/smtp-sink';
import { defaultSignInAddressLimit } from './sign-in';
import { signOut } from './sign-out';
import { getAuth } from './server';
import { addPerson } from './accounts';

const ada = { name: 'Ada Lovelace', email: 'ada@example.coop', role: 'member' as const };
const who = async (cookie: string) =>
  (await (await getAuth()).api.getSession({ headers: new Headers({ cookie }) }))?.user;
const sessionCount = async () => (await (await getDb()).select().from(sessions)).length;

beforeEach(resetDatabase);
afterAll(closeDb);

describe('signing in by mailed link', () => {
  it('mails a link once through the outbox, clears it from the database once sent, and the link signs in once', async () => {
    const db = await getDb();
    await addPerson(db, ada, null);
    const answer = await askForLink('Ada@Example.coop');
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe('/sign-in/check-your-mail');
    const link = await queuedLink(ada.email);
    expect(link).toMatch(/^http:\/\/localhost:3000\/api\/auth\/magic-link\/verify\?token=\w{32}&/);
    // The database keeps a hash of the token, never the token.
    const token = new URL(link ?? '').searchParams.get('token') ?? '';
    expect(JSON.stringify(await db.select().from(verifications))).not.toContain(token);

    const sink = await startSmtpSink();
    try {
      const mailer = createMailer(sink.url);
      expect(await deliverOutbox(db, mailer, outboxTestSettings)).toBe(1);
      expect(await deliverOutbox(db, mailer, outboxTestSettings)).toBe(0);
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]?.to).toEqual([ada.email]);
      expect(sink.received[0]?.parsed.text).toContain(link);
    } finally {
      await sink.close();
    }
    const [row] = await db.select().from(outbox).where(eq(outbox.kind, 'sign-in'));
    expect(row?.sentAt).toBeInstanceOf(Date);
    expect(row?.link).toBeNull();

    const first = await followLink(link ?? '');
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('http://localhost:3000/admin/enquiries');
    const cookie = cookieFrom(first);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    expect(first.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
    expect((await who(cookie))?.email).toBe(ada.email);

    const second = await followLink(link ?? '');
    expect(second.headers.get('location')).toBe('http://localhost:3000/sign-in?error=INVALID_TOKEN');
    expect(cookieFrom(second)).not.toContain('session_token');
  });

  it('refuses a link after it expires', async () => {
    const db = await getDb();
    await addPerson(db, ada, null);
    await askForLink(ada.email);
    const link = await queuedLink(ada.email);
    await db.update(verifications).set({ expiresAt: sql`now() - interval '1 second'` });
    const answer = await followLink(link ?? '');
    expect(answer.headers.get('location')).toBe('http://localhost:3000/sign-in?error=INVALID_TOKEN');
    expect(await sessionCount()).toBe(0);
  });

  it('does not mail a link that expired before it could go out, and mails the next one', async () => {
    const db = await getDb();
    await addPerson(db, ada, null);
    await askForLink(ada.email);
    // SMTP was down for longer than the link lasts.
    await db.update(outbox).set({ createdAt: sql`now() - interval '16 minutes'` });
    await askForLink(ada.email);
    const fresh = await queuedLink(ada.email);
    const sink = await startSmtpSink();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(await deliverOutbox(db, createMailer(sink.url), outboxTestSettings)).toBe(1);
      expect(sink.received.map((mail) => mail.parsed.text?.includes(fresh ?? '-'))).toEqual([true]);
      expect(warn).toHaveBeenCalledWith(
        expect.stringMatching(/sign-in mail \d+ not sent: it expired before it could go out/),
      );
    } finally {
      warn.mockRestore();
      await sink.close();
    }
    const rows = await db.select().from(outbox);
    expect(rows.map(({ sentAt, link }) => ({ sent: sentAt !== null, link }))).toEqual([{ sent: true, link: null }]);
  });

  it('answers an unknown or disabled address exactly as a member, and mails it nothing', async () => {
    const db = await getDb();
    const { id } = (await addPerson(db, { ...ada, email: 'gone@example.coop' }, null)) ?? { id: '' };
    await setDisabled(db, id, true, id);
    await addPerson(db, ada, null);
    const answers = await Promise.all(
      [ada.email, 'nobody@example.coop', 'gone@example.coop'].map(async (email) => {
        const answer = await askForLink(email);
        return [answer.status, answer.headers.get('location'), await answer.text()];
      }),
    );
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const queued = await db.select({ userId: outbox.userId }).from(outbox);
    expect(queued).toHaveLength(1);
  });

  it('ends a disabled person’s sessions at once, and a link they still hold no longer signs them in', async () => {
    const db = await getDb();
    const { cookie, id } = await signedIn(ada);
    await askForLink(ada.email);
    const spare = await queuedLink(ada.email);
    expect((await who(cookie))?.email).toBe(ada.email);
    const admin = await addPerson(db, { name: 'Root', email: 'root@example.coop', role: 'admin' }, null);
    expect(await setDisabled(db, id, true, admin?.id ?? '')).toBe(true);
    expect(await who(cookie)).toBeUndefined();
    const refused = await followLink(spare ?? '');
    expect(refused.headers.get('location')).toMatch(/\/sign-in\?error=/);
    expect(await sessionCount()).toBe(0);
    expect(await setDisabled(db, id, false, admin?.id ?? '')).toBe(true);
    expect((await signedIn(ada)).cookie).toContain('session_token');
  });

  it('limits requests per address, and per client whatever the address', async () => {
    const db = await getDb();
    await addPerson(db, ada, null);
    const from = (address: string) => ({ [peerAddressHeader]: address });
    for (let i = 0; i < defaultSignInAddressLimit; i++) {
      expect((await askForLink(ada.email, from(`192.0.2.${i}`))).headers.get('location')).toBe(
        '/sign-in/check-your-mail',
      );
    }
    const limited = await askForLink(ada.email, from('192.0.2.200'));
    expect(limited.headers.get('location')).toBe('/sign-in?error=too-many');
    expect(await db.select().from(outbox)).toHaveLength(defaultSignInAddressLimit);

    vi.stubEnv('SIGN_IN_CLIENT_LIMIT', '3');
    try {
      const answers = [];
      for (let i = 0; i < 4; i++)
        answers.push((await askForLink(`guess${i}@example.coop`, from('198.51.100.7'))).headers.get('location'));
      expect(answers).toEqual([...Array(3).fill('/sign-in/check-your-mail'), '/sign-in?error=too-many']);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('signing out', () => {
  const post = (cookie: string, everywhere = false) =>
    signOut(
      new Request('http://localhost:3000/sign-out', {
        method: 'POST',
        headers: { cookie, origin: 'http://localhost:3000' },
        body: new URLSearchParams(everywhere ? { everywhere: '1' } : {}),
      }),
    );

  it('ends this session only, or every session of the person', async () => {
    const laptop = await signedIn(ada);
    const phone = await signedIn(ada);
    const out = await post(laptop.cookie);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/sign-in?signed-out=1');
    expect(out.headers.get('set-cookie')).toMatch(/session_token=;/);
    expect(await who(laptop.cookie)).toBeUndefined();
    expect((await who(phone.cookie))?.email).toBe(ada.email);

    const tablet = await signedIn(ada);
    const everywhere = await post(tablet.cookie, true);
    expect(everywhere.headers.get('location')).toBe('/sign-in?signed-out=everywhere');
    expect(await who(phone.cookie)).toBeUndefined();
    expect(await who(tablet.cookie)).toBeUndefined();
  });

  it('refuses a request from another site', async () => {
    const { cookie } = await signedIn(ada);
    const forged = await signOut(
      new Request('http://localhost:3000/sign-out', {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.example' },
        body: new URLSearchParams({ everywhere: '1' }),
      }),
    );
    expect(forged.status).toBe(403);
    expect((await who(cookie))?.email).toBe(ada.email);
  });
});
