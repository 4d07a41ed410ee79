import { describe, expect, it } from 'vitest';
import { slugify } from './slug';

describe('slugify', () => {
  it('makes a lower-case, hyphenated, ASCII URL segment', () => {
    expect(slugify('Newcastle Upon Tyne')).toBe('newcastle-upon-tyne');
    expect(slugify(' Bristol & Bath ')).toBe('bristol-bath');
    expect(slugify('Ynys Môn')).toBe('ynys-mon');
  });
});
