import { describe, expect, it } from 'vitest';
import { enquiryKindList } from '@/lib/enquiry-kinds';
import { actionOf } from '@/lib/enquiry-kinds/kind';
import { maxLogoBytes } from '@/lib/logo-limit';
import { bodyLimit, bodyRefusal, largeBodyBytes, largeBodyPaths, smallBodyBytes, uploadBodyBytes } from './body-limit';

describe('bodyLimit', () => {
  it('gives every enquiry endpoint the large limit', () => {
    for (const kind of enquiryKindList) {
      expect(largeBodyPaths).toContain(actionOf(kind));
      expect(bodyLimit(actionOf(kind))).toBe(largeBodyBytes);
    }
  });

  it('gives the admin the large limit and everything else a few KiB', () => {
    for (const path of ['/admin', '/admin/enquiries/x', '/api/join', '/api/briefs']) {
      expect(bodyLimit(path), path).toBe(largeBodyBytes);
    }
    for (const path of [
      '/',
      '/sign-in/request',
      '/sign-out',
      '/sign-in/confirm',
      '/api/joined',
      '/administer',
      '/about',
    ]) {
      expect(bodyLimit(path), path).toBe(smallBodyBytes);
    }
  });
});

describe('bodyRefusal', () => {
  it('takes a declared length up to the limit, and no body at all', () => {
    expect(bodyRefusal('/sign-in/request', String(smallBodyBytes), undefined)).toBeUndefined();
    expect(bodyRefusal('/api/join', String(largeBodyBytes), undefined)).toBeUndefined();
    expect(bodyRefusal('/sign-out', '0', undefined)).toBeUndefined();
    expect(bodyRefusal('/sign-out', undefined, undefined)).toBeUndefined();
    expect(bodyRefusal('/sign-out', null, null)).toBeUndefined();
  });

  it('refuses a declared length over the limit with 413, and a body without one with 411', () => {
    expect(bodyRefusal('/sign-in/request', String(smallBodyBytes + 1), undefined)).toEqual({
      status: 413,
      reason: 'Content too large: a request here may send at most 8 KiB.',
    });
    expect(bodyRefusal('/api/join', String(largeBodyBytes + 1), undefined)?.status).toBe(413);
    expect(bodyRefusal('/sign-out', '31457280', undefined)?.status).toBe(413);
    expect(bodyRefusal('/sign-out', '99999999999999999999', undefined)?.status).toBe(413);
    expect(bodyRefusal('/sign-out', undefined, 'chunked')?.status).toBe(411);
    expect(bodyRefusal('/api/join', '10', 'chunked')?.status).toBe(411);
  });

  it('takes a logo upload on a co-op’s edit form in the account area, and only there', () => {
    expect(bodyLimit('/account/coops/outlandish')).toBe(uploadBodyBytes);
    expect(bodyLimit('/account')).toBe(smallBodyBytes);
    expect(bodyRefusal('/account/coops/outlandish', String(uploadBodyBytes + 1), undefined)?.status).toBe(413);
    // Room for the largest logo as a file and twice as base64, and the form's other fields.
    expect(uploadBodyBytes).toBeGreaterThanOrEqual(maxLogoBytes * (1 + 8 / 3) + largeBodyBytes);
  });
});
