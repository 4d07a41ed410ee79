// Percent-encoded forms of a path (`/s%69gn-in`, `/j%6fin`): Next.js 16 routes them by their decoded path to a
// page, whose handler then does not match the path it was given and hands it back; the router tries again, up to
// five times, and answers 500 "Attempted to handle request too many times", leaking listeners on each try. So the
// path is made canonical before Next.js routes it: by `npm start`'s server in place (server/request-target.ts),
// and under `next start` by proxy.ts, which redirects to it.
// It imports nothing: plain Node.js loads it from server/ as it is, and Next.js bundles it into the app.

// RFC 3986 §2.3: percent-encoded letters, digits, `-`, `.`, `_` and `~` are the same URI decoded (§6.2.2.2).
const encodedUnreserved = /%(?:[46][1-9A-F]|[57][0-9A]|3[0-9]|2[DE]|5F|7E)/gi;
// An encoded slash or backslash names a path segment no route has: decoded, it would name another path.
const encodedSeparator = /%(?:2F|5C)/i;

/**
 * The path (without its query) as Next.js can route it: encoded unreserved characters decoded, or undefined when
 * it has an encoded `/` or `\`, which is answered 404. Linear in the path's length; a path without `%` is returned
 * as it is.
 */
export function canonicalPath(path: string): string | undefined {
  if (!path.includes('%')) return path;
  if (encodedSeparator.test(path)) return undefined;
  return path.replace(encodedUnreserved, (encoded) => String.fromCharCode(parseInt(encoded.slice(1), 16)));
}
