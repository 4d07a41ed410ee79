import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalPath } from './canonical-path';

const unreserved = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';

describe('canonicalPath', () => {
  it('decodes percent-encoded unreserved characters, in either case of hex', () => {
    expect(canonicalPath('/s%69gn-in')).toBe('/sign-in');
    expect(canonicalPath('/%63ms')).toBe('/cms');
    expect(canonicalPath('/sign-%69n/request')).toBe('/sign-in/request');
    expect(canonicalPath('/%4A%4a%2d%2E%5f%7E%30')).toBe('/JJ-._~0');
  });

  it('leaves paths without % and other encodings as they are', () => {
    for (const path of ['/', '/about', '/members/caf%C3%A9', '/a%20b', '/%25', '/a%3Fb', '/%40']) {
      expect(canonicalPath(path), path).toBe(path);
    }
  });

  it('refuses an encoded slash or backslash', () => {
    for (const path of ['/sign-in%2fcheck-your-mail', '/a%2Fb', '/%5c', '/%5Cadmin']) {
      expect(canonicalPath(path), path).toBeUndefined();
    }
  });

  it('gives back any path of unreserved characters, however many of them are encoded', () => {
    const char = fc.constantFrom(...unreserved);
    const segment = fc.array(fc.tuple(char, fc.boolean(), fc.boolean()), { maxLength: 20 });
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const plain = segments.map((chars) => `/${chars.map(([c]) => c).join('')}`).join('');
        const encoded = segments
          .map((chars) => {
            const parts = chars.map(([c, encode, lower]) => {
              const hex = `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
              return encode ? (lower ? hex.toLowerCase() : hex) : c;
            });
            return `/${parts.join('')}`;
          })
          .join('');
        expect(canonicalPath(encoded)).toBe(plain);
      }),
    );
  });
});
