import { describe, expect, it } from 'vitest';
import { summarise } from './summary';

describe('summarise', () => {
  it('takes the first paragraph as plain text, skipping headings and HTML', () => {
    expect(summarise('# Title\n\n<img src="a.png" alt="">\n\nA **bold** [link][x] here.\n\nSecond.\n\n[x]: /x')).toBe(
      'A bold link here.',
    );
  });

  it('cuts long text at a word boundary with an ellipsis', () => {
    const text = summarise('word '.repeat(100), 23);
    expect(text).toBe('word word word word…');
    expect(text.length).toBeLessThanOrEqual(23);
  });
});
