import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const request = (path: string, cookie?: string) =>
  new NextRequest(`http://localhost:3000${path}`, { headers: cookie ? { cookie } : {} });

describe('the /admin proxy', () => {
  it('sends a request without a session cookie to sign in', () => {
    for (const path of [
      '/admin',
      '/admin/enquiries',
      '/admin/enquiries.csv',
      '/admin/people',
      '/account',
      '/account/coops/x',
    ]) {
      const response = proxy(request(path));
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('http://localhost:3000/sign-in');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('lets a request with a session cookie through to the checks in the admin and the account, with a nonce CSP', () => {
    for (const path of ['/admin/enquiries', '/account', '/account/coops/x']) {
      const response = proxy(request(path, 'better-auth.session_token=anything'));
      expect(response.headers.get('x-middleware-next')).toBe('1');
      expect(response.headers.get('content-security-policy')).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-robots-tag')).toBe('noindex');
    }
  });

  it('serves the sign-in pages to anyone, with a nonce CSP and no caching', () => {
    for (const path of ['/sign-in', '/sign-in/check-your-mail', '/sign-in/confirm']) {
      const response = proxy(request(path));
      expect(response.headers.get('x-middleware-next')).toBe('1');
      expect(response.headers.get('content-security-policy')).toMatch(/'nonce-[^']+'/);
      expect(response.headers.get('x-robots-tag')).toBe('noindex');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});
