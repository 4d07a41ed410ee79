// What server/server.ts accepts as a request's target before Next.js sees it, in linear time. Node.js's parser lets
// through targets that Next.js cannot route: `//`, `//@`, `//:` make `new URL()` throw (an exception in the request
// listener leaves the request unanswered), a path that does not percent-decode (`/%`, `/%ff`) makes Next.js answer
// 500, and so does a percent-encoded form of a page's path (lib/http/canonical-path.ts). A query string of many
// parameters costs Next.js time that grows with the square of their number (3,000 pairs, 12 KB: 430 ms of the
// main thread), and no page of ours takes more than a hundred.
import { canonicalPath } from '../lib/http/canonical-path.ts';

/** More parameters than any page takes: the member and brief filters take a few, one per chosen service at most. */
export const maxQueryParameters = 100;

export type TargetRefusal = { status: 400 | 404 | 414; reason: string };

/**
 * The target as the origin-form path (and query) Next.js routes, or undefined when it is malformed: not a path, a
 * path starting `//` (a scheme-relative address, not a path), or one that does not percent-decode to UTF-8. The
 * absolute form a client may send (RFC 9112 §3.2.2) is accepted and reduced to its path.
 */
export function originForm(target: string): string | undefined {
  let path = target;
  if (/^https?:\/\//i.test(target)) {
    try {
      const url = new URL(target);
      path = `${url.pathname}${url.search}`;
    } catch {
      return undefined;
    }
  }
  if (!path.startsWith('/') || path.startsWith('//')) return undefined;
  const query = path.indexOf('?');
  try {
    decodeURIComponent(query === -1 ? path : path.slice(0, query));
  } catch {
    return undefined;
  }
  return path;
}

/** How many `&`-separated parameters `query` (without its `?`) has, counting no further than `limit + 1`. */
function parameterCount(query: string, limit: number): number {
  let count = 1;
  for (let at = query.indexOf('&'); at !== -1 && count <= limit; at = query.indexOf('&', at + 1)) count++;
  return count;
}

/** The target Next.js is given (its path made canonical) and its path, or why it is refused. */
export function requestTarget(target: string): { target: string; path: string } | TargetRefusal {
  const origin = originForm(target);
  if (origin === undefined) return { status: 400, reason: 'Bad request: the request target is not a path.' };
  const queryAt = origin.indexOf('?');
  const path = queryAt === -1 ? origin : origin.slice(0, queryAt);
  const query = queryAt === -1 ? '' : origin.slice(queryAt);
  if (query.length > 1 && parameterCount(query.slice(1), maxQueryParameters) > maxQueryParameters) {
    return { status: 414, reason: `URI too long: a query may have at most ${maxQueryParameters} parameters.` };
  }
  const canonical = canonicalPath(path);
  if (canonical === undefined) return { status: 404, reason: 'Not found.' };
  return { target: canonical === path ? origin : `${canonical}${query}`, path: canonical };
}
