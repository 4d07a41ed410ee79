import { escapeHtml } from '@/lib/html';
import { site } from '@/lib/site';
import { budgets, timescales, type Budget, type Timescale } from './brief-schema';
import { legalForms } from './schema';
import type { StoredEnquiry } from './store';

export type Mail = { to: string; replyTo?: string; subject: string; text: string; html: string };

export type MailSettings = {
  notifyTo: string;
  adminUrl: string;
  /** The service names by slug, for a brief's notification. */
  serviceNames: ReadonlyMap<string, string>;
  /** The member co-ops a brief may be forwarded to, by slug, with their own address if they have one. */
  coops: ReadonlyMap<string, { name: string; email?: string }>;
  /** Where a brief forwarded to a co-op without an address of its own goes (lib/site.ts). */
  leadsFallbackEmail: string;
};

/** Header values never carry line breaks, whatever the applicant typed: no header injection. */
const headerText = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

const label = <K extends string>(labels: Record<K, string>, key: string | null) =>
  key === null ? '—' : (labels[key as K] ?? key);

function details(enquiry: StoredEnquiry): [string, string][] {
  return [
    ['Co-op', enquiry.coopName ?? '—'],
    ['Contact', enquiry.contactName],
    ['Email', enquiry.email],
    ['Website', enquiry.website ?? '—'],
    ['Location', enquiry.location ?? '—'],
    ['Legal form', label(legalForms, enquiry.legalForm)],
    ['About the co-op', enquiry.description],
    ['Evidence', enquiry.evidenceUrl ?? '—'],
  ];
}

/** A brief's fields as a member reads them; `serviceNames` turns the stored slugs into the directory's names. */
export function briefDetails(enquiry: StoredEnquiry, serviceNames: ReadonlyMap<string, string>): [string, string][] {
  const where = [enquiry.location, enquiry.remote ? 'remote is fine' : undefined].filter(Boolean).join('; ');
  return [
    ['Organisation', enquiry.organisation ?? '—'],
    ['Contact', enquiry.contactName],
    ['Email', enquiry.email],
    ['What they need', enquiry.description],
    ['Services', (enquiry.services ?? []).map((slug) => serviceNames.get(slug) ?? slug).join(', ') || '—'],
    ['Technologies', (enquiry.technologies ?? []).join(', ') || '—'],
    ['Budget', label(budgets as Record<Budget, string>, enquiry.budget)],
    ['Timescale', label(timescales as Record<Timescale, string>, enquiry.timescale)],
    ['Location', where || '—'],
  ];
}

