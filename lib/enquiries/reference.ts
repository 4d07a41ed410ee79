/**
 * An enquiry's reference, what people read out and quote: `J-4K7Q` for a join enquiry, `B-9M2D` for a brief. The
 * letter is the kind's (its description's `reference`), then four characters from an alphabet without look-alikes
 * (no 0/O, 1/I/L, nor U), 810,000 per kind: drawn at random, and drawn again if taken (the table's unique index
 * decides, lib/enquiries/store.ts). The database id stays internal: the admin's addresses use it, people never see it.
 * Plain TypeScript without imports of the server: the thanks page and the admin's search read references with it.
 */
export const referenceAlphabet = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const referenceLength = 4;

/** A new reference for a kind whose letter is `prefix`; `random` gives an integer below its argument. */
export function newReference(prefix: string, random: (below: number) => number): string {
  let code = '';
  for (let n = 0; n < referenceLength; n += 1) code += referenceAlphabet[random(referenceAlphabet.length)];
  return `${prefix}-${code}`;
}

const shape = new RegExp(`^[A-Z]-[${referenceAlphabet}]{${referenceLength}}$`);

/**
 * A reference as someone typed or read it out, in its one spelling, or undefined if it cannot be one: case, spaces
 * and the dash do not matter (`b 9m2d`, `B9M2D`). A character outside the alphabet (0, O, 1, I, L, U) is not guessed
 * at: such a text is no reference.
 */
export function normaliseReference(text: string): string | undefined {
  const compact = text.toUpperCase().replace(/[\s-]+/g, '');
  const spelled = `${compact.slice(0, 1)}-${compact.slice(1)}`;
  return shape.test(spelled) ? spelled : undefined;
}
