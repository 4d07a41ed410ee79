// The build's prerendered pages and route outputs (robots.txt, sitemap.xml, the fixed preview cards), served
// straight from memory by server/server.ts, the way a CDN in front of Next.js would serve them. They never change
// until the next build, and Next.js's request pipeline costs more than ten times what sending them does.
//
// Only plain document requests take this path: GET or HEAD, no query string, none of the headers the App Router
// sends for its own navigation (those ask for RSC payloads), for Server Actions or for revalidation. Everything else,
// and anything Next.js would revalidate, goes to Next.js as before.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import {
  headerRules,
  prerenderedRoutes,
  proxyMatchers,
  readRouteMeta,
  routeOutputFiles,
  type ProxyMatcher,
  type RequestCondition,
} from './next-build.ts';
import { refusalPagePath, refusalStatuses } from '../lib/http/refusal-pages.ts';

// The App Router asks for RSC payloads at the page's own URL with these headers; Next.js varies on them.
const routerStateHeaders = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch'];
const nextJsHeaders = [...routerStateHeaders, 'next-action', 'x-prerender-revalidate'];
const pageVary = `${routerStateHeaders.join(', ')}, Accept-Encoding`;
const compressible = /^(text\/|application\/(json|xml|javascript))/;

/**
 * A response sent from memory, unless the request meets one of `proxiedWhen`: proxy.ts runs on the path for such a
 * request (one with a body, say), and it goes to Next.js.
 */
export type Prerendered = {
  body: Buffer;
  gzip?: Buffer;
  headers: Record<string, string>;
  proxiedWhen: ProxyMatcher[];
};

/**
 * The headers next.config.ts `headers()` gives a path (the security headers), as the build recorded its rules, so a
 * page sent from memory carries exactly what Next.js would send. Undefined when a rule for the path depends on the
 * request (`has`/`missing`): such a path is left to Next.js.
 */
export function configuredHeaders(distDir = '.next'): (path: string) => Record<string, string> | undefined {
  const compiled = headerRules(distDir).map((rule) => ({ ...rule, matches: new RegExp(rule.regex) }));
  return (path) => {
    const matching = compiled.filter((rule) => rule.matches.test(path));
    if (matching.some((rule) => rule.has || rule.missing)) return undefined;
    return Object.fromEntries(
      matching.flatMap((rule) => rule.headers.map(({ key, value }) => [key.toLowerCase(), value])),
    );
  };
}

/** Each prerendered URL path with its bytes, gzipped bytes where worth it, and headers. */
export function loadPrerendered(distDir = '.next'): Map<string, Prerendered> {
  const responses = new Map<string, Prerendered>();
  const proxied = proxyMatchers(distDir);
  const headersFor = configuredHeaders(distDir);
  for (const [path, route] of Object.entries(prerenderedRoutes(distDir))) {
    // Revalidated routes and Next.js's own pages (/_not-found, /_global-error) stay with Next.js, and so does any
    // path proxy.ts runs on for every request: its checks (the admin's sign-in) must never be skipped. A path it runs
    // on only for some requests (with a body, say) is sent from memory to the others.
    if (route.initialRevalidateSeconds !== false || route.initialStatus || path.startsWith('/_')) continue;
    const onPath = proxied.filter((matcher) => matcher.path.test(path));
    if (onPath.some((matcher) => matcher.has.length === 0 && matcher.missing.length === 0)) continue;
    const isPage = route.routeType === 'page';
    const files = routeOutputFiles(distDir, path, route);
    if (!existsSync(files.body) || (!isPage && !existsSync(files.meta))) continue;
    const body = readFileSync(files.body);
    const meta = isPage ? {} : readRouteMeta(files.meta);
    if ((meta.status ?? 200) !== 200) continue;
    const configured = headersFor(path);
    if (!configured) continue;
    const contentType = isPage ? 'text/html; charset=utf-8' : meta.headers?.['content-type'];
    const cacheControl = isPage ? 's-maxage=31536000' : meta.headers?.['cache-control'];
    if (!contentType) continue;
    const headers: Record<string, string> = { ...configured, 'content-type': contentType };
    if (cacheControl) headers['cache-control'] = cacheControl;
    if (isPage) headers.vary = pageVary;
    headers.etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
    const gzip = compressible.test(contentType) ? gzipSync(body) : undefined;
    if (gzip && !isPage) headers.vary = 'Accept-Encoding';
    responses.set(path, { body, gzip, headers, proxiedWhen: onPath });
  }
  return responses;
}

