import { escapeHtml } from '@/lib/html';
import { htmlParagraphs, type Mail } from '@/lib/mail/compose';
import { site } from '@/lib/site';

/** The page where a co-op's people review and correct its entry (app/account/coops/[slug]). */
export function reviewLink(slug: string): string {
  return new URL(`/account/coops/${encodeURIComponent(slug)}`, site.url).toString();
}

/**
 * The yearly reminder to one person linked to a co-op whose entry has not been confirmed for 12 months. Only our
 * own words, the co-op's name from the directory and the link.
 */
export function composeReviewMail(to: string, coop: { slug: string; name: string }): Mail {
  const link = reviewLink(coop.slug);
  const paragraphs = [
    `You are one of the people who keep ${coop.name}'s entry in the ${site.shortName} directory current.`,
    'Nobody has confirmed it for over a year. Please check it: correct what has changed, or press "Still correct" if nothing has.',
  ];
  const after = `We ask at most once a month, and stop once the entry is confirmed.`;
  return {
    to,
    subject: `Is ${coop.name}'s entry still right?`,
    text: `${paragraphs.join('\n\n')}\n\n${link}\n\n${after}\n`,
    html: `${htmlParagraphs(paragraphs)}<p><a href="${escapeHtml(link)}">Review ${escapeHtml(coop.name)}'s entry</a></p>${htmlParagraphs([after])}`,
  };
}
