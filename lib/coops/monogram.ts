// A co-op without a logo is shown by its monogram: its initials in white on a colour of its own. The colour comes
// from the co-op's slug, so it stays the same on every page and across builds, and differs from co-op to co-op; its
// lightness is chosen so that the white initials on it meet WCAG AA's contrast for normal text (4.5:1), whatever the
// hue.

import { colors } from '@/lib/theme';

/** A monogram as the pages and preview cards draw it. */
export type Monogram = { initials: string; background: string; foreground: string };

/** The initials' colour. */
const white = colors.white;

/** WCAG AA's least contrast for normal-sized text. */
export const minimumContrast = 4.5;

/** WCAG 2's relative luminance of a colour given as `#rrggbb`. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio of two colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((lighter ?? 0) + 0.05) / ((darker ?? 0) + 0.05);
}

/** `#rrggbb` of an HSL colour (hue in degrees, saturation and lightness from 0 to 1). */
function hslToHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/** FNV-1a, 32 bits: a small, stable hash, the same in every process and version of Node.js. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const char of text) {
    value ^= char.codePointAt(0) ?? 0;
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value;
}

/**
 * The co-op's colour: a hue from its slug, at a saturation that keeps it a colour rather than a grey, and the
 * lightest lightness (from 45%, in steps of 1%) at which white text on it has at least `minimumContrast`.
 */
export function monogramColour(slug: string): string {
  const hue = hash(slug) % 360;
  for (let lightness = 45; lightness > 0; lightness -= 1) {
    const colour = hslToHex(hue, 0.6, lightness / 100);
    if (contrastRatio(colour, white) >= minimumContrast) return colour;
  }
  // Not reached: at 1% lightness every hue is dark enough.
  return colors.ink;
}

/** Words a co-op's name often ends with, which say what it is rather than which it is. */
const legalWords = new Set(['coop', 'co-op', 'co-operative', 'cooperative', 'llp', 'ltd', 'limited']);

/**
 * The initials of a co-op's name: the first letters of its first two words ("Agile Collective": AC), leaving out
 * words such as "Co-op" unless the name has no other; a name of one word is its first letter ("Outlandish": O), or
 * the whole of an acronym of up to three characters ("CBN", "MC3").
 */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const telling = words.filter((word) => !legalWords.has(word.toLowerCase()));
  const chosen = telling.length > 0 ? telling : words;
  const [first = '', second] = chosen;
  if (second !== undefined) {
    return [first, second].map((word) => (/[\p{L}\p{N}]/u.exec(word)?.[0] ?? '').toUpperCase()).join('');
  }
  if (/^[\p{Lu}\p{N}]{1,3}$/u.test(first)) return first;
  return (/[\p{L}\p{N}]/u.exec(first)?.[0] ?? '?').toUpperCase();
}

/** A co-op's monogram: the initials of its name on its own colour. */
export function monogramOf(coop: { slug: string; name: string }): Monogram {
  return { initials: initialsOf(coop.name), background: monogramColour(coop.slug), foreground: white };
}
