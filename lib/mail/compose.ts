import { escapeHtml } from '@/lib/html';

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
