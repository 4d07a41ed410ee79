import { describe, expect, it } from 'vitest';
import { ageInMonths, lastConfirmedToShow, reviewDue } from './confirmation';

const coop = { confirmed: '2024-03-15T00:00:00.000Z' };
const at = (iso: string) => new Date(iso);

describe('confirmation age', () => {
  it('is due for review past 12 months, not before', () => {
    expect(reviewDue(coop, at('2025-03-14T23:00:00Z'))).toBe(false);
    expect(reviewDue(coop, at('2025-03-15T00:00:01Z'))).toBe(true);
    expect(reviewDue({}, at('2024-01-01T00:00:00Z'))).toBe(true);
  });

  it('shows "last confirmed" only past 24 months', () => {
    expect(lastConfirmedToShow(coop, at('2026-03-14T00:00:00Z'))).toBeUndefined();
    expect(lastConfirmedToShow(coop, at('2026-03-16T00:00:00Z'))?.toISOString()).toBe(coop.confirmed);
    expect(lastConfirmedToShow({}, at('2030-01-01T00:00:00Z'))).toBeUndefined();
  });

  it('counts whole months', () => {
    expect(ageInMonths(coop, at('2024-04-14T00:00:00Z'))).toBe(0);
    expect(ageInMonths(coop, at('2024-04-15T00:00:00Z'))).toBe(1);
    expect(ageInMonths(coop, at('2026-03-16T00:00:00Z'))).toBe(24);
    expect(ageInMonths({}, at('2026-03-16T00:00:00Z'))).toBeUndefined();
  });
});