const textTable = (rows: [string, string][]) => rows.map(([label, value]) => `${label}: ${value}`).join('\n');
const htmlTable = (rows: [string, string][]) =>
  `<table>${rows
    .map(
      ([label, value]) =>
        `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('')}</table>`;

/** How long a sign-in link works, in minutes: said in the mail and enforced by lib/auth/server.ts. */
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
    html: `${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}<p><a href="${escapeHtml(link)}">Sign in</a></p><p>${escapeHtml(ignore)}</p>`,
  };
}

/** The two mails an enquiry sends: a notification to the network and a receipt to the applicant or client. */
export function composeMail(kind: 'notification' | 'receipt', enquiry: StoredEnquiry, settings: MailSettings): Mail {
  if (enquiry.kind === 'brief')
    return kind === 'receipt' ? briefReceipt(enquiry) : briefNotification(enquiry, settings);
  if (kind === 'receipt') return receipt(enquiry);
  const rows = details(enquiry);
  const link = `${settings.adminUrl}/admin/enquiries/${enquiry.id}`;
  return {
    to: settings.notifyTo,
    replyTo: enquiry.email,
    subject: headerText(`Join enquiry: ${enquiry.coopName ?? ''}`),
    text: `A co-op has asked to join ${site.shortName}.\n\n${textTable(rows)}\n\nTriage it: ${link}\n`,
    html: `<p>A co-op has asked to join ${escapeHtml(site.shortName)}.</p>${htmlTable(rows)}<p><a href="${escapeHtml(link)}">Triage it</a></p>`,
  };
}

/**
 * The receipt goes to an address nobody has confirmed: anyone can type a stranger's. So it carries nothing the
 * sender typed (no names, no description, no links), only our own fixed words and the enquiry's reference, and
 * says what to do if the reader did not send it. The site cannot be used to mail someone else's text.
 */
function receipt(enquiry: StoredEnquiry): Mail {
  const paragraphs = [
    `We have received an enquiry to join ${site.name} (${site.shortName}) that gave this email address.`,
    `Its reference is ${enquiry.id}.`,
    'Members of the network will read it and reply to this address; membership is then proposed to the members on Loomio.',
    `If you did not send it, someone else gave your address. Write to ${site.email} quoting the reference, and we will delete the enquiry and not write to you again.`,
  ];
  return {
    to: enquiry.email,
    subject: `We have received an enquiry to join ${site.shortName}`,
    text: `${paragraphs.join('\n\n')}\n\n${site.name}\n${site.email}\n`,
    html: `${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}<p>${escapeHtml(site.name)}<br>${escapeHtml(site.email)}</p>`,
  };
}

function briefNotification(enquiry: StoredEnquiry, settings: MailSettings): Mail {
  const rows = briefDetails(enquiry, settings.serviceNames);
  const link = `${settings.adminUrl}/admin/enquiries/${enquiry.id}`;
  return {
    to: settings.notifyTo,
    replyTo: enquiry.email,
    subject: headerText(`Brief: ${enquiry.organisation ?? ''}`),
    text: `A client has sent ${site.shortName} a brief.\n\n${textTable(rows)}\n\nSee the suggested co-ops: ${link}\n`,
    html: `<p>A client has sent ${escapeHtml(site.shortName)} a brief.</p>${htmlTable(rows)}<p><a href="${escapeHtml(link)}">See the suggested co-ops</a></p>`,
  };
}

/** As the join receipt: only our own words and the reference, never what the sender typed. */
function briefReceipt(enquiry: StoredEnquiry): Mail {
  const paragraphs = [
    `We have received a brief for work sent to ${site.name} (${site.shortName}) that gave this email address.`,
    `Its reference is ${enquiry.id}.`,
    'Members of the network will read it and pass it to the member co-ops best placed to help, who will reply to this address.',
    `If you did not send it, someone else gave your address. Write to ${site.email} quoting the reference, and we will delete the brief and not write to you again.`,
  ];
  return {
    to: enquiry.email,
    subject: `We have received your brief to ${site.shortName}`,
    text: `${paragraphs.join('\n\n')}\n\n${site.name}\n${site.email}\n`,
    html: `${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('')}<p>${escapeHtml(site.name)}<br>${escapeHtml(site.email)}</p>`,
  };
}

/**
 * A brief forwarded to one member co-op, with every detail (escaped, as the notification) and a reply-to the
 * client, so the co-op answers the client directly. A co-op with no address of its own is reached through the
 * network's fallback address, with its name in the subject so whoever reads it there knows where it belongs.
 */
export function composeForwardMail(enquiry: StoredEnquiry, coopSlug: string, settings: MailSettings): Mail {
  const coop = settings.coops.get(coopSlug);
  if (!coop) throw new Error(`co-op ${coopSlug} is not a current member: brief ${enquiry.id} not forwarded to it`);
  const rows = briefDetails(enquiry, settings.serviceNames);
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
    subject: headerText(
      coop.email
        ? `Brief from ${site.shortName}: ${enquiry.organisation ?? ''}`
        : `Brief for ${coop.name}: ${enquiry.organisation ?? ''}`,
    ),
    text: `${paragraphs.join('\n\n')}\n\n${textTable(rows)}\n`,
    html: `${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${htmlTable(rows)}`,
  };
}
