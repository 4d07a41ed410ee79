import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contrastRatio, initialsOf, minimumContrast, monogramColour, monogramOf } from './monogram';

describe('contrastRatio', () => {
  it("gives WCAG's figures for black and white, and for a grey on white", () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    // WCAG's own example: #767676 on white is just over 4.5:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('monogramColour', () => {
  it('gives white initials at least 4.5:1 on any slug’s colour', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (slug) => {
        expect(contrastRatio(monogramColour(slug), '#ffffff')).toBeGreaterThanOrEqual(minimumContrast);
      }),
      { numRuns: 2000 },
    );
  });

  it('is the same for a slug every time, and differs between co-ops', () => {
    expect(monogramColour('outlandish')).toBe(monogramColour('outlandish'));
    // Fixed: a change of the formula would change every co-op's colour on the site.
    expect(monogramColour('outlandish')).toMatchInlineSnapshot(`"#572eb8"`);
    const slugs = ['agile-collective', 'animorph', 'autonomic', 'calverts', 'outlandish', 'webarchitects'];
    expect(new Set(slugs.map(monogramColour)).size).toBe(slugs.length);
  });

  it('is a colour, not a grey', () => {
    const colour = monogramColour('agile-collective');
    const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
    expect(Math.max(r ?? 0, g ?? 0, b ?? 0) - Math.min(r ?? 0, g ?? 0, b ?? 0)).toBeGreaterThan(40);
  });
});

describe('initialsOf', () => {
  it.each([
    ['Agile Collective', 'AC'],
    ['Outlandish', 'O'],
    ['We Are Open Co-op', 'WA'],
    ['Webarchitects Co-operative', 'W'],
    ['kin Coop', 'K'],
    ['Cetis LLP', 'C'],
    ['CBN', 'CBN'],
    ['MC3', 'MC3'],
    ['Open-ecommerce', 'O'],
    ['Co-op', 'C'],
    ['  ', '?'],
  ])('%s: %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});

describe('monogramOf', () => {
  it("is the name's initials in white on the slug's colour", () => {
    expect(monogramOf({ slug: 'agile-collective', name: 'Agile Collective' })).toEqual({
      initials: 'AC',
      background: monogramColour('agile-collective'),
      foreground: '#ffffff',
    });
  });
});
