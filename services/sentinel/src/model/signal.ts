// One watched signal: its recent points, one-minute medians, learned baseline, robust trend and
// alarm. Values come in with their own timestamps (a scrape's, or a simulation's), so the same
// code runs live and in the evaluation, where time is simulated.
import type { SignalSpec } from '../signals/definitions';
import { decideAlarm, evolveAlarm, initialAlarm, type AlarmEvent, type AlarmSettings, type AlarmState } from './alarm';
import { anomalyScore, emptyBaseline, learn, spread, type Baseline } from './baseline';
import { medianInPlace } from './stats';
import { breachProbability, fitTrend, mayReach, project, timeToThreshold, type TimedValue, type TrendFit } from './trend';

// Module-level names for Math and Number: a global lookup per call is slow in a VM sandbox (Jest's).
const { ceil, floor, hypot, max, min } = Math;
const { isFinite } = Number;

export interface DetectorSettings {
  /** How far ahead breaches are forecast. */
  horizonMs: number;
  /** Values are reduced to one median per bin before fitting (at least the scrape interval). */
  binMs: number;
  /** The trend is fitted over this much recent history… */
  fitWindowMs: number;
  /** …and checked against the slope of this much (the trend must still be going on). */
  recentWindowMs: number;
  /** Fewer bins than this in the window: no forecast yet. */
  minFitPoints: number;
  /** Raw points kept for GetSignal. */
  retentionMs: number;
  /** Memory of the baseline. */
  baselineTauMs: number;
  /** Widens the trend's standard errors for autocorrelated noise. */
  inflation: number;
  alarm: AlarmSettings;
}

export function defaultDetectorSettings(horizonMs: number, intervalMs: number): DetectorSettings {
  const binMs = max(60_000, intervalMs);
  return {
    horizonMs,
    binMs,
    fitWindowMs: max(20 * 60_000, 12 * binMs),
    recentWindowMs: max(7 * 60_000, 5 * binMs),
    minFitPoints: 10,
    retentionMs: 6 * 3_600_000,
    baselineTauMs: 3 * 3_600_000,
    inflation: 2,
    alarm: {
      horizonMs,
      enterConfidence: 0.9,
      holdConfidence: 0.5,
      persistenceMs: 3 * 60_000,
      recoveryMs: 10 * 60_000,
      criticalEtaMs: min(10 * 60_000, horizonMs / 2),
      staleMs: 5 * 60_000 + 2 * intervalMs,
    },
  };
}

export interface Assessment {
  time: number;
  /** The latest one-minute median. */
  value: number;
  /** The trend, when a breach could lie ahead (else see SignalModel.trend()). */
  fit: TrendFit | undefined;
  etaMs: number | undefined;
  confidence: number;
  /** The recent minutes still climb: not well under the line, not much flatter than it. */
  rising: boolean;
  above: boolean;
  anomaly: number;
}

/** A fixed-capacity ring of (time, value) points. */
class Ring {
  private readonly times: Float64Array;
  private readonly values: Float64Array;
  private start = 0;
  size = 0;

  constructor(readonly capacity: number) {
    this.times = new Float64Array(capacity);
    this.values = new Float64Array(capacity);
  }

  push(t: number, v: number): void {
    const at = (this.start + this.size) % this.capacity;
    this.times[at] = t;
    this.values[at] = v;
    if (this.size < this.capacity) this.size++;
    else this.start = (this.start + 1) % this.capacity;
  }

  dropBefore(t: number): void {
    while (this.size > 0 && this.times[this.start]! < t) {
      this.start = (this.start + 1) % this.capacity;
      this.size--;
    }
  }

  last(): TimedValue | undefined {
    if (this.size === 0) return undefined;
    const at = (this.start + this.size - 1) % this.capacity;
    return { t: this.times[at]!, v: this.values[at]! };
  }

