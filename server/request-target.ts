// What server/server.ts accepts as a request's target before Next.js sees it. Node.js's parser lets through
// targets that Next.js cannot route: `//`, `//@`, `//:` make `new URL()` throw (an exception in the request
// listener leaves the request unanswered), and a path that does not percent-decode (`/%`, `/%ff`) makes Next.js
// answer 500. Anything but a plain path is answered 400 here, in linear time.

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
