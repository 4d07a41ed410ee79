import ipaddr from 'ipaddr.js';

/**
 * The key a client's limits and idempotency keys are counted under. One IPv6 subscriber usually holds a whole
 * /64 (and picks new addresses in it at will), so IPv6 counts by its /64; an IPv4-mapped IPv6 address is the IPv4
 * client it stands for. Anything else (an IPv4 address, `unknown`) is its own key, unchanged.
 */
export function rateLimitKey(address: string): string {
  if (!ipaddr.IPv6.isValid(address)) return address;
  const ipv6 = ipaddr.IPv6.parse(address);
  if (ipv6.isIPv4MappedAddress()) return ipv6.toIPv4Address().toString();
  const network = new ipaddr.IPv6([...ipv6.parts.slice(0, 4), 0, 0, 0, 0]);
  return `${network.toString()}/64`;
}
