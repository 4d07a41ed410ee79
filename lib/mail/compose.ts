import { escapeHtml } from '@/lib/html';
import { site } from '@/lib/site';
import { colors } from '@/lib/theme';

export type Mail = { to: string; replyTo?: string; subject: string; text: string; html: string };

/** Header values never carry line breaks, whatever a sender typed: no header injection. */
export const headerText = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();

/** Rows of label and value, as plain text and as an HTML table (escaped). */
export const textTable = (rows: readonly (readonly [string, string])[]) =>
  rows.map(([label, value]) => `${label}: ${value}`).join('\n');

export const htmlTable = (rows: readonly (readonly [string, string])[]) =>
  `<table>${rows
    .map(
      ([label, value]) =>
        `<tr><th align="left" valign="top">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('')}</table>`;

export const htmlParagraphs = (paragraphs: readonly string[]) =>
  paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('');

const font = 'font-family:Helvetica,Arial,sans-serif';

/**
 * A mail's HTML as a whole document in the site's frame: the wordmark at the top, then the mail's own HTML. The
 * wordmark is text styled in the theme's colours, not a picture: mail clients drop inline SVG (Gmail, Outlook), and
 * most hold back a picture from a web address until the reader allows it (and fetching it tells the sender that the
 * mail was opened), so a logo as an image would show as a gap or a broken image where text always reads, in dark
 * mode and in a reader's own font too. It is not a link: a receipt goes to an address nobody has confirmed, and
 * carries no link at all (lib/enquiries/mail.ts).
 */
export function mailDocument(subject: string, html: string): string {
  return (
    `<!DOCTYPE html><html lang="${site.language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:16px;background:${colors.paper};color:${colors.ink};${font};font-size:16px;line-height:1.5">` +
    `<div style="max-width:600px;margin:0 auto">` +
    `<p style="margin:0 0 16px;padding:0 0 8px;border-bottom:4px solid ${colors.brand.DEFAULT}">` +
    `<strong style="font-size:24px;color:${colors.brand.dark};letter-spacing:0.5px">${escapeHtml(site.shortName)}</strong> ` +
    `<span style="font-size:14px;color:${colors.muted}">${escapeHtml(site.name)}</span></p>` +
    `${html}</div></body></html>`
  );
}
