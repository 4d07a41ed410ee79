import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv';

describe('csv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    for (const formula of ['=HYPERLINK("http://x")', '+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) {
      expect(csvCell(formula).startsWith(`"'`), formula).toBe(true);
    }
    expect(csvCell('Outlandish')).toBe('"Outlandish"');
  });

  it('quotes cells so commas, quotes and newlines stay inside them', () => {
    expect(toCsv([['a,b', 'say "hi"', 'two\nlines']])).toBe('"a,b","say ""hi""","two\nlines"\r\n');
  });
});
