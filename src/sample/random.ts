/**
 * A small seeded pseudo-random generator (mulberry32) with the helpers the sample and synthetic
 * districts need. Deterministic: the same seed always gives the same sequence, on every platform.
 * Not for anything security-related.
 */

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Integer uniform in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Normal(mean, sd) by Box-Muller. */
  normal(mean?: number, sd?: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
  /** A shuffled copy (Fisher-Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

/** Turn any integer-ish seed into a 32-bit unsigned state (non-finite seeds become 0). */
function seedState(seed: number): number {
  if (!Number.isFinite(seed)) return 0;
  // Mix the integer part and the fraction so that 1 and 1.5 differ.
  const whole = Math.trunc(seed);
  const frac = Math.round((seed - whole) * 1e9);
  return (Math.imul(whole ^ 0x9e3779b9, 0x85ebca6b) ^ frac) >>> 0;
}

/** The mulberry32 step function: returns a generator of uniforms in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seedState(seed);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded random source with helpers. */
export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  let spare: number | null = null;
  const rnd: Random = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, max) => {
      const lo = Math.ceil(Math.min(min, max));
      const hi = Math.floor(Math.max(min, max));
      if (hi < lo) throw new RangeError(`no integer between ${min} and ${max}`);
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    normal: (mean = 0, sd = 1) => {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      let u = 0;
      while (u === 0) u = next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError("pick from an empty list");
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    shuffle: <T>(items: readonly T[]): T[] => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const tmp = out[i] as T;
        out[i] = out[j] as T;
        out[j] = tmp;
      }
      return out;
    },
  };
  return rnd;
}

/** Clamp x into [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}
