import { describe, expect, it } from 'vitest';
import { displayUrl, formatDate, formatReceived, oneLine } from './format';

describe('formatDate', () => {
  it('shows an ISO date as a British human date, in UTC', () => {
    expect(formatDate('2020-04-13T08:13:57.004Z')).toBe('13 April 2020');
    expect(formatDate('2020-04-13T23:59:59.000Z')).toBe('13 April 2020');
  });
});

describe('formatReceived', () => {
  it("shows a moment as a date and time in London, whatever the server's time zone", () => {
    expect(formatReceived(new Date('2026-01-15T09:05:00Z'))).toBe('15 Jan 2026, 09:05');
    expect(formatReceived(new Date('2026-07-15T09:05:00Z'))).toBe('15 Jul 2026, 10:05');
  });
});

describe('displayUrl', () => {
  it('shows a link without its scheme, www. and trailing slash, keeping its path and query', () => {
    expect(displayUrl('https://nookcrm.com/')).toBe('nookcrm.com');
    expect(displayUrl('https://www.outlandish.com/project/nook-crm/')).toBe('outlandish.com/project/nook-crm');
    expect(displayUrl('http://example.org/a?b=1')).toBe('example.org/a?b=1');
  });
});

describe('oneLine', () => {
  it('makes a message of several lines one line, one space where each break was', () => {
    expect(
      oneLine("fatal: '/x' does not appear to be a git repository\nfatal: Could not read.\n\n  Please check\n"),
    ).toBe("fatal: '/x' does not appear to be a git repository fatal: Could not read. Please check");
    expect(oneLine('one line')).toBe('one line');
  });
});
