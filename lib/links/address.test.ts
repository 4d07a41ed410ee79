import { describe, expect, it } from 'vitest';
import { isPublicAddress, parseNetworks, unsafeLink } from './address';

describe('isPublicAddress', () => {
  it('takes public unicast addresses, IPv4 and IPv6', () => {
    for (const address of ['93.184.215.14', '2606:4700:4700::1111', '::ffff:93.184.215.14']) {
      expect([address, isPublicAddress(address)]).toEqual([address, true]);
    }
  });

  it('refuses the special ranges, IPv4-mapped and IPv4-compatible forms among them, and what is no address', () => {
    const refused = ['127.0.0.1', '10.1.2.3', '::1', 'fe80::1%eth0', '::ffff:192.168.0.1', '::7f00:1', '::', 'x'];
    for (const address of refused) expect([address, isPublicAddress(address)]).toEqual([address, false]);
  });

  it('takes an address inside an allowed network, the IPv4 one an IPv4-mapped address stands for too', () => {
    const allowed = parseNetworks(['10.1.0.0/16', 'fd12:3456::/48']);
    expect(isPublicAddress('10.1.2.3', allowed)).toBe(true);
    expect(isPublicAddress('::ffff:10.1.2.3', allowed)).toBe(true);
    expect(isPublicAddress('fd12:3456::1', allowed)).toBe(true);
    expect(isPublicAddress('10.2.0.1', allowed)).toBe(false);
    expect(isPublicAddress('fd12:3457::1', allowed)).toBe(false);
  });
});

describe('unsafeLink', () => {
  it('takes an http(s) address by name or at a public IP address', () => {
    for (const link of ['https://outlandish.com/', 'http://example.coop/a?b#c', 'https://93.184.215.14/']) {
      expect([link, unsafeLink(link)]).toEqual([link, undefined]);
    }
  });

  it.each([
    ['https://user:pass@example.coop/', 'give the address without a user name or password in it.'],
    ['https://user@example.coop/', 'give the address without a user name or password in it.'],
    ['javascript:alert(1)', 'give an address starting https://.'],
    ['file:///etc/passwd', 'give an address starting https://.'],
    ['not an address', 'give an address starting https://.'],
    ['http://127.0.0.1/', '127.0.0.1 is not a public address; give the address people reach the website at.'],
    ['http://2130706433/', '127.0.0.1 is not a public address; give the address people reach the website at.'],
    [
      'http://169.254.169.254/',
      '169.254.169.254 is not a public address; give the address people reach the website at.',
    ],
    [
      'http://[::ffff:10.0.0.1]/',
      '[::ffff:a00:1] is not a public address; give the address people reach the website at.',
    ],
  ])('refuses %s', (link, problem) => {
    expect(unsafeLink(link)).toBe(problem);
  });
});
