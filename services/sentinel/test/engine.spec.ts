// The engine end to end on synthetic reads: a leak is predicted before it breaches, with an ETA
// near the truth; noise, spikes and steps are not; quiet signals stand down and are forgotten.
import { Sentinel, type PredictionRecord } from '../src/engine';
import { defaultDetectorSettings } from '../src/model/signal';
import type { Sample } from '../src/prom/text';
import { createRng } from '../src/random';
import type { Limits, SignalSpec } from '../src/signals/definitions';
import { DEFAULT_EXTRACT } from '../src/signals/extract';

const MIN = 60_000;
const MiB = 2 ** 20;
const STEP = 15_000;
const T0 = Date.UTC(2025, 0, 6, 8);
const limits: Limits = { latencySloSeconds: () => 0.5, memoryLimitBytes: () => 384 * MiB };

function engine() {
  const events = { opened: [] as PredictionRecord[], resolved: [] as PredictionRecord[], breached: [] as { spec: SignalSpec; predicted: boolean }[], removed: [] as SignalSpec[] };
  let n = 0;
  const sentinel = new Sentinel({ intervalMs: STEP, detector: defaultDetectorSettings(30 * MIN, STEP), extract: DEFAULT_EXTRACT, resolvedRetentionMs: 86_400_000, maxResolved: 100, newId: () => `p${++n}` }, limits, {
    opened: (p) => events.opened.push({ ...p }),
    resolved: (p) => events.resolved.push({ ...p }),
    breached: (spec, _t, _v, predicted) => events.breached.push({ spec, predicted }),
    removed: (spec) => events.removed.push(spec),
  });
  return { sentinel, events };
}

/** Feeds one service's reads every 15 s from `fromMin` to `toMin` (minutes after T0). */
function feed(sentinel: Sentinel, fromMin: number, toMin: number, samples: (minute: number) => Sample[], service = 'payments'): void {
  for (let t = T0 + fromMin * MIN; t < T0 + toMin * MIN; t += STEP) {
    sentinel.ingest({ service, time: t, samples: samples((t - T0) / MIN) });
    if (t % MIN === 0) sentinel.expire(t);
  }
}

const rss = (value: number): Sample => ({ name: 'process_resident_memory_bytes', labels: {}, value });
const lag = (value: number): Sample => ({ name: 'nodejs_eventloop_lag_p99_seconds', labels: {}, value });

describe('Sentinel', () => {
  it('predicts a memory leak before the limit, with an ETA close to the truth, and sees it through', () => {
    const { sentinel, events } = engine();
    const rng = createRng(3);
    const line = 0.9 * 384 * MiB;
    const truth = (line - 150 * MiB) / (2 * MiB); // minutes until the leak reaches the line
    feed(sentinel, 0, 110, (m) => [rss(150 * MiB + 2 * MiB * m + 0.5 * MiB * rng.normal())]);

    expect(events.opened).toHaveLength(1);
    const p = events.opened[0]!;
    expect(p).toMatchObject({ service: 'payments', signal: 'process_resident_memory_bytes', kind: 'MEMORY_LEAK', threshold: line });
    const predictedAt = (p.predictTime - T0) / MIN;
    expect(predictedAt).toBeLessThan(truth - 20);
    expect(Math.abs((p.breachTime - T0) / MIN - truth)).toBeLessThan(4);
    expect(p.summary).toMatch(/^payments resident memory rises 2\.\d MiB\/min .*reaches 345\.6 MiB in ~\d+ min$/);
    expect(events.resolved).toEqual([expect.objectContaining({ id: p.id, outcome: 'breached' })]);
    expect(events.breached).toEqual([expect.objectContaining({ predicted: true })]);
    expect(sentinel.openPredictions()).toEqual([]);
    expect(sentinel.resolvedPredictions()).toHaveLength(1);
  });

  it('does not cry wolf over noise, short spikes and a step that then stays flat', () => {
    const { sentinel, events } = engine();
    const rng = createRng(11);
    feed(sentinel, 0, 8 * 60, (m) => {
      let value = 0.03 * Math.exp(0.15 * rng.normal());
      if (m % 47 < 3) value *= 4; // a three-minute spike every 47 minutes
      if (m > 300) value += 0.09; // from minute 300 on, a step up that stays (still under 0.2 s)
      return [lag(value)];
    });
    expect(events.opened).toEqual([]);
    const model = sentinel.signal('payments', 'nodejs_eventloop_lag_p99_seconds')!;
    expect(model.baseline.count).toBeGreaterThan(100);
    expect(model.points.size).toBeGreaterThan(1000);
  });

  it('predicts a lag that keeps growing', () => {
    const { sentinel, events } = engine();
    const rng = createRng(5);
    feed(sentinel, 0, 130, (m) => [lag((0.02 + Math.max(0, m - 40) * 0.002) * Math.exp(0.1 * rng.normal()))]);
    const truth = 40 + (0.2 - 0.02) / 0.002;
    expect(events.opened).toHaveLength(1);
    expect((events.opened[0]!.predictTime - T0) / MIN).toBeLessThan(truth - 5);
    expect(events.opened[0]!.kind).toBe('EVENT_LOOP_LAG');
  });

  it('stands a prediction down when its signal goes quiet, and forgets the signal later', () => {
    const { sentinel, events } = engine();
    feed(sentinel, 0, 80, (m) => [rss(150 * MiB + 2 * MiB * m)]);
    expect(sentinel.openPredictions()).toHaveLength(1);
    for (let m = 80; m <= 80 + 6 * 60 + 10; m++) sentinel.expire(T0 + m * MIN);
    expect(events.resolved).toEqual([expect.objectContaining({ outcome: 'stale' })]);
    expect(events.removed.map((s) => s.name)).toEqual(['process_resident_memory_bytes']);
    expect(sentinel.signals()).toEqual([]);
  });
});