/** Where the build has the page for each status the server refuses with itself: its own, and the app's 404. */
const refusalPagePaths: ReadonlyMap<number, string> = new Map([
  ...refusalStatuses.map((status) => [status, refusalPagePath(status)] as const),
  [404, '/_not-found'],
]);

/**
 * The pages that answer the server's own refusals (413, 411, 400, 414, 404) for a browser, by status: prerendered in
 * the site's layout (lib/http/refusal-pages.ts). A build without one is refused, naming the page, rather than
 * answer a browser with a page that is not there.
 */
export function loadRefusalPages(distDir = '.next'): Map<number, Buffer> {
  const routes = prerenderedRoutes(distDir);
  const pages = new Map<number, Buffer>();
  for (const [status, path] of refusalPagePaths) {
    const route = routes[path];
    const file = route && routeOutputFiles(distDir, path, route).body;
    if (!file || route.routeType !== 'page' || !existsSync(file)) {
      throw new Error(`The build has no page ${path}, which answers a browser's request refused with ${status}.`);
    }
    pages.set(status, readFileSync(file));
  }
  return pages;
}

/** Whether a request's Accept header asks for HTML: a browser's navigation or form post, not curl or an API client. */
export const acceptsHtml = (header = ''): boolean =>
  header.split(',').some((type) => {
    const [name, ...params] = type.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return name === 'text/html' && (q === undefined || Number(q.slice(2)) > 0);
  });

/** A request's value for a matcher's condition: a header, a cookie, the host; undefined when it has none. */
function conditionValue(request: IncomingMessage, condition: RequestCondition): string | undefined {
  switch (condition.type) {
    case 'header': {
      const value = request.headers[condition.key?.toLowerCase() ?? ''];
      return Array.isArray(value) ? value.at(-1) : value;
    }
    case 'cookie':
      return (request.headers.cookie ?? '')
        .split(';')
        .map((pair) => pair.trim().split('='))
        .find(([name]) => name === condition.key)
        ?.slice(1)
        .join('=');
    case 'host':
      return request.headers.host?.split(':', 1)[0]?.toLowerCase();
    case 'query':
      // Only requests without a query string are sent from memory.
      return undefined;
  }
}

/**
 * Whether the request meets a condition, read exactly as Next.js reads one (matchHas in its router's
 * prepare-destination): any value but an empty one, or a value that `^VALUE$` matches, alternatives and all.
 */
function meets(request: IncomingMessage, condition: RequestCondition): boolean {
  const value = conditionValue(request, condition);
  if (!value) return false;
  return !condition.value || new RegExp(`^${condition.value}$`).test(value);
}

/** Whether proxy.ts runs for this request under one of the path's conditional matchers. */
const proxyRunsFor = (request: IncomingMessage, matchers: readonly ProxyMatcher[]): boolean =>
  matchers.some(
    ({ has, missing }) =>
      has.every((condition) => meets(request, condition)) && !missing.some((condition) => meets(request, condition)),
  );

const acceptsGzip = (header = ''): boolean =>
  header.split(',').some((coding) => {
    const [name, ...params] = coding.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (name === 'gzip' || name === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });

/** Answers the request from memory and returns true, or returns false to leave it to Next.js. */
export function servePrerendered(
  request: IncomingMessage,
  response: ServerResponse,
  responses: ReadonlyMap<string, Prerendered>,
): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const url = request.url ?? '/';
  if (url.includes('?') || nextJsHeaders.some((name) => name in request.headers)) return false;
  const prerendered = responses.get(url);
  if (!prerendered || proxyRunsFor(request, prerendered.proxiedWhen)) return false;

  const { body, gzip, headers } = prerendered;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  const ifNoneMatch = request.headers['if-none-match']?.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (ifNoneMatch?.some((tag) => tag === headers.etag || tag === '*')) {
    response.statusCode = 304;
    response.end();
    return true;
  }
  const sent = gzip && acceptsGzip(request.headers['accept-encoding']) ? gzip : body;
  if (sent === gzip) response.setHeader('content-encoding', 'gzip');
  response.setHeader('content-length', sent.length);
  response.statusCode = 200;
  response.end(request.method === 'HEAD' ? undefined : sent);
  return true;
}
