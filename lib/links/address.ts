import ipaddr from 'ipaddr.js';
import { isIP } from 'node:net';

// Which addresses the site may send a request to on a co-op's behalf, and which links it takes from a co-op at all.
// A co-op chooses its website, its DNS and its redirects, so without this rule anyone whose website change is merged
// could make the server probe its own network (127.0.0.1, the cloud's metadata service at 169.254.169.254, the LAN).

/** A range of addresses, as ipaddr.js parses `10.0.0.0/8` or `fd00::/8`. */
export type Network = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** What the link checker records for a link it refused to check: the one wording the pages and tests share. */
export const privateAddressError = 'not checked: private address';

/**
 * ipaddr.js names every special range but one: the deprecated IPv4-compatible IPv6 addresses (`::a.b.c.d`), which
 * it calls unicast. No website is reached through them, and `::127.0.0.1` must not stand in for 127.0.0.1.
 */
const ipv4Compatible = ipaddr.parseCIDR('::/96');

/** CIDR ranges (`LINK_CHECK_ALLOWED_NETWORKS`) parsed; each was checked with the settings. */
export const parseNetworks = (ranges: readonly string[]): Network[] => ranges.map((range) => ipaddr.parseCIDR(range));

/**
 * Whether `address` (an IP address as connected to) is one the site may send a request to: public unicast, in no
 * range ipaddr.js knows as special (loopback, private, link-local, carrier-grade NAT, unique-local, multicast,
 * broadcast, unspecified, documentation, benchmarking, NAT64, 6to4, Teredo and the other reserved ones), or inside one
 * of the `allowed` networks. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string, allowed: readonly Network[] = []): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  const range = ipaddr.subnetMatch(parsed, { allowed: [...allowed], ipv4Compatible }, parsed.range());
  return range === 'allowed' || range === 'unicast';
}

/** A URL's host as an IP address (without IPv6's brackets), or undefined when it is a name. */
export function ipLiteral(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  return isIP(host) ? host : undefined;
}

/**
 * What makes a link unfit for a co-op's entry, in words for the form's field (after its label) and the proposal
 * worker's refusal; undefined when it is fit. A link must be an http(s) address without a user name or password in
 * it, whose host, when written as an IP address, is public unicast. (A name that resolves to a private address is the
 * link checker's to refuse: DNS can change after the entry is saved.)
 */
export function unsafeLink(link: string): string | undefined {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return 'give an address starting https://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'give an address starting https://.';
  if (url.username !== '' || url.password !== '') return 'give the address without a user name or password in it.';
  const literal = ipLiteral(url);
  if (literal !== undefined && !isPublicAddress(literal)) {
    return `${url.hostname} is not a public address; give the address people reach the website at.`;
  }
  return undefined;
}
