import { describe, expect, it } from 'vitest';
import { isStale } from './store';

const now = new Date('2026-11-22T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe('isStale', () => {
  it('flags enquiries still new after 7 days, and only those', () => {
    expect(isStale({ status: 'new', createdAt: daysAgo(8) }, now)).toBe(true);
    expect(isStale({ status: 'new', createdAt: daysAgo(6.9) }, now)).toBe(false);
    expect(isStale({ status: 'in-discussion', createdAt: daysAgo(30) }, now)).toBe(false);
  });
});
