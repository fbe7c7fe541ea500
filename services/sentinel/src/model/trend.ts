// A robust local trend: the Theil–Sen slope (median of pairwise slopes) over the recent window
// of one-minute medians, so a spike or a step shorter than about a quarter of the window moves
// neither the slope nor the level. Forecasts extrapolate it with a spread from the residuals.
import { medianInPlace, normalCdf } from './stats';

// Module-level names for Math: a global lookup per call is slow in a VM sandbox (Jest's).
const { abs, hypot, max, min, sqrt } = Math;

export interface TimedValue {
  /** Epoch milliseconds. */
  t: number;
  v: number;
}

/** Reused between fits: a fit allocates nothing but its result. */
let scratch = new Float64Array(512);

export interface TrendFit {
  /** The fitted value at `at`. */
  level: number;
  /** Change per millisecond. */
  slope: number;
  /** Robust spread of the points around the line (1.4826 × MAD), at least the signal's floor. */
  scale: number;
  slopeStdErr: number;
  levelStdErr: number;
  n: number;
  at: number;
}

/**
 * The line through `points` (time-ordered, at most a few dozen), evaluated at `at`.
 * `inflation` widens the standard errors for autocorrelated residuals; `minScale` is the
 * smallest spread the signal can honestly have (its noise floor).
 */
export function fitTrend(points: readonly TimedValue[], at: number, minScale: number, inflation = 1): TrendFit | undefined {
  const n = points.length;
  if (n < 3) return undefined;
  const pairs = (n * (n - 1)) / 2;
  if (scratch.length < pairs || scratch.length < n) scratch = new Float64Array(max(pairs, n) * 2);
  const buf = scratch;
  let m = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = points[j]!;
      const dt = b.t - a.t;
      if (dt > 0) buf[m++] = (b.v - a.v) / dt;
    }
  }
  if (m === 0) return undefined;
  const slope = medianInPlace(buf, m);
  for (let i = 0; i < n; i++) buf[i] = points[i]!.v - slope * (points[i]!.t - at);
  const level = medianInPlace(buf, n);
  let meanT = 0;
  for (let i = 0; i < n; i++) {
    buf[i] = abs(points[i]!.v - slope * (points[i]!.t - at) - level);
    meanT += points[i]!.t - at;
  }
  meanT /= n;
  let sxx = 0;
  for (let i = 0; i < n; i++) sxx += (points[i]!.t - at - meanT) ** 2;
  const scale = max(1.4826 * medianInPlace(buf, n), minScale);
  const slopeStdErr = sxx > 0 ? (inflation * scale) / sqrt(sxx) : Infinity;
  const levelStdErr = inflation * scale * sqrt(1 / n + (sxx > 0 ? (meanT * meanT) / sxx : 0));
  return { level, slope, scale, slopeStdErr, levelStdErr, n, at };
}

/**
 * False when the robust line through `points` cannot reach `threshold` within `horizon` of `at`
 * — then the fit is not needed to know there is no breach ahead. Exact, and cheap: the line at
 * the horizon is the median of the values each carried forward by its slope, at most their
 * largest, so it reaches the line only with a slope of at least the smallest one that carries
 * some value there; and the Theil–Sen slope is that steep only if half the pairwise slopes are.
 */
export function mayReach(points: readonly TimedValue[], at: number, threshold: number, horizon: number): boolean {
  const n = points.length;
  let needed = Infinity;
  let previous = -Infinity;
  for (const p of points) {
    if (p.v >= threshold || p.t <= previous) return true; // over already, or times not strictly increasing: fit
    previous = p.t;
    needed = min(needed, (threshold - p.v) / (horizon + at - p.t));
  }
  const pairs = (n * (n - 1)) / 2;
  const half = pairs / 2;
  let steep = 0;
  let seen = 0;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    for (let j = i + 1; j < n; j++) {
      const b = points[j]!;
      seen++;
      if (b.v - a.v >= needed * (b.t - a.t) && ++steep >= half) return true;
      if (steep + (pairs - seen) < half) return false;
    }
  }
  return steep >= half;
}

/** The fitted line `h` ms after the fit, with the standard deviation of that mean. */
export function project(fit: TrendFit, h: number): { value: number; sd: number } {
  return { value: fit.level + fit.slope * h, sd: hypot(fit.levelStdErr, fit.slopeStdErr * h) };
}

/** Milliseconds until the line reaches `threshold`; 0 when it is there already, undefined when it never does. */
export function timeToThreshold(fit: TrendFit, threshold: number): number | undefined {
  if (fit.level >= threshold) return 0;
  if (fit.slope <= 0) return undefined;
  return (threshold - fit.level) / fit.slope;
}

/** The probability that the line's true value `horizon` ms ahead is at or above `threshold`. */
export function breachProbability(fit: TrendFit, threshold: number, horizon: number): number {
  const { value, sd } = project(fit, horizon);
  if (sd === 0) return value >= threshold ? 1 : 0;
  return normalCdf((value - threshold) / sd);
}
