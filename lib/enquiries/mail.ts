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
};

/** Where a forwarded brief goes: the co-op's name and its addresses (lib/hire/forwarding.ts finds them). */
export type ForwardRecipient = { name: string; addresses: readonly string[] };

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
 * client, so the co-op answers the client directly. It goes to the co-op's own addresses alone, never the
 * network's: a co-op with none (its contacts unlinked since the brief was forwarded) throws, and the outbox tries
 * again later, when someone may have been linked to it.
 */
export function composeForwardMail(enquiry: StoredEnquiry, coop: ForwardRecipient, settings: DetailContext): Mail {
  if (coop.addresses.length === 0) {
    throw new Error(
      `${coop.name} has no address yet: brief ${enquiry.id} waits until its entry or a contact gives one`,
    );
  }
  const details = rows(enquiry, settings);
  const name = enquiryNameOf(kindOfEnquiry(enquiry), enquiry);
  const paragraphs = [
    `Members of ${site.name} (${site.shortName}) have passed this client's brief to ${coop.name}.`,
    'Reply to this mail to write to the client.',
  ];
  return {
    to: coop.addresses.join(', '),
    replyTo: enquiry.email,
    subject: headerText(`Brief from ${site.shortName}: ${name}`),
    text: `${paragraphs.join('\n\n')}\n\n${textTable(details)}\n`,
    html: `${htmlParagraphs(paragraphs)}${htmlTable(details)}`,
  };
}
