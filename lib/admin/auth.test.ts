import { describe, expect, it } from 'vitest';
import { adminAccess } from './auth';

const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const env = { ADMIN_USER: 'member', ADMIN_PASSWORD: 's3cret' };

describe('adminAccess', () => {
  it('is disabled when no password is set, whatever is sent', () => {
    expect(adminAccess(basic('admin:'), {})).toBe('disabled');
    expect(adminAccess(null, { ADMIN_USER: 'member' })).toBe('disabled');
  });

  it('grants only the configured user and password', () => {
    expect(adminAccess(basic('member:s3cret'), env)).toBe('granted');
    expect(adminAccess(basic('member:wrong'), env)).toBe('denied');
    expect(adminAccess(basic('admin:s3cret'), env)).toBe('denied');
    expect(adminAccess(null, env)).toBe('denied');
    expect(adminAccess('Bearer s3cret', env)).toBe('denied');
  });

  it('defaults the user name to admin', () => {
    expect(adminAccess(basic('admin:pw'), { ADMIN_PASSWORD: 'pw' })).toBe('granted');
  });
});
