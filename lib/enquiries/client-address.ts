/**
 * Set by our server (server/server.mjs) from the TCP connection on every request, overwriting anything a client
 * sent, because Next.js keeps a client's own `X-Forwarded-For` and does not expose the socket to routes.
 */
export const peerAddressHeader = 'x-cotech-peer-address';

/**
 * The client address for rate limiting: the connection's, or with `TRUST_PROXY=1` the address our reverse proxy
 * appended last to `X-Forwarded-For` (the entries before it are whatever the client claimed).
 */
export function clientAddress(headers: Headers, trustProxy = process.env.TRUST_PROXY === '1'): string {
  if (trustProxy) {
    const forwarded = headers
      .get('x-forwarded-for')
      ?.split(',')
      .map((part) => part.trim())
      .filter(Boolean);
    const last = forwarded?.at(-1);
    if (last) return last;
  }
  return headers.get(peerAddressHeader) ?? 'unknown';
}