  since(t: number): TimedValue[] {
    const out: TimedValue[] = [];
    for (let k = 0; k < this.size; k++) {
      const at = (this.start + k) % this.capacity;
      if (this.times[at]! >= t) out.push({ t: this.times[at]!, v: this.values[at]! });
    }
    return out;
  }
}

export class SignalModel {
  readonly points: Ring;
  private readonly bins: TimedValue[] = [];
  /** Start of the bin being filled; -1 before the first value. */
  private binStart = -1;
  private binValues: number[] = [];
  baseline: Baseline = emptyBaseline();
  alarm: AlarmState = initialAlarm();
  assessment: Assessment | undefined;
  private displayFit: TrendFit | undefined;
  lastSeen = -Infinity;

  constructor(
    public spec: SignalSpec,
    private readonly settings: DetectorSettings,
    intervalMs: number,
  ) {
    this.points = new Ring(ceil(settings.retentionMs / max(intervalMs, 1000)) + 16);
  }

  /** Takes one value; when it closes a bin, assesses the signal and returns the alarm's events. */
  observe(time: number, value: number): AlarmEvent[] {
    if (!isFinite(value) || time <= this.lastSeen) return [];
    this.lastSeen = time;
    this.points.push(time, value);
    this.points.dropBefore(time - this.settings.retentionMs);
    const { binMs } = this.settings;
    let events: AlarmEvent[] = [];
    if (this.binStart >= 0 && time >= this.binStart + binMs) events = this.closeBin();
    if (this.binStart < 0 || time >= this.binStart + binMs) {
      this.binStart = floor(time / binMs) * binMs;
      this.binValues = [];
    }
    this.binValues.push(value);
    return events;
  }

  /** Stands the alarm down when the signal has gone quiet (its target down or gone). */
  expire(now: number): AlarmEvent[] {
    if (now - this.lastSeen < this.settings.alarm.staleMs || this.alarm.phase === 'idle') return [];
    return this.apply(decideAlarm({ type: 'Expire', time: now }, this.alarm, this.settings.alarm));
  }

  private closeBin(): AlarmEvent[] {
    const s = this.settings;
    const end = this.binStart + s.binMs;
    const value = medianInPlace(this.binValues);
    const previous = this.bins.at(-1);
    this.bins.push({ t: this.binStart + s.binMs / 2, v: value });
    while (this.bins.length > 0 && this.bins[0]!.t < end - s.fitWindowMs) this.bins.shift();

    const { spec } = this;
    const threshold = spec.threshold;
    // The fit only when a breach could lie ahead (mayReach is exact and much cheaper); the
    // display asks for one when it needs it.
    const fit = this.bins.length >= s.minFitPoints && threshold !== undefined && spec.alarms && mayReach(this.bins, end, threshold, s.horizonMs) ? fitTrend(this.bins, end, spec.minScale, s.inflation) : undefined;
    this.displayFit = undefined;
    let etaMs: number | undefined;
    let confidence = 0;
    let rising = false;
    if (fit && threshold !== undefined) {
      etaMs = timeToThreshold(fit, threshold);
      confidence = breachProbability(fit, threshold, s.horizonMs);
      if (etaMs !== undefined && etaMs <= s.horizonMs) rising = this.stillRising(fit, end, value);
    }
    // One noisy minute over the line is not a breach: two in a row are.
    const above = threshold !== undefined && value >= threshold && previous !== undefined && previous.t >= end - 2 * s.binMs && previous.v >= threshold;
    const anomaly = anomalyScore(this.baseline, value, spec.minScale);
    this.assessment = { time: end, value, fit, etaMs, confidence, rising, above, anomaly };
    // Learn only from calm minutes: a degradation must not become the new normal.
    if (this.alarm.phase === 'idle' && confidence < s.alarm.holdConfidence) this.baseline = learn(this.baseline, value, end, s.baselineTauMs, spec.minScale);
    if (threshold === undefined || !spec.alarms) return [];
    return this.apply(decideAlarm({ type: 'Assess', time: end, above, etaMs, confidence, rising }, this.alarm, s.alarm));
  }

