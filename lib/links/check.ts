import { site } from '@/lib/site';

/** What one check of a link found: the last status (null when nothing answered), where it ended, what went wrong. */
export type LinkResult = { status: number | null; finalUrl: string | null; error: string | null };

export type CheckOptions = { timeoutMs?: number; maxRedirects?: number; userAgent?: string };

/** Names the site and its address, so a co-op's web host can see who is knocking and why. */
export const linkCheckerUserAgent = `${site.shortName} link checker (+${site.url})`;

const redirects = new Set([301, 302, 303, 307, 308]);

/** A link is broken when nothing answered or the answer was an error; a redirect that ended well is only moved. */
export const isBroken = (result: LinkResult) => result.error !== null || result.status === null || result.status >= 400;

/**
 * Checks one link as a visitor's browser would reach it: `HEAD`, then `GET` when the server will not answer `HEAD`
 * well (405 and 501 say so, but many servers answer any error to `HEAD`, so any status from 400 up is tried again
 * with `GET` before the link counts as broken), following at most `maxRedirects` redirects by hand so that each
 * hop is seen and none leads off http(s). Each request has its own timeout.
 */
export async function checkLink(url: string, options: CheckOptions = {}): Promise<LinkResult> {
  const { timeoutMs = 10_000, maxRedirects = 5, userAgent = linkCheckerUserAgent } = options;
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    return { status: null, finalUrl: null, error: 'not a valid address' };
  }
  for (let hop = 0; ; hop += 1) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:')
      return { status: null, finalUrl: current.href, error: `not an http(s) address (${current.protocol})` };
    let status: number;
    let location: string | null;
    try {
      ({ status, location } = await request(current, 'HEAD', timeoutMs, userAgent));
      if (status >= 400) ({ status, location } = await request(current, 'GET', timeoutMs, userAgent));
    } catch (error) {
      return { status: null, finalUrl: current.href, error: describe(error) };
    }
    if (!redirects.has(status) || !location) return { status, finalUrl: current.href, error: null };
    if (hop >= maxRedirects) return { status, finalUrl: current.href, error: 'too many redirects' };
    try {
      current = new URL(location, current);
    } catch {
      return { status, finalUrl: current.href, error: 'a redirect to an invalid address' };
    }
  }
}

async function request(url: URL, method: 'HEAD' | 'GET', timeoutMs: number, userAgent: string) {
  const response = await fetch(url, {
    method,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
    headers: { 'user-agent': userAgent, accept: 'text/html,*/*;q=0.8' },
  });
  // Only the status matters: the body is left unread, and released so the connection is free again.
  await response.body?.cancel();
  return { status: response.status, location: response.headers.get('location') };
}

/** What went wrong, in a word an admin can act on: timeout, refused, DNS, or the network's own message. */
function describe(error: unknown): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'timeout';
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  switch (cause?.code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'DNS';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
}
