import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { signInMailParts } from '@/test/sign-in/over-http';

export type SinkMail = { to: string[]; replyTo?: string; subject: string; text: string; file: string };

/** Every mail the e2e SMTP sink has received (e2e/global-setup.ts), oldest first. */
export function mails(): SinkMail[] {
  const dir = process.env.E2E_MAIL_DIR ?? '';
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<SinkMail, 'file'>), file }));
}

/** The mails sent to `address` so far. */
export const mailsTo = (address: string) => mails().filter((mail) => mail.to.includes(address));

/**
 * The sign-in mails sent to `address` so far: a person added is also mailed an invitation, which arrives whenever
 * the outbox sends it, so a count of sign-in mails is what says a new one came.
 */
export const signInMailsTo = (address: string) =>
  mailsTo(address).filter((mail) => mail.subject.startsWith('Sign in to the '));

/** The invitations sent to `address` so far (lib/auth/invitation-mail.ts). */
export const invitationsTo = (address: string) =>
  mailsTo(address).filter((mail) => mail.subject.startsWith('You can now sign in to the '));

/**
 * Waits for the next sign-in mail to `address` (after the `seen` sign-in mails it had already), and returns its link (to our
 * confirmation page) and its code.
 */
export async function nextSignInMail(address: string, seen: number): Promise<{ link: string; code: string }> {
  await expect
    // Every 100 ms: the mail is usually there within a second, and each sign-in in the suite waits for one.
    .poll(() => signInMailsTo(address).length, {
      timeout: 15_000,
      intervals: [100],
      message: `a sign-in mail to ${address}`,
    })
    .toBeGreaterThan(seen);
  const { link, code } = signInMailParts(signInMailsTo(address)[seen]?.text ?? '');
  return { link: link.href, code };
}

/** The link of the next sign-in mail to `address` (see nextSignInMail). */
export async function nextSignInLink(address: string, seen: number): Promise<string> {
  return (await nextSignInMail(address, seen)).link;
}
