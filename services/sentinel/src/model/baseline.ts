// A signal's normal level and spread: an exponentially weighted mean and variance of its
// one-minute medians, each new value clipped to three spreads of the mean first (so a spike
// cannot drag the baseline), learning fast while young and slowly once it knows the signal.
// Module-level names for Math: a global lookup per call is slow in a VM sandbox (Jest's).
const { exp, max, min, sqrt } = Math;

export interface Baseline {
  mean: number;
  variance: number;
  /** How many values it has learned from. */
  count: number;
  /** Time of the last update (epoch ms). */
  time: number;
}

const CLIP = 3;

export function emptyBaseline(): Baseline {
  return { mean: 0, variance: 0, count: 0, time: 0 };
}

/** `tauMs` is the memory: a value's weight halves every tau × ln 2. */
export function learn(b: Baseline, value: number, time: number, tauMs: number, minScale: number): Baseline {
  if (b.count === 0) return { mean: value, variance: minScale * minScale, count: 1, time };
  const sd = max(sqrt(b.variance), minScale);
  const clipped = min(max(value, b.mean - CLIP * sd), b.mean + CLIP * sd);
  const dt = max(time - b.time, 0);
  const alpha = max(1 - exp(-dt / tauMs), 1 / (b.count + 1));
  const diff = clipped - b.mean;
  const mean = b.mean + alpha * diff;
  const variance = (1 - alpha) * (b.variance + alpha * diff * diff);
  return { mean, variance, count: b.count + 1, time };
}

export function spread(b: Baseline, minScale: number): number {
  return max(sqrt(b.variance), minScale);
}

/** How unusual `value` is, in spreads from the mean (0 before anything was learned). */
export function anomalyScore(b: Baseline, value: number, minScale: number): number {
  if (b.count === 0) return 0;
  return (value - b.mean) / spread(b, minScale);
}
