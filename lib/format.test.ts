import { describe, expect, it } from 'vitest';
import { formatDate } from './format';

describe('formatDate', () => {
  it('shows an ISO date as a British human date, in UTC', () => {
    expect(formatDate('2020-04-13T08:13:57.004Z')).toBe('13 April 2020');
    expect(formatDate('2020-04-13T23:59:59.000Z')).toBe('13 April 2020');
  });
});
