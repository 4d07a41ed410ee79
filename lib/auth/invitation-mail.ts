import { escapeHtml } from '@/lib/html';
import { htmlParagraphs, type Mail } from '@/lib/mail/compose';
import type { Role } from '@/lib/db/schema';
import { site } from '@/lib/site';

/** Where a person signs in: the sign-in page, which mails them a link and a code. */
export const signInPage = () => new URL('/sign-in', site.url).toString();

/** What a person of each role can do once signed in, in a sentence; a contact's names their co-ops. */
export function whatTheyCanDo(role: Role, coops: readonly string[]): string {
  const keeping =
    coops.length > 0 ? `keep the entry of ${listed(coops)} in the ${site.shortName} directory current` : '';
  if (role === 'contact') {
    return keeping
      ? `You can ${keeping}: correct it, add your logo, or say it is still right.`
      : `You can keep your co-op's entry in the ${site.shortName} directory current once an admin links you to it.`;
  }
  const triage = 'triage the join enquiries and client briefs that reach the network, and forward briefs to co-ops';
  const admin = role === 'admin' ? ', and manage who may sign in' : '';
  return `You can ${triage}${admin}${keeping ? `; you can also ${keeping}` : ''}.`;
}

const listed = (names: readonly string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The invitation of a person who may now sign in: what they can do and how to sign in. It carries no link that signs
 * in, only the sign-in page, where they ask for one with this address: a mail forwarded or read by someone else
 * gives nobody a way in. Only our own words, the person's name and the directory's co-op names.
 */
export function composeInvitationMail(
  person: { email: string; name: string; role: Role },
  coops: readonly string[],
): Mail {
  const page = signInPage();
  const paragraphs = [
    `Hello ${person.name},`,
    `You have been given an account on the ${site.name} (${site.shortName}) website, ${site.url}.`,
    whatTheyCanDo(person.role, coops),
    `To sign in, open the sign-in page and give this address, ${person.email}. We then mail you a link and a code: either one signs you in. There is no password to remember.`,
  ];
  const after = `If you did not expect this, ignore this mail or write to ${site.email}.`;
  return {
    to: person.email,
    subject: `You can now sign in to the ${site.shortName} website`,
    text: `${paragraphs.join('\n\n')}\n\n${page}\n\n${after}\n`,
    html: `${htmlParagraphs(paragraphs)}<p><a href="${escapeHtml(page)}">Sign in</a></p>${htmlParagraphs([after])}`,
  };
}
