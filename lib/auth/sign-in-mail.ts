import { AsyncLocalStorage } from 'node:async_hooks';
import { escapeHtml } from '@/lib/html';
import { htmlParagraphs, type Mail } from '@/lib/mail/compose';
import { site } from '@/lib/site';

/** How long a sign-in link and code work, in minutes: said in the mail and enforced by lib/auth/server.ts and the outbox. */
export const signInLinkMinutes = 15;

/** Digits in a sign-in code: few enough to type, and with three tries per code, too many to guess. */
export const signInCodeLength = 8;

/**
 * The page a mailed link opens: it shows one button and spends nothing, so a mail scanner that opens the link
 * leaves it for the person (app/sign-in/confirm/page.tsx).
 */
export function confirmationLink(token: string, email: string): string {
  const url = new URL('/sign-in/confirm', site.url);
  url.searchParams.set('token', token);
  url.searchParams.set('email', email);
  return url.toString();
}

/** What one sign-in request made: better-auth hands the link and the code to two callbacks, and one mail carries both. */
export type IssuedSignIn = { link?: string; code?: string };

// better-auth's object lives on globalThis (lib/auth/server.ts) and is made by whichever bundle asks first: a page
// checking a returning cookie as often as the sign-in route. Its callbacks read this store and the sign-in route
// fills it, each from its own bundle's copy of this module, so the store itself lives on globalThis too: a store
// per bundle left every callback made from a page reading one nobody filled, and no sign-in mail went out.
const key = Symbol.for('cotech.issuedSignIn');
const holder = globalThis as typeof globalThis & { [key]?: AsyncLocalStorage<IssuedSignIn> };
export const issuedSignIn = (holder[key] ??= new AsyncLocalStorage<IssuedSignIn>());

/** The request being issued, for better-auth's callbacks; they run only inside lib/auth/sign-in.ts's issueSignIn. */
export function currentIssue(): IssuedSignIn {
  const issued = issuedSignIn.getStore();
  if (!issued) throw new Error('A sign-in link or code was made outside a sign-in request');
  return issued;
}

/** A member's one-time sign-in link and code. Only our own words, the link and the code: nothing anyone typed. */
export function composeSignInMail(to: string, link: string, code: string): Mail {
  const paragraphs = [
    `Someone asked to sign in to the ${site.shortName} members' admin with this address.`,
    `If it was you, open this link within ${signInLinkMinutes} minutes and press the button on the page. It works once.`,
  ];
  const byCode = `Or type this code on the sign-in page, with your address: ${code}`;
  const ignore = 'If it was not you, ignore this mail: nobody can sign in without the link or the code.';
  return {
    to,
    subject: `Sign in to the ${site.shortName} members' admin`,
    text: `${paragraphs.join('\n\n')}\n\n${link}\n\n${byCode}\n\n${ignore}\n`,
    html: `${htmlParagraphs(paragraphs)}<p><a href="${escapeHtml(link)}">Sign in</a></p>${htmlParagraphs([byCode, ignore])}`,
  };
}
