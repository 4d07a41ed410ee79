import { describe, expect, it } from 'vitest';
import { serverSettings } from './settings.ts';

describe('serverSettings', () => {
  it('has a default for every variable, and counts an empty one as unset', () => {
    const defaults = {
      port: 3000,
      hostname: 'localhost',
      siteUrl: 'http://localhost:3000',
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxConnections: 1024,
    };
    expect(serverSettings({})).toEqual(defaults);
    expect(serverSettings({ PORT: '', MAX_CONNECTIONS: '' })).toEqual(defaults);
  });

  it('reads each variable, and puts the port in the default SITE_URL', () => {
    expect(
      serverSettings({
        PORT: '8080',
        HOSTNAME: '0.0.0.0',
        HEADERS_TIMEOUT_MS: '1000',
        REQUEST_TIMEOUT_MS: '2000',
        MAX_CONNECTIONS: '50',
      }),
    ).toEqual({
      port: 8080,
      hostname: '0.0.0.0',
      siteUrl: 'http://localhost:8080',
      headersTimeoutMs: 1000,
      requestTimeoutMs: 2000,
      maxConnections: 50,
    });
    expect(serverSettings({ SITE_URL: 'https://www.coops.tech' }).siteUrl).toBe('https://www.coops.tech');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT is "abc", but it takes a port number from 1 to 65535.'],
    [{ PORT: '70000' }, 'PORT is "70000", but it takes a port number from 1 to 65535.'],
    [{ MAX_CONNECTIONS: '0' }, 'MAX_CONNECTIONS is "0", but it takes a whole number from 1 to 1000000.'],
    [{ REQUEST_TIMEOUT_MS: '2.5' }, 'REQUEST_TIMEOUT_MS is "2.5", but it takes a whole number of milliseconds'],
    [{ SITE_URL: 'www.coops.tech' }, 'SITE_URL is "www.coops.tech", but it takes the site’s public origin'],
    [{ SITE_URL: 'ftp://coops.tech' }, 'SITE_URL is "ftp://coops.tech", but it takes the site’s public origin'],
    [
      { HEADERS_TIMEOUT_MS: '40000' },
      'HEADERS_TIMEOUT_MS is 40000, but it takes no more than REQUEST_TIMEOUT_MS (30000).',
    ],
  ])('refuses %o in one line naming the variable, what it got and what it takes', (env, line) => {
    expect(() => serverSettings(env)).toThrow(line);
  });
});