  /**
   * Whether the last minutes still climb as the window's trend does. A spike or a step (a jump,
   * then flat or back down) tilts a window's line for as long as it sits inside it.
   */
  private stillRising(fit: TrendFit, end: number, latest: number): boolean {
    const s = this.settings;
    return !dropsBelowLine(latest, fit) && !stepFitsBetter(this.bins, fit) && recentSlopeAgrees(this.bins, fit, end, s.recentWindowMs, this.spec.minScale, s.inflation);
  }

  private apply(events: AlarmEvent[]): AlarmEvent[] {
    for (const e of events) this.alarm = evolveAlarm(this.alarm, e);
    return events;
  }

  latest(): TimedValue | undefined {
    return this.points.last();
  }

  /** The trend as of the last closed minute (fitted now if the assessment did not need it). */
  trend(): TrendFit | undefined {
    const a = this.assessment;
    if (!a || this.bins.length < this.settings.minFitPoints) return undefined;
    if (a.fit) return a.fit;
    this.displayFit ??= fitTrend(this.bins, a.time, this.spec.minScale, this.settings.inflation);
    return this.displayFit;
  }

  baselineSpread(): number {
    return spread(this.baseline, this.spec.minScale);
  }

  /** The fitted line ahead of the last assessment, with a 95% band for single values. */
  forecast(steps: number): { time: number; value: number; lower: number; upper: number }[] {
    const a = this.assessment;
    const fit = this.trend();
    if (!a || !fit) return [];
    const out = [];
    for (let k = 1; k <= steps; k++) {
      const h = (this.settings.horizonMs * k) / steps;
      const { value, sd } = project(fit, h);
      const band = 1.96 * hypot(sd, fit.scale);
      out.push({ time: a.time + h, value, lower: value - band, upper: value + band });
    }
    return out;
  }
}

/** The latest minute fell well under the line: the rise is over (a spike ended, a fix landed). */
export function dropsBelowLine(latest: number, fit: TrendFit): boolean {
  return latest < fit.level - 3 * fit.scale;
}

/**
 * Whether the recent minutes climb at least half as fast as the window's trend, within noise:
 * a rise that levelled off does not; a plateau at a histogram bucket bound (where a quantile
 * sticks for a while) slows a real rise without stopping it.
 */
export function recentSlopeAgrees(points: readonly TimedValue[], fit: TrendFit, end: number, windowMs: number, minScale: number, inflation: number): boolean {
  const recent = points.filter((b) => b.t >= end - windowMs);
  if (recent.length < 4) return true;
  const short = fitTrend(recent, end, minScale, inflation);
  return short === undefined || short.slope >= fit.slope / 2 - 2 * short.slopeStdErr;
}

/**
 * Whether one jump between two flat stretches explains the window much better than the line:
 * then the rise was a step (a deploy, a config change, a burst of load), not a trend.
 */
export function stepFitsBetter(points: readonly TimedValue[], fit: TrendFit): boolean {
  const n = points.length;
  if (n < 8) return false;
  let lineSse = 0;
  let total = 0;
  let totalSq = 0;
  for (const p of points) {
    lineSse += (p.v - (fit.level + fit.slope * (p.t - fit.at))) ** 2;
    total += p.v;
    totalSq += p.v * p.v;
  }
  let best = Infinity;
  let left = 0;
  let leftSq = 0;
  for (let k = 1; k < n; k++) {
    left += points[k - 1]!.v;
    leftSq += points[k - 1]!.v ** 2;
    if (k < 3 || n - k < 3) continue;
    const right = total - left;
    const rightSq = totalSq - leftSq;
    best = min(best, leftSq - (left * left) / k + rightSq - (right * right) / (n - k));
  }
  return best < 0.5 * lineSse;
}
