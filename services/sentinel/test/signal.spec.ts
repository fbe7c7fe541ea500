// One signal's model: what counts as a trend worth a prediction, and what is only a step or a spike.
import type { AlarmEvent } from '../src/model/alarm';
import { defaultDetectorSettings, dropsBelowLine, recentSlopeAgrees, SignalModel, stepFitsBetter } from '../src/model/signal';
import { fitTrend, type TimedValue } from '../src/model/trend';
import { createRng } from '../src/random';
import type { SignalSpec } from '../src/signals/definitions';

const MIN = 60_000;
const spec: SignalSpec = { service: 'risk', name: 'grpc_server_handling_seconds:p99{grpc_method="Assess"}', kind: 'LATENCY_CREEP', unit: 'seconds', threshold: 0.25, alarms: true, minScale: 0.0025, label: 'p99 latency of Assess' };

/** Feeds one value per 15 s for `minutes`, returning every alarm event. */
function run(value: (minute: number) => number, minutes: number): AlarmEvent[] {
  const model = new SignalModel(spec, defaultDetectorSettings(30 * MIN, 15_000), 15_000);
  const events: AlarmEvent[] = [];
  for (let t = 0; t < minutes * MIN; t += 15_000) events.push(...model.observe(t, value(t / MIN)));
  return events;
}

const opened = (events: AlarmEvent[]) => events.filter((e) => e.type === 'PredictionOpened');

describe('SignalModel', () => {
  const rng = createRng(42);
  const noise = () => 0.002 * rng.normal();

  it('predicts a creep toward the line', () => {
    const events = run((m) => 0.1 + Math.max(0, m - 30) * 0.003 + noise(), 90);
    expect(opened(events)).toHaveLength(1);
    // The line is reached at minute 80; the prediction comes well before.
    expect(opened(events)[0]!.time / MIN).toBeLessThan(72);
  });

  it('does not predict from a step that then stays flat', () => {
    expect(opened(run((m) => (m < 30 ? 0.1 : 0.2) + noise(), 60))).toEqual([]);
  });

  it('does not predict from a step that keeps drifting a little (a burst of load, not a trend)', () => {
    expect(opened(run((m) => (m < 30 ? 0.1 : 0.19 + (m - 30) * 0.002) + noise(), 42))).toEqual([]);
  });

  it('does not predict from a spike that climbs for a few minutes, then ends', () => {
    expect(opened(run((m) => (m >= 30 && m < 37 ? 0.15 + (m - 30) * 0.01 : 0.1) + noise(), 60))).toEqual([]);
  });

  it('stands down once a rise levels off, well under the line', () => {
    const model = new SignalModel(spec, defaultDetectorSettings(30 * MIN, 15_000), 15_000);
    const events: AlarmEvent[] = [];
    const value = (m: number) => (m < 30 ? 0.1 : 0.1 + Math.min(m - 30, 14) * 0.0075) + noise();
    const feedUntil = (minutes: number) => {
      for (let t = model.lastSeen + 15_000; t < minutes * MIN; t += 15_000) events.push(...model.observe(t, value(t / MIN)));
    };
    model.observe(0, value(0));
    feedUntil(45);
    expect(opened(events)).toHaveLength(1); // while it rose, the rise was a trend
    feedUntil(50);
    expect(model.assessment).toMatchObject({ rising: false }); // after a few flat minutes, not any more
    feedUntil(70);
    expect(events.filter((e) => e.type === 'PredictionResolved')).toEqual([expect.objectContaining({ outcome: 'recovered' })]);
  });

  it('stops forecasting the minute the signal drops back under its trend', () => {
    const model = new SignalModel(spec, defaultDetectorSettings(30 * MIN, 15_000), 15_000);
    const ramp = (m: number) => 0.1 + m * 0.006 + noise();
    let t = 0;
    for (; t < 21 * MIN; t += 15_000) model.observe(t, ramp(t / MIN));
    expect(model.assessment).toMatchObject({ rising: true });
    expect(model.assessment!.etaMs!).toBeLessThan(30 * MIN);
    for (; t < 22 * MIN; t += 15_000) model.observe(t, 0.1 + noise());
    model.observe(t, 0.1);
    expect(model.assessment).toMatchObject({ rising: false });
  });

  it('needs a few minutes of history before forecasting anything', () => {
    const model = new SignalModel(spec, defaultDetectorSettings(30 * MIN, 15_000), 15_000);
    for (let t = 0; t < 5 * MIN; t += 15_000) model.observe(t, 0.2 + t / MIN / 100);
    expect(model.assessment?.fit).toBeUndefined();
    expect(model.forecast(12)).toEqual([]);
  });

  it('reports a breach after two minutes over the line, not one', () => {
    const events = run((m) => (m >= 20 && m < 21 ? 0.3 : m >= 40 ? 0.3 : 0.1), 45);
    const breaches = events.filter((e) => e.type === 'BreachObserved');
    expect(breaches).toEqual([{ type: 'BreachObserved', time: 42 * MIN, predicted: false }]);
  });
});

describe('the checks that a rise is still a trend', () => {
  const series = (f: (i: number) => number): TimedValue[] => Array.from({ length: 20 }, (_, i) => ({ t: i * MIN + MIN / 2, v: f(i) }));
  const fitOf = (points: TimedValue[]) => fitTrend(points, 20 * MIN, 0.001, 2)!;
  const check = (points: TimedValue[]) => stepFitsBetter(points, fitOf(points));
  const agrees = (points: TimedValue[]) => recentSlopeAgrees(points, fitOf(points), 20 * MIN, 7 * MIN, 0.001, 2);
  const rng = createRng(9);

  it('sees a rise that levelled off, and not a steady or a quickening one', () => {
    expect(agrees(series((i) => 1 + 0.05 * Math.min(i, 13) + 0.01 * rng.normal()))).toBe(false);
    expect(agrees(series((i) => 1 + 0.05 * i + 0.01 * rng.normal()))).toBe(true);
    expect(agrees(series((i) => 1 + 0.004 * i * i + 0.01 * rng.normal()))).toBe(true);
  });

  it('sees the latest minute falling well under the line', () => {
    const points = series((i) => 1 + 0.05 * i + 0.01 * rng.normal());
    const fit = fitOf(points);
    expect(dropsBelowLine(fit.level - 0.01, fit)).toBe(false);
    expect(dropsBelowLine(1, fit)).toBe(true);
  });

  it('sees a step as a step', () => {
    expect(check(series((i) => (i < 12 ? 1 : 2) + 0.02 * rng.normal()))).toBe(true);
  });

  it('sees ramps, late ramps and noise as no step', () => {
    expect(check(series((i) => 1 + 0.05 * i + 0.02 * rng.normal()))).toBe(false);
    expect(check(series((i) => 1 + 0.1 * Math.max(0, i - 10) + 0.02 * rng.normal()))).toBe(false);
    expect(check(series(() => 1 + 0.02 * rng.normal()))).toBe(false);
    expect(check(series((i) => 1 + 0.002 * i * i + 0.02 * rng.normal()))).toBe(false);
  });
});
