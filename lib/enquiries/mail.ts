import { escapeHtml } from '@/lib/html';
import { site } from '@/lib/site';
import type { MailKind } from '@/lib/db/schema';
import { legalForms, type LegalForm } from './schema';
import type { StoredEnquiry } from './store';

export type Mail = { to: string; replyTo?: string; subject: string; text: string; html: string };

export type MailSettings = { notifyTo: string; adminUrl: string };

/** Header values never carry line breaks, whatever the applicant typed: no header injection. */
const headerText = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

function details(enquiry: StoredEnquiry): [string, string][] {
  return [
    ['Co-op', enquiry.coopName],
    ['Contact', enquiry.contactName],
    ['Email', enquiry.email],
    ['Website', enquiry.website ?? '—'],
    ['Location', enquiry.location],
    ['Legal form', legalForms[enquiry.legalForm as LegalForm] ?? enquiry.legalForm],
    ['About the co-op', enquiry.description],
    ['Evidence', enquiry.evidenceUrl ?? '—'],
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

/** The two mails an enquiry sends: a notification to the network and a receipt to the applicant. */
export function composeMail(kind: MailKind, enquiry: StoredEnquiry, settings: MailSettings): Mail {
  const rows = details(enquiry);
  if (kind === 'notification') {
    const link = `${settings.adminUrl}/admin/enquiries/${enquiry.id}`;
    return {
      to: settings.notifyTo,
      replyTo: enquiry.email,
      subject: headerText(`Join enquiry: ${enquiry.coopName}`),
      text: `A co-op has asked to join ${site.shortName}.\n\n${textTable(rows)}\n\nTriage it: ${link}\n`,
      html: `<p>A co-op has asked to join ${escapeHtml(site.shortName)}.</p>${htmlTable(rows)}<p><a href="${escapeHtml(link)}">Triage it</a></p>`,
    };
  }
  const intro = `Thank you for your enquiry to join ${site.name}. Members of the network will read it and reply to you at this address; membership is then proposed to the members on Loomio.`;
  return {
    to: enquiry.email,
    subject: headerText(`We have received your enquiry to join ${site.shortName}`),
    text: `Dear ${enquiry.contactName},\n\n${intro}\n\nThis is what you sent us:\n\n${textTable(rows)}\n\n${site.name}\n${site.email}\n`,
    html: `<p>Dear ${escapeHtml(enquiry.contactName)},</p><p>${escapeHtml(intro)}</p><p>This is what you sent us:</p>${htmlTable(rows)}<p>${escapeHtml(site.name)}<br>${escapeHtml(site.email)}</p>`,
  };
}
