import { afterEach, describe, expect, it } from 'vitest';
import { addressSource, clientAddress, peerAddressHeader, unknownAddressWarning } from './client-address';

const declared = Symbol.for('cotech.peerAddressHeader');
const global = globalThis as Record<symbol, unknown>;
const forged = new Headers({
  [peerAddressHeader]: '203.0.113.1',
  'x-forwarded-for': '203.0.113.2',
  'x-real-ip': '203.0.113.3',
});

afterEach(() => {
  // The unit tests run as behind server/server.ts (test/behind-our-server.ts).
  global[declared] = true;
});

describe('clientAddress', () => {
  it('behind server/server.ts, is the connection address the server put in its header', () => {
    expect(addressSource(false)).toBe('socket');
    expect(
      clientAddress(new Headers({ [peerAddressHeader]: '192.0.2.1', 'x-forwarded-for': '198.51.100.1' }), false),
    ).toBe('192.0.2.1');
  });

  it('under plain `next start`, trusts no header a client can send and says so once', () => {
    delete global[declared];
    expect(addressSource(false)).toBe('unknown');
    expect(clientAddress(forged, false)).toBe('unknown');
    expect(unknownAddressWarning(false)).toMatch(/Client addresses are unknown.*TRUST_PROXY=1/);
  });

  it('with TRUST_PROXY=1, is the entry the proxy appended last to X-Forwarded-For', () => {
    delete global[declared];
    const env = true;
    expect(addressSource(env)).toBe('proxy');
    expect(unknownAddressWarning(env)).toBeUndefined();
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9, 192.0.2.50' }), env)).toBe('192.0.2.50');
    // A request that did not come through the proxy has no entry of its own: it is not let off the limit.
    expect(clientAddress(new Headers({ [peerAddressHeader]: '203.0.113.1' }), env)).toBe('unknown');
  });
});
