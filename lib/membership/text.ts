import { legalForms, joinKind, type LegalForm } from '@/lib/enquiry-kinds/join';
import { escapeHtml } from '@/lib/html';
import { htmlParagraphs, type Mail } from '@/lib/mail/compose';
import { site } from '@/lib/site';
import { slugify, slugPattern } from '@/lib/slug';

/** The statuses a join enquiry reaches only through the decision's own steps, never the triage form's. */
export const decidedStatuses: readonly string[] = ['approved', 'declined'];

/**
 * The statuses the triage form offers an enquiry: its kind's, but for a join enquiry not the decision's own; once
 * decided, only the decision.
 */
export function triageStatuses(kind: string, statuses: readonly string[], current: string): readonly string[] {
  if (kind !== 'join') return statuses;
  if (decidedStatuses.includes(current)) return [current];
  return statuses.filter((status) => !decidedStatuses.includes(status));
}

/** What the membership texts read of a join enquiry. */
export type Applicant = {
  coopName: string | null;
  contactName: string;
  email: string;
  website: string | null;
  location: string | null;
  legalForm: string | null;
  description: string;
  evidenceUrl: string | null;
};

const legalForm = (value: string | null) => (value ? (legalForms[value as LegalForm] ?? value) : 'not given');

/** The conditions the form asked the co-op to confirm, in the form's words (consent to storage is not one). */
const conditions = joinKind.confirmations.filter((field) => field.name !== 'consent').map((field) => field.label);

/**
 * The members' proposal, prepared from the enquiry to paste into Loomio: who the co-op is, what it told us, and how
 * it answers each of the network's four conditions (it confirmed each on the form; the form refuses an enquiry
 * that does not).
 */
export function proposalText(applicant: Applicant): string {
  const name = applicant.coopName ?? 'The co-op';
  return [
    `Proposal: ${name} joins ${site.shortName}`,
    '',
    `${name} has asked to join ${site.name}. Should it become a member?`,
    '',
    `Website: ${applicant.website ?? 'not given'}`,
    `Location: ${applicant.location ?? 'not given'}`,
    `Legal form: ${legalForm(applicant.legalForm)}`,
    `Evidence: ${applicant.evidenceUrl ?? 'not given'}`,
    '',
    'About the co-op, in its own words:',
    applicant.description.trim(),
    '',
    'The conditions of membership: on its enquiry the co-op confirmed that',
    ...conditions.map((condition) => `- ${condition.replace(/^Our co-op /, 'it ')}`),
  ].join('\n');
}

/** The slug a new co-op's entry is proposed under: from its name, as the directory's files are named. */
export const slugFor = (coopName: string | null) => slugify(coopName ?? '');

/** What stops a step of the decision, in words: its code travels in the page's address (`?decision=`). */
export const decisionProblems = {
  missing: 'There is no such join enquiry.',
  erased: 'This enquiry’s details were erased: there is nobody to welcome or reply to.',
  decided: 'The members have already decided on this enquiry.',
  'loomio-link': 'Give the Loomio proposal’s address, starting with https://.',
  'slug-format': 'The entry’s address must be lower-case letters, digits and hyphens, such as new-co-op.',
  'slug-taken': 'The directory already has a co-op at that address, or another approval took it: choose another.',
  'reply-empty': 'Write the reply to the co-op: it is sent with the decision.',
} as const;
export type DecisionProblem = keyof typeof decisionProblems;
export const isDecisionProblem = (code: string | undefined): code is DecisionProblem =>
  code !== undefined && Object.hasOwn(decisionProblems, code);

/** Why a slug cannot name a new entry, or undefined when it can (taken: another entry or decision has it). */
export function slugProblem(slug: string, taken: (slug: string) => boolean): DecisionProblem | undefined {
  if (!slugPattern.test(slug)) return 'slug-format';
  if (taken(slug)) return 'slug-taken';
  return undefined;
}

/**
 * The new entry's front matter, from the enquiry: its name, website and town, a member, and the day it joined. The
 * co-op's people add the rest (description, services, technologies, logo) once they sign in.
 */
export function entryChanges(applicant: Applicant, joined: Date): Record<string, unknown> {
  return {
    name: applicant.coopName,
    member: true,
    ...(applicant.website && { website: applicant.website }),
    ...(applicant.location && { town: applicant.location }),
    joined: joined.toISOString().slice(0, 10),
  };
}

/** A kind reply to a declined co-op, for a member to edit before it is sent. */
export function declineDraft(applicant: Applicant): string {
  return [
    `Dear ${applicant.contactName},`,
    '',
    `Thank you for asking to join ${site.name} on behalf of ${applicant.coopName ?? 'your co-op'}, and for the time you gave to it.`,
    '',
    'The members have discussed your enquiry and decided not to offer membership at this time. [Say why, and what would change it.]',
    '',
    `We wish you well, and you are welcome to ask again should things change. If you have any questions, reply to this mail.`,
    '',
    `${site.shortName} members`,
  ].join('\n');
}

/** Where a new co-op's page will be, once its entry is published. */
export const coopPageUrl = (slug: string) => new URL(`/co-op/${slug}`, site.url).toString();

/**
 * The welcome of an approved co-op's contact: they are in, how to sign in (the sign-in page, no link that signs
 * in), and how to complete the entry the network's editors are adding.
 */
export function composeWelcomeMail(applicant: Applicant, slug: string): Mail {
  const signIn = new URL('/sign-in', site.url).toString();
  const name = applicant.coopName ?? 'your co-op';
  const paragraphs = [
    `Dear ${applicant.contactName},`,
    `Welcome to ${site.name}: the members have approved ${name} joining the network.`,
    `Its entry in the ${site.shortName} directory is on its way: the network's editors publish it at ${coopPageUrl(slug)} with its name, website and town. You are its contact, so you can complete it.`,
    `To sign in, open the sign-in page and give this address, ${applicant.email}. We then mail you a link and a code: either one signs you in. There is no password.`,
    `Once its page is published, open "Edit your co-op" to add its description, the services it offers, the technologies it uses and its logo. Each change goes to the editors, who publish it.`,
  ];
  const after = `If you have any questions, write to ${site.email}.`;
  return {
    to: applicant.email,
    subject: `Welcome to ${site.shortName}`,
    text: `${paragraphs.join('\n\n')}\n\n${signIn}\n\n${after}\n`,
    html: `${htmlParagraphs(paragraphs)}<p><a href="${escapeHtml(signIn)}">Sign in</a></p>${htmlParagraphs([after])}`,
  };
}

/** The reply a member wrote to a declined co-op, as they wrote it. */
export function composeDeclineMail(applicant: Applicant, reply: string): Mail {
  const paragraphs = reply
    .replace(/\r\n?/g, '\n')
    .trim()
    .split(/\n{2,}/);
  return {
    to: applicant.email,
    subject: `Your enquiry to join ${site.shortName}`,
    text: `${paragraphs.join('\n\n')}\n`,
    html: htmlParagraphs(paragraphs.map((paragraph) => paragraph.replace(/\n/g, ' '))),
  };
}
