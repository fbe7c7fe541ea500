// The open-model schedule: arrival times for a rate and a linear ramp, and the scheduler driven
// by a hand-moved clock (starts on time whatever is in flight, a cap that drops and counts, stop).
import { arrivalsBy, arrivalTime, rateAt, Scheduler } from '../src/schedule';
import { ManualClock } from './manual-clock';

describe('arrival times', () => {
  it('without a ramp, are evenly spaced at 1/rate from time 0', () => {
    const r = { rate: 5, rampSeconds: 0 };
    [0, 0.2, 0.4, 0.6, 2].forEach((t, i) => expect(arrivalTime(r, [0, 1, 2, 3, 10][i]!)).toBeCloseTo(t, 12));
    expect(arrivalsBy(r, 60)).toBe(300);
  });

  it('during a linear ramp, follow the integral of the rising rate, then continue at the full rate', () => {
    const r = { rate: 5, rampSeconds: 10 };
    // rate(t) = t/2 for t < 10, so N(t) = t²/4: arrival k at 2√k.
    expect(arrivalTime(r, 1)).toBeCloseTo(2, 10);
    expect(arrivalTime(r, 4)).toBeCloseTo(4, 10);
    expect(arrivalTime(r, 16)).toBeCloseTo(8, 10);
    // The ramp holds N(10) = 25 arrivals; after it, one every 0.2 s.
    expect(arrivalTime(r, 25)).toBeCloseTo(10, 10);
    expect(arrivalTime(r, 26)).toBeCloseTo(10.2, 10);
    expect(arrivalsBy(r, 10)).toBe(25);
    expect(arrivalsBy(r, 20)).toBe(75);
    expect(rateAt(r, 0)).toBe(0);
    expect(rateAt(r, 5)).toBe(2.5);
    expect(rateAt(r, 12)).toBe(5);
  });

  it('are increasing and consistent with the count of arrivals due', () => {
    const r = { rate: 7.5, rampSeconds: 3 };
    let previous = -1;
    for (let k = 0; k < 200; k++) {
      const t = arrivalTime(r, k);
      expect(t).toBeGreaterThan(previous);
      expect(arrivalsBy(r, t)).toBeCloseTo(k, 6);
      previous = t;
    }
  });
});

describe('scheduler', () => {
  it('starts every scenario at its arrival time, whether or not earlier ones finished', async () => {
    const clock = new ManualClock();
    const started: Array<[number, number]> = [];
    const scheduler = new Scheduler(
      { rate: 5, rampSeconds: 10, durationSeconds: 20, maxInflight: 1_000 },
      // Scenarios never finish: an open model does not wait for them.
      { start: (k) => (started.push([k, clock.now()]), new Promise(() => undefined)), drop: () => { throw new Error('nothing should be dropped'); } },
      clock,
    );
    let finished = false;
    void scheduler.run().then(() => (finished = true));
    await clock.advanceTo(9_999);
    expect(started).toHaveLength(25);
    expect(scheduler.currentRate()).toBeCloseTo(5 * 9.999 / 10, 6);
    await clock.advanceTo(20_000);
    expect(finished).toBe(true);
    expect(started).toHaveLength(75);
    started.forEach(([k, at], i) => {
      expect(k).toBe(i);
      expect(at).toBeCloseTo(arrivalTime({ rate: 5, rampSeconds: 10 }, k) * 1000, 6);
    });
    expect(scheduler.inflight).toBe(75);
    expect(scheduler.arrivals).toBe(75);
  });

  it('drops (and reports) starts over the in-flight cap, and starts again once scenarios finish', async () => {
    const clock = new ManualClock();
    const finishers: Array<() => void> = [];
    const started: number[] = [];
    const dropped: number[] = [];
    const scheduler = new Scheduler(
      { rate: 10, rampSeconds: 0, durationSeconds: 2, maxInflight: 3 },
      { start: (k) => (started.push(k), new Promise<void>((resolve) => finishers.push(resolve))), drop: (k) => dropped.push(k) },
      clock,
    );
    const done = scheduler.run();
    await clock.advanceTo(950);
    expect(started).toEqual([0, 1, 2]);
    expect(dropped).toEqual([3, 4, 5, 6, 7, 8, 9]);
    finishers.shift()!();
    finishers.shift()!();
    await clock.advanceTo(2_000);
    await done;
    expect(started).toEqual([0, 1, 2, 10, 11]);
    expect(dropped).toHaveLength(20 - 5);
    expect(scheduler.inflight).toBe(3);
    for (const f of finishers) f();
    await scheduler.drained();
    expect(scheduler.inflight).toBe(0);
  });

  it('a failing scenario does not stop the schedule', async () => {
    const clock = new ManualClock();
    let starts = 0;
    const scheduler = new Scheduler({ rate: 4, rampSeconds: 0, durationSeconds: 1, maxInflight: 10 }, { start: () => (starts++, Promise.reject(new Error('boom'))), drop: () => undefined }, clock);
    const done = scheduler.run();
    await clock.advanceTo(1_000);
    await done;
    expect(starts).toBe(4);
    await scheduler.drained();
    expect(scheduler.inflight).toBe(0);
  });

  it('runs until stop() when the duration is 0, and issues nothing after', async () => {
    const clock = new ManualClock();
    const started: number[] = [];
    const scheduler = new Scheduler({ rate: 2, rampSeconds: 0, durationSeconds: 0, maxInflight: 10 }, { start: (k) => (started.push(k), Promise.resolve()), drop: () => undefined }, clock);
    let finished = false;
    const done = scheduler.run().then(() => (finished = true));
    await clock.advanceTo(60_000);
    expect(started).toHaveLength(121);
    expect(finished).toBe(false);
    scheduler.stop();
    await done;
    await clock.advanceTo(120_000);
    expect(started).toHaveLength(121);
    expect(scheduler.currentRate()).toBe(0);
  });
});
