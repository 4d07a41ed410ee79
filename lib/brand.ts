import { colors } from './theme';

// The network's mark and wordmark, drawn here for this site and nowhere else: every picture of them (the header,
// the favicon and app icons, the link-preview cards) is made from these shapes, so they cannot drift apart.
//
// The mark is a ring of three arcs on a brand-red tile: three members with gaps between them, making one circle.
// The wordmark spells "CoTech" in one pen stroke of the mark's width with its round ends, from circles and lines.
// At 16 pixels (a favicon) the tile stays a red square and the ring a white ring: nothing finer than 2 pixels.

/** A shape drawn as a stroke: SVG path data, in the drawing's own units. */
type Stroke = string;

/** The pen of both drawings: the width of every stroke, in the units of a 32-unit tile. */
export const penWidth = 4;

const round = (value: number) => Math.round(value * 1000) / 1000;
const point = (cx: number, cy: number, r: number, degrees: number) => {
  const radians = (degrees * Math.PI) / 180;
  return `${round(cx + r * Math.cos(radians))} ${round(cy + r * Math.sin(radians))}`;
};

/**
 * The path of an arc of the circle (cx, cy, r) from one angle to another, in degrees clockwise from three o'clock (SVG's
 * y points down), drawn clockwise when `to` is larger than `from`, continuing the path from the arc's start.
 */
function arcTo(cx: number, cy: number, r: number, from: number, to: number): Stroke {
  const sweep = to > from ? 1 : 0;
  const large = Math.abs(to - from) > 180 ? 1 : 0;
  return `A${r} ${r} 0 ${large} ${sweep} ${point(cx, cy, r, to)}`;
}

/** An arc as a path of its own: a move to its start, then the arc. */
const arc = (cx: number, cy: number, r: number, from: number, to: number): Stroke =>
  `M${point(cx, cy, r, from)}${arcTo(cx, cy, r, from, to)}`;

/** The mark: a 32-unit tile with rounded corners, and the ring's three arcs. */
export const mark = {
  size: 32,
  cornerRadius: 7,
  /** Each arc spans 80°: with the round ends, the gaps between them are about 3 units wide. */
  arcs: [90, 210, 330].map((middle) => arc(16, 16, 9, middle - 40, middle + 40)),
} as const;

/** Cap height and x-height of the wordmark's letters; the baseline is at the bottom of the cap height. */
const cap = 24;
const x = 17;
const half = penWidth / 2;

/**
 * One letter: its strokes, drawn from its left edge at `left`, and its width. The strokes are the pen's centre
 * lines, so every shape is inset by half the pen from the letter's box.
 */
type Letter = (left: number) => { strokes: Stroke[]; width: number };

/** An open circle (C, c): its gap faces right, `gap` degrees wide. */
const openCircle =
  (height: number, gap: number): Letter =>
  (left) => {
    const r = (height - penWidth) / 2;
    return { strokes: [arc(left + half + r, cap - half - r, r, -gap / 2, -360 + gap / 2)], width: height };
  };

/** A circle of x-height, as the o, e and h draw it: its centre, for a letter whose left edge is at `left`. */
const bowl = (left: number) => {
  const r = (x - penWidth) / 2;
  return { cx: left + half + r, cy: cap - half - r, r };
};

const letters: Record<'C' | 'o' | 'T' | 'e' | 'c' | 'h', Letter> = {
  C: openCircle(cap, 100),
  c: openCircle(x, 110),
  // Two half circles: one arc cannot close a whole circle.
  o: (left) => {
    const { cx, cy, r } = bowl(left);
    return { strokes: [arc(cx, cy, r, 0, 180) + arcTo(cx, cy, r, 180, 360)], width: x };
  },
  T: (left) => ({
    strokes: [`M${left + half} ${half}H${left + 18 - half}`, `M${left + 9} ${half}V${cap - half}`],
    width: 18,
  }),
  // A bar across the middle, and the bowl from its right end over the top and round to the lower right.
  e: (left) => {
    const { cx, cy, r } = bowl(left);
    return { strokes: [`M${cx - r} ${cy}H${cx + r}${arcTo(cx, cy, r, 0, -320)}`], width: x };
  },
  // The stem at cap height, and the shoulder: the top half of the bowl, then down to the baseline.
  h: (left) => {
    const { cx, cy, r } = bowl(left);
    return {
      strokes: [`M${cx - r} ${half}V${cap - half}`, `M${cx - r} ${cy}${arcTo(cx, cy, r, 180, 360)}V${cap - half}`],
      width: x,
    };
  },
};

/** The space between two letters, between the ends of their strokes. */
const tracking = 2.5;

/** The wordmark "CoTech": its strokes, and its box in its own units (cap height 24). */
export const wordmark = (() => {
  const strokes: Stroke[] = [];
  let left = 0;
  for (const name of ['C', 'o', 'T', 'e', 'c', 'h'] as const) {
    const letter = letters[name](left);
    strokes.push(...letter.strokes);
    left += letter.width + tracking;
  }
  return { strokes, width: round(left - tracking), height: cap };
})();

/** What the strokes are drawn with: the pen, round at both ends and at corners. */
const pen = `fill="none" stroke-width="${penWidth}" stroke-linecap="round" stroke-linejoin="round"`;

/** The mark's shapes as SVG elements, on its tile of 32 units; a square tile where the platform rounds it. */
function markElements(rounded = true): string {
  const arcs = mark.arcs.map((d) => `<path d="${d}"/>`).join('');
  const corner = rounded ? ` rx="${mark.cornerRadius}"` : '';
  return (
    `<rect width="${mark.size}" height="${mark.size}"${corner} fill="${colors.brand.DEFAULT}"/>` +
    `<g stroke="${colors.white}" ${pen}>${arcs}</g>`
  );
}

/**
 * The mark alone as an SVG document (the favicon, the app icons): a 32-unit tile, with rounded corners unless
 * `rounded` is false (an Apple touch icon, which the system rounds itself and shows on black where it is clear).
 */
export function markSvg({ rounded = true }: { rounded?: boolean } = {}): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${mark.size} ${mark.size}">${markElements(rounded)}</svg>`;
}

/** Between the mark and the wordmark, and the wordmark's scale beside a tile of 32 units (its caps are 16 high). */
const lockup = { gap: 10, wordmarkScale: 2 / 3 };

/** The mark and the wordmark side by side, as the header shows them: its box, for a width and height. */
export const logoBox = {
  width: round(mark.size + lockup.gap + (wordmark.width + penWidth) * lockup.wordmarkScale),
  height: mark.size,
};

/** The wordmark's placement beside the mark: scaled, centred on the tile's height. */
export const wordmarkTransform = `translate(${mark.size + lockup.gap + half * lockup.wordmarkScale} ${round(
  (mark.size - cap * lockup.wordmarkScale) / 2,
)}) scale(${round(lockup.wordmarkScale)})`;

/**
 * The mark and the wordmark side by side, as SVG elements in a box of `logoBox` (the header draws them inside its own
 * <svg>): the wordmark in `ink`, which may be `currentColor`.
 */
export function logoElements(ink: string = colors.ink): string {
  const word = wordmark.strokes.map((d) => `<path d="${d}"/>`).join('');
  return `${markElements()}<g transform="${wordmarkTransform}" stroke="${ink}" ${pen}>${word}</g>`;
}

/** The mark and the wordmark as one SVG document (the link-preview cards). */
export function logoSvg(ink: string = colors.ink): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${logoBox.width} ${logoBox.height}">${logoElements(ink)}</svg>`;
}
