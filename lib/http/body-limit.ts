// How large a request body the site takes, decided from the request's headers before any of the body is read:
// by `npm start`'s server for every request (server/server.ts), by proxy.ts under `next start`, and the same
// limits bound Next.js's own buffers (next.config.ts). A sign-in request or a sign-out is a few dozen bytes; a
// 30 MB form used to be read whole, and acted on.
// It imports only what imports nothing: plain Node.js loads it from server/ as it is, and Next.js bundles it.

import { maxLogoBytes } from '../logo-limit.ts';

/** An enquiry (`/api/join`, `/api/briefs`) or an admin form (a note of up to 5,000 characters), in bytes. */
export const largeBodyBytes = 32 * 1024;
/**
 * A co-op's edit form in the account area (lib/proposals/form.ts), which carries a logo of up to
 * `maxLogoBytes` as a file and, after a preview, as base64 twice: in its hidden field and in the form's previous
 * state, which React sends back with the form (useActionState). Its other fields fit in `largeBodyBytes`.
 */
export const uploadBodyBytes = maxLogoBytes + 2 * Math.ceil(maxLogoBytes / 3) * 4 + largeBodyBytes;
/** Where a body may be up to `uploadBodyBytes`. */
export const uploadBodyPaths = ['/account/coops'] as const;
/** Any other body: sign-in, sign-out and whatever else takes a few fields. */
export const smallBodyBytes = 8 * 1024;

/** Where a body may be up to `largeBodyBytes`: the enquiry endpoints (lib/enquiry-kinds) and the admin. */
export const largeBodyPaths = ['/api/join', '/api/briefs', '/admin'] as const;

/** The most bytes a request to `pathname` may send. */
export function bodyLimit(pathname: string): number {
  const under = (paths: readonly string[]) =>
    paths.some((path) => pathname === path || pathname.startsWith(`${path}/`));
  if (under(uploadBodyPaths)) return uploadBodyBytes;
  const large = under(largeBodyPaths);
  return large ? largeBodyBytes : smallBodyBytes;
}

export type BodyRefusal = { status: 411 | 413; reason: string };

/**
 * Why a request with these headers is refused before its body is read, or undefined when it is not: a body
 * without a declared length (chunked) cannot be refused by its size until it has been read, so it is refused
 * as such (411); a declared length over the path's limit gets 413.
 */
export function bodyRefusal(
  pathname: string,
  contentLength: string | null | undefined,
  transferEncoding: string | null | undefined,
): BodyRefusal | undefined {
  if (transferEncoding) {
    return { status: 411, reason: 'Length required: send the body with a Content-Length, not in chunks.' };
  }
  if (!contentLength) return undefined;
  const limit = bodyLimit(pathname);
  // Node.js has checked that the header is a number; anything else is refused, not guessed at.
  const length = /^\d{1,15}$/.test(contentLength) ? Number(contentLength) : Infinity;
  if (length <= limit) return undefined;
  return { status: 413, reason: `Content too large: a request here may send at most ${limit / 1024} KiB.` };
}
