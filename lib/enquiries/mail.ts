import { escapeHtml } from '@/lib/html';
import { headerText, htmlParagraphs, htmlTable, textTable, type Mail } from '@/lib/mail/compose';
import { site } from '@/lib/site';
import { enquiryDetails, enquiryNameOf, kindOfEnquiry, type DetailContext } from './details';
import type { StoredEnquiry } from './store';

export type EnquiryMailSettings = DetailContext & {
  notifyTo: string;
  adminUrl: string;
  /** The member co-ops a brief may be forwarded to, by slug, with their own address if they have one. */
  coops: ReadonlyMap<string, { name: string; email?: string }>;
  /** Where a brief forwarded to a co-op without an address of its own goes (lib/site.ts). */
  leadsFallbackEmail: string;
};

/** The details members and co-ops read in a mail, after the reference the sender was given to quote. */
const rows = (enquiry: StoredEnquiry, settings: DetailContext) => [
  ['Reference', enquiry.reference] as const,
  ...enquiryDetails(kindOfEnquiry(enquiry), enquiry, settings).map(({ label, value }) => [label, value] as const),
];

/** The notification to the network: every detail the kind shows members, and a link to the enquiry's page. */
export function composeNotification(enquiry: StoredEnquiry, settings: EnquiryMailSettings): Mail {
  const kind = kindOfEnquiry(enquiry);
  const details = rows(enquiry, settings);
  const link = `${settings.adminUrl}/admin/enquiries/${enquiry.id}`;
  const intro = kind.mail.intro(site);
  return {
    to: settings.notifyTo,
    replyTo: enquiry.email,
    subject: headerText(`${kind.mail.subject}: ${enquiryNameOf(kind, enquiry)}`),
    text: `${intro}\n\n${textTable(details)}\n\n${kind.mail.link}: ${link}\n`,
    html: `${htmlParagraphs([intro])}${htmlTable(details)}<p><a href="${escapeHtml(link)}">${escapeHtml(kind.mail.link)}</a></p>`,
  };
}

/**
 * The receipt goes to an address nobody has confirmed: anyone can type a stranger's. So it carries nothing the
 * sender typed (no names, no description, no phone, no links), only the kind's fixed words and the enquiry's
 * reference, and says what to do if the reader did not send it. The site cannot be used to mail someone else's text.
 */
export function composeReceipt(enquiry: StoredEnquiry): Mail {
  const { receipt } = kindOfEnquiry(enquiry).mail;
  const [first = '', ...rest] = receipt.paragraphs(site);
  const paragraphs = [
    first,
    `Its reference is ${enquiry.reference}.`,
    ...rest,
    `If you did not send it, someone else gave your address. Write to ${site.email} quoting the reference, and we will delete the ${receipt.noun} and not write to you again.`,
  ];
  return {
    to: enquiry.email,
    subject: receipt.subject(site),
    text: `${paragraphs.join('\n\n')}\n\n${site.name}\n${site.email}\n`,
    html: `${htmlParagraphs(paragraphs)}<p>${escapeHtml(site.name)}<br>${escapeHtml(site.email)}</p>`,
  };
}

/**
 * A brief forwarded to one member co-op, with every detail (escaped, as the notification) and a reply-to the
 * client, so the co-op answers the client directly. A co-op with no address of its own is reached through the
 * network's fallback address, with its name in the subject so whoever reads it there knows where it belongs.
 */
export function composeForwardMail(enquiry: StoredEnquiry, coopSlug: string, settings: EnquiryMailSettings): Mail {
  const coop = settings.coops.get(coopSlug);
  if (!coop) throw new Error(`co-op ${coopSlug} is not a current member: brief ${enquiry.id} not forwarded to it`);
  const details = rows(enquiry, settings);
  const name = enquiryNameOf(kindOfEnquiry(enquiry), enquiry);
  const paragraphs = [
    `Members of ${site.name} (${site.shortName}) have passed this client's brief to ${coop.name}.`,
    ...(coop.email
      ? []
      : [`${coop.name} has no address of its own in the directory: please pass this brief on to them.`]),
    'Reply to this mail to write to the client.',
  ];
  return {
    to: coop.email ?? settings.leadsFallbackEmail,
    replyTo: enquiry.email,
    subject: headerText(coop.email ? `Brief from ${site.shortName}: ${name}` : `Brief for ${coop.name}: ${name}`),
    text: `${paragraphs.join('\n\n')}\n\n${textTable(details)}\n`,
    html: `${htmlParagraphs(paragraphs)}${htmlTable(details)}`,
  };
}
