/**
 * A seeded source of randomness for the life suite (mulberry32: 32 bits of state, a few lines, the same numbers
 * for the same seed on every machine). `fork` gives a named part of the cast its own stream, so what one actor
 * draws never shifts what another draws.
 */
export type Random = {
  /** A number in [0, 1). */
  next: () => number;
  /** A whole number in [0, n). */
  int: (n: number) => number;
  /** One of `items`; throws on an empty list. */
  pick: <T>(items: readonly T[]) => T;
  chance: (probability: number) => boolean;
  /** A copy of `items` in a random order. */
  shuffled: <T>(items: readonly T[]) => T[];
  fork: (name: string) => Random;
};

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => {
      if (items.length === 0) throw new Error('nothing to pick from');
      return items[int(items.length)] as (typeof items)[number];
    },
    chance: (probability) => next() < probability,
    shuffled: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    fork: (name) => {
      // FNV-1a of the name, mixed with this stream's seed: the same name always gives the same stream.
      let hash = 0x811c9dc5 ^ seed;
      for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
      return seededRandom(hash >>> 0);
    },
  };
}

/** The run's seed: LIFE_SEED when set (a replay), else a new one, which the run prints. */
export function lifeSeed(value = process.env.LIFE_SEED): number {
  if (value === undefined || value.trim() === '') return Math.floor(Math.random() * 1_000_000);
  if (!/^\d+$/.test(value.trim())) throw new Error(`LIFE_SEED is "${value}", but it takes a whole number`);
  return Number(value);
}
