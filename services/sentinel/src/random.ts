// A small seeded PRNG (mulberry32) and the few distributions the simulator needs, so every
// generated series is the same for the same seed.

// Module-level names for Math: a global lookup per call is slow in a VM sandbox (Jest's).
const { imul, sqrt, log, sin, cos, exp, round, floor, min, max, PI } = Math;

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  normal(): number;
  uniform(min: number, max: number): number;
  int(min: number, maxInclusive: number): number;
  poisson(mean: number): number;
  binomial(n: number, p: number): number;
  pick<T>(items: readonly T[]): T;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  let spare: number | undefined;
  const rng: Rng = {
    next,
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      // Box–Muller, keeping the second value for the next call.
      const u = 1 - next();
      const v = next();
      const r = sqrt(-2 * log(u));
      spare = r * sin(2 * PI * v);
      return r * cos(2 * PI * v);
    },
    uniform: (min, max) => min + (max - min) * next(),
    int: (min, maxInclusive) => min + floor(next() * (maxInclusive - min + 1)),
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 40) return max(0, round(mean + sqrt(mean) * rng.normal()));
      // Knuth: multiply uniforms until the product drops below e^-mean.
      const limit = exp(-mean);
      let k = 0;
      let p = next();
      while (p > limit) {
        k++;
        p *= next();
      }
      return k;
    },
    binomial(n, p) {
      if (n <= 0 || p <= 0) return 0;
      if (p >= 1) return n;
      const mean = n * p;
      if (n < 40) {
        let k = 0;
        for (let i = 0; i < n; i++) if (next() < p) k++;
        return k;
      }
      if (mean < 15) return min(n, rng.poisson(mean));
      if (n - mean < 15) return n - min(n, rng.poisson(n - mean));
      return min(n, max(0, round(mean + sqrt(mean * (1 - p)) * rng.normal())));
    },
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[floor(next() * items.length)]!;
    },
  };
  return rng;
}
