// The pages a browser is shown when `npm start`'s server refuses its request before Next.js sees it
// (server/server.ts): a form too large to send (413), one sent in chunks (411), an address that is not one (400) or
// has too many parts (414), or an encoded slash (404). Each is prerendered in the site's layout (app/refused/[status]
// and the app's own 404 page) and sent with the refusal's status to requests that accept HTML; other clients keep the
// one line of plain text. It imports only what imports nothing: plain Node.js loads it from server/ as it is.

import { maxLogoBytes } from '../logo-limit.ts';

/** What the refusal pages say, by status. */
export const refusalPages = {
  400: {
    title: 'This address cannot be read',
    paragraphs: [
      'The address your browser asked for is not the address of a page here. It may have been mistyped, or cut ' +
        'short when it was copied.',
    ],
  },
  411: {
    title: 'This form could not be read',
    paragraphs: [
      'Your browser sent the form without saying how long it was, which this site does not take. Go back to the ' +
        'form and send it again.',
    ],
  },
  413: {
    title: 'That was too much to send',
    paragraphs: [
      `What you sent is larger than this site takes: a logo may have at most ${maxLogoBytes / 1024} KiB, and a ` +
        'message a few thousand words.',
      'Go back to the form with your browser’s Back button, where what you typed is usually kept, make it ' +
        'smaller, and send it again.',
    ],
  },
  414: {
    title: 'This address is too long',
    paragraphs: [
      'The address your browser asked for has more parts after its “?” than any page here takes. Go back to the ' +
        'page you came from, or start again from the home page.',
    ],
  },
} as const;

export type RefusalStatus = keyof typeof refusalPages;

export const refusalStatuses = Object.keys(refusalPages).map(Number) as RefusalStatus[];

/** Where the page for a refusal is prerendered. */
export const refusalPagePath = (status: RefusalStatus) => `/refused/${status}`;
