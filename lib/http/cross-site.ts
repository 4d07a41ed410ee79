import { site } from '@/lib/site';

/**
 * Whether a browser says this request comes from another site. Requests without these headers (curl, servers)
 * are not refused: cross-site forgery needs a browser, and every browser sends Origin on a POST.
 */
export function isCrossSite(headers: Headers, ownOrigins: string[]): boolean {
  if (headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = headers.get('origin');
  return origin !== null && !ownOrigins.includes(origin);
}

/** Whether a request to change something comes from another site (see isCrossSite above). */
export function isCrossSiteRequest(requestHeaders: Headers): boolean {
  const host = requestHeaders.get('host');
  return isCrossSite(requestHeaders, [site.url, ...(host ? [`http://${host}`, `https://${host}`] : [])]);
}
