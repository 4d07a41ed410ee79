import type { LookupAddress } from 'node:dns';
import { lookup as systemLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { site } from '@/lib/site';
import { ipLiteral, isPublicAddress, parseNetworks, privateAddressError, type Network } from './address';

/** What one check of a link found: the last status (null when nothing answered), where it ended, what went wrong. */
export type LinkResult = { status: number | null; finalUrl: string | null; error: string | null };

/** A host name's addresses, as `dns.lookup` with `all: true` gives them. */
export type Resolve = (hostname: string) => Promise<LookupAddress[]>;

export type CheckOptions = {
  timeoutMs?: number;
  maxRedirects?: number;
  userAgent?: string;
  /** CIDR ranges checked although private (`LINK_CHECK_ALLOWED_NETWORKS`): an intranet, a test's loopback server. */
  allowedNetworks?: readonly string[];
  /** The resolver of host names: the system's, unless a test brings its own. */
  resolve?: Resolve;
};

/** Names the site and its address, so a co-op's web host can see who is knocking and why. */
export const linkCheckerUserAgent = `${site.shortName} link checker (+${site.url})`;

const redirects = new Set([301, 302, 303, 307, 308]);

/** A link is broken when nothing answered or the answer was an error; a redirect that ended well is only moved. */
export const isBroken = (result: LinkResult) => result.error !== null || result.status === null || result.status >= 400;

/** A host whose address is not public unicast (lib/links/address.ts), refused before any connection to it. */
class PrivateAddress extends Error {}

/**
 * Checks one link as a visitor's browser would reach it: `HEAD`, then `GET` when the server will not answer `HEAD`
 * well (405 and 501 say so, but many servers answer any error to `HEAD`, so any status from 400 up is tried again
 * with `GET` before the link counts as broken), following at most `maxRedirects` redirects by hand so that each
 * hop is seen and none leads off http(s). Each request has its own timeout.
 *
 * No request goes to an address that is not public unicast, unless it is in `allowedNetworks`: each hop's address
 * is judged as it is connected to (an IP address in the link before connecting; a name inside the connection's own
 * lookup, so the address judged is the address connected to and a name whose DNS answer changes in between gains
 * nothing). Such a link is `not checked: private address`, and its result keeps only the refused host, not the
 * address a redirect pointed at (that address is the co-op's website's choice, and the site's network is not theirs
 * to map).
 */
export async function checkLink(url: string, options: CheckOptions = {}): Promise<LinkResult> {
  const { timeoutMs = 10_000, maxRedirects = 5, userAgent = linkCheckerUserAgent } = options;
  const allowed = parseNetworks(options.allowedNetworks ?? []);
  const lookup = guardedLookup(allowed, options.resolve ?? ((hostname) => systemLookup(hostname, { all: true })));
  const send = (to: URL, method: 'HEAD' | 'GET') => request(to, method, { timeoutMs, userAgent, allowed, lookup });
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
      ({ status, location } = await send(current, 'HEAD'));
      if (status >= 400) ({ status, location } = await send(current, 'GET'));
    } catch (error) {
      if (error instanceof PrivateAddress) {
        return { status: null, finalUrl: `${current.protocol}//${current.host}/`, error: privateAddressError };
      }
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

/**
 * The lookup each connection makes for a host name: the resolver's addresses that may be connected to, or a
 * PrivateAddress error when none may. Node.js connects to exactly the addresses it hands back.
 */
function guardedLookup(allowed: readonly Network[], resolve: Resolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (addresses) => {
        const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family ?? 0);
        const usable = addresses.filter(
          (found) => (family === 0 || found.family === family) && isPublicAddress(found.address, allowed),
        );
        const [first] = usable;
        if (!first) callback(new PrivateAddress(hostname), '');
        else if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), ''),
    );
  };
}

type Sending = { timeoutMs: number; userAgent: string; allowed: readonly Network[]; lookup: LookupFunction };

/** One request over a connection of its own; only the status and the redirect's target are read. */
function request(url: URL, method: 'HEAD' | 'GET', sending: Sending) {
  const { timeoutMs, userAgent, allowed, lookup } = sending;
  const literal = ipLiteral(url);
  // Node.js connects to an IP address as written, without a lookup: it is judged here, before any connection.
  if (literal !== undefined && !isPublicAddress(literal, allowed)) return Promise.reject(new PrivateAddress(literal));
  const options: RequestOptions = {
    method,
    host: literal ?? url.hostname,
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers: { 'user-agent': userAgent, accept: 'text/html,*/*;q=0.8' },
    lookup,
    // No pooled connection: each request connects, and so looks up, for itself.
    agent: false,
    signal: AbortSignal.timeout(timeoutMs),
  };
  return new Promise<{ status: number; location: string | null }>((resolve, reject) => {
    const answered = (response: IncomingMessage) => {
      resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null });
      // The body is left unread: the connection is closed instead.
      response.destroy();
    };
    const sent = url.protocol === 'https:' ? httpsRequest(options, answered) : httpRequest(options, answered);
    sent.on('error', reject);
    sent.end();
  });
}

/** What went wrong, in a word an admin can act on: timeout, refused, DNS, or the network's own message. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'AbortError' || error.name === 'TimeoutError') return 'timeout';
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'DNS';
    case 'ECONNRESET':
      return 'connection reset';
    default:
      return error.message;
  }
}
