// The acceptance evaluation: simulated days of the suite's metrics (seeded) go through the same
// Sentinel the service runs — extraction, models, alarms — and its predictions are scored against
// the injected degradations' true breach times: share predicted, lead times, false alarms per day.
import { performance } from 'node:perf_hooks';
import { Sentinel, type PredictionRecord } from '../engine';
import { defaultDetectorSettings } from '../model/signal';
import { DEFAULT_EXTRACT } from '../signals/extract';
import { DAY_MS, simulate, type DegradationType, type Episode } from './simulate';
import { SIM_SUITE, simLimits } from './suite';

/** The same shape as bench/ai's AiEvaluation. */
export interface SentinelEvaluation {
  service: 'sentinel';
  passed: boolean;
  metrics: Record<string, number | string | boolean>;
  table: Array<[string, string, string]>;
}

export interface EvalConfig {
  seed: number;
  normalDays: number;
  degradedDays: number;
  episodesPerDay: number;
  rampMinutes: [number, number];
  stepMs: number;
  horizonMinutes: number;
}

export const DEFAULT_EVAL: EvalConfig = { seed: 20250106, normalDays: 3, degradedDays: 4, episodesPerDay: 10, rampMinutes: [20, 120], stepMs: 15_000, horizonMinutes: 30 };

export const TARGETS = { predictedShare: 0.9, medianLeadMinutes: 5, falseAlarmsPerDay: 1 };

export interface EpisodeScore {
  episode: Episode;
  predicted: boolean;
  leadMs: number | undefined;
}

export interface EvalDetails {
  scores: EpisodeScore[];
  falseAlarms: PredictionRecord[];
  predictions: PredictionRecord[];
  ingestMs: { p50: number; p99: number; count: number };
}

const START = Date.UTC(2025, 0, 6);
const LATE_GRACE_MS = 30 * 60_000;

function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

export function runEvaluation(config: EvalConfig = DEFAULT_EVAL): SentinelEvaluation & { details: EvalDetails } {
  const horizonMs = config.horizonMinutes * 60_000;
  const predictions: PredictionRecord[] = [];
  let seq = 0;
  const sentinel = new Sentinel(
    { intervalMs: config.stepMs, detector: defaultDetectorSettings(horizonMs, config.stepMs), extract: DEFAULT_EXTRACT, resolvedRetentionMs: DAY_MS, maxResolved: 1000, newId: () => `p${++seq}` },
    simLimits(SIM_SUITE),
    { opened: (p) => predictions.push({ ...p }) },
  );
  const timings: number[] = [];
  const sim = simulate(
    { seed: config.seed, start: START, stepMs: config.stepMs, normalDays: config.normalDays, degradedDays: config.degradedDays, episodesPerDay: config.episodesPerDay, rampMinutes: config.rampMinutes, suite: SIM_SUITE },
    (scrape) => {
      const t0 = performance.now();
      sentinel.ingest(scrape);
      timings.push(performance.now() - t0);
    },
    (time) => {
      if (time % 60_000 === 0) sentinel.expire(time);
    },
  );

  // Score: a prediction on one of an episode's signals, made between its onset and its breach,
  // predicted it (lead = breach − the latest such prediction). One made after the breach, while
  // it lasts, is late but not false. Every other prediction is a false alarm.
  const used = new Set<PredictionRecord>();
  const scores: EpisodeScore[] = sim.episodes
    .filter((e) => e.breachTime !== undefined)
    .map((episode) => {
      const mine = predictions.filter((p) => p.service === episode.service && episode.signals.includes(p.signal) && p.predictTime >= episode.onset && p.predictTime <= episode.end + LATE_GRACE_MS);
      for (const p of mine) used.add(p);
      const before = mine.filter((p) => p.predictTime < episode.breachTime!);
      const last = before.at(-1);
      return { episode, predicted: last !== undefined, leadMs: last ? episode.breachTime! - last.predictTime : undefined };
    });
  const falseAlarms = predictions.filter((p) => !used.has(p));
  const normalEnd = START + config.normalDays * DAY_MS;
  const falseOnNormalDays = falseAlarms.filter((p) => p.predictTime < normalEnd).length;
  const days = config.normalDays + config.degradedDays;

  const predictedCount = scores.filter((s) => s.predicted).length;
  const predictedShare = scores.length ? predictedCount / scores.length : 0;
  const leads = scores.flatMap((s) => (s.leadMs === undefined ? [] : [s.leadMs / 60_000])).sort((a, b) => a - b);
  const medianLead = leads.length ? quantile(leads, 0.5) : 0;
  const falsePerDay = falseAlarms.length / days;
  const falsePerNormalDay = config.normalDays ? falseOnNormalDays / config.normalDays : 0;
  const sortedTimings = [...timings].sort((a, b) => a - b);
  const ingestMs = { p50: quantile(sortedTimings, 0.5), p99: quantile(sortedTimings, 0.99), count: timings.length };

  const byType: Record<string, string> = {};
  for (const type of new Set(scores.map((s) => s.episode.type))) {
    const of = scores.filter((s) => s.episode.type === (type as DegradationType));
    byType[`predicted_${type}`] = `${of.filter((s) => s.predicted).length}/${of.length}`;
  }

  const passed = predictedShare >= TARGETS.predictedShare && medianLead >= TARGETS.medianLeadMinutes && falsePerDay <= TARGETS.falseAlarmsPerDay && falsePerNormalDay <= TARGETS.falseAlarmsPerDay;
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  return {
    service: 'sentinel',
    passed,
    metrics: {
      episodes: scores.length,
      predicted: predictedCount,
      predictedShare,
      medianLeadMinutes: medianLead,
      p10LeadMinutes: leads.length ? quantile(leads, 0.1) : 0,
      falseAlarms: falseAlarms.length,
      falseAlarmsPerDay: falsePerDay,
      falseAlarmsPerNormalDay: falsePerNormalDay,
      simulatedDays: days,
      services: sim.services.length,
      signals: sentinel.signals().length,
      ingestP50Ms: ingestMs.p50,
      ingestP99Ms: ingestMs.p99,
      seed: config.seed,
      ...byType,
    },
    table: [
      ['breaches predicted', `${pct(predictedShare)} (${predictedCount}/${scores.length})`, '≥ 90%'],
      ['median lead time (simulated)', `${medianLead.toFixed(1)} min`, '≥ 5 min'],
      ['false alarms per simulated day (all days)', `${falsePerDay.toFixed(2)} (${falseAlarms.length} in ${days} days)`, '≤ 1'],
      ['false alarms per day of normal traffic', `${falsePerNormalDay.toFixed(2)} (${falseOnNormalDays} in ${config.normalDays} days)`, '≤ 1'],
      ['ingest latency per scrape p50 / p99', `${ingestMs.p50.toFixed(3)} / ${ingestMs.p99.toFixed(3)} ms`, ''],
      ['simulated', `${days} days, ${sim.services.length} services, ${sentinel.signals().length} signals, step ${config.stepMs / 1000} s`, ''],
    ],
    details: { scores, falseAlarms, predictions, ingestMs },
  };
}
