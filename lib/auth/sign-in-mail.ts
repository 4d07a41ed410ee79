import { escapeHtml } from '@/lib/html';
import { htmlParagraphs, type Mail } from '@/lib/mail/compose';
import { site } from '@/lib/site';

/** How long a sign-in link works, in minutes: said in the mail and enforced by lib/auth/server.ts and the outbox. */
export const signInLinkMinutes = 15;

/** A member's one-time sign-in link. Only our own words and the link: nothing anyone typed. */
export function composeSignInMail(to: string, link: string): Mail {
  const paragraphs = [
    `Someone asked to sign in to the ${site.shortName} members' admin with this address.`,
    `If it was you, follow this link within ${signInLinkMinutes} minutes. It works once.`,
  ];
  const ignore = 'If it was not you, ignore this mail: nobody can sign in without the link.';
  return {
    to,
    subject: `Sign in to the ${site.shortName} members' admin`,
    text: `${paragraphs.join('\n\n')}\n\n${link}\n\n${ignore}\n`,
    html: `${htmlParagraphs(paragraphs)}<p><a href="${escapeHtml(link)}">Sign in</a></p>${htmlParagraphs([ignore])}`,
  };
}
