import { settings } from '@/lib/settings';
import { peerAddressHeader, peerAddressHeaderIsDeclared } from './peer-address';

export { peerAddressHeader };

/** Where client addresses come from in this process: a header a client sends is never trusted by itself. */
export function addressSource(trustProxy = settings().TRUST_PROXY): 'proxy' | 'socket' | 'unknown' {
  if (trustProxy) return 'proxy';
  return peerAddressHeaderIsDeclared() ? 'socket' : 'unknown';
}

/**
 * The client address for rate limiting. With `TRUST_PROXY=1`, the entry our reverse proxy appended last to
 * `X-Forwarded-For` (the entries before it are whatever the client claimed); otherwise the connection's address,
 * which server/server.ts puts in its own header. Under plain `next start` neither can be known: every client is
 * `unknown`, and so shares one limit that no request header can lift.
 */
export function clientAddress(headers: Headers, trustProxy = settings().TRUST_PROXY): string {
  const source = addressSource(trustProxy);
  if (source === 'proxy') {
    const last = headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  if (source !== 'unknown' && peerAddressHeaderIsDeclared()) return headers.get(peerAddressHeader) ?? 'unknown';
  return 'unknown';
}

/** One line for the log at start when addresses cannot be known, saying what to do; undefined when they can. */
export function unknownAddressWarning(trustProxy = settings().TRUST_PROXY): string | undefined {
  if (addressSource(trustProxy) !== 'unknown') return undefined;
  return (
    'Client addresses are unknown (not started with `npm start`, and TRUST_PROXY is not 1): every client shares one ' +
    'join rate limit. Run `npm start`, or set TRUST_PROXY=1 behind a reverse proxy that sets X-Forwarded-For.'
  );
}
