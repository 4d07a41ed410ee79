import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const request = (authorization?: string) =>
  new NextRequest('http://localhost:3000/admin/enquiries', {
    headers: authorization ? { authorization } : {},
  });
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

afterEach(() => {
  delete process.env.ADMIN_PASSWORD;
});

describe('the /admin proxy', () => {
  it('answers 404 when no ADMIN_PASSWORD is set, even to a guess', () => {
    for (const response of [proxy(request()), proxy(request(basic('admin:')))]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('x-middleware-rewrite')).toBe('http://localhost:3000/admin-is-disabled');
    }
  });

  it('challenges without the right credentials and lets members through', () => {
    process.env.ADMIN_PASSWORD = 'pw';
    const denied = proxy(request(basic('admin:nope')));
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    const granted = proxy(request(basic('admin:pw')));
    expect(granted.headers.get('x-middleware-next')).toBe('1');
    expect(granted.headers.get('cache-control')).toBe('no-store');
  });
});
