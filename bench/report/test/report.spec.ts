// The benchmark report's own logic, without running a suite: its options fail with a message naming
// the variable, the open-loop driver starts arrivals on schedule and drops (and counts) those over
// its cap, a step the suite could not keep up with is reported as not sustained (with why), and a
// target on an unsustained rate fails even when its latency figure looks good.
import { OptionError, parseOptions } from '../options';
import { runStep, summarizeStep, type Arrival, type StepRecord } from '../open-loop';
import { cardNumberFor, type Shop } from '../../checkout/shopper';
import { targetRows } from '../render';
import type { BackendResult, RateStep } from '../load';

const arrival = (scheduledMs: number, endedMs: number, outcome: Arrival['result']['outcome'], placeOrderMs = endedMs - scheduledMs): Arrival => ({
  scheduledMs,
  startedMs: scheduledMs,
  endedMs,
  result: { outcome, userId: 'u', placeOrderMs, ...(outcome === 'error' ? { error: { stage: 'place' as const, message: 'Deadline exceeded after 10.003s,LB pick: 0.001s,remote_addr=127.0.0.1:23393' } } : {}) },
});

describe('options', () => {
  it('has defaults for every setting', () => {
    expect(parseOptions({}, [])).toEqual({ rates: [5, 10, 20], seconds: 20, warmupSeconds: 5, backends: ['pglite', 'postgres'], maxInFlight: 100, fresh: false, parts: ['kit', 'eventstore', 'startup', 'checkout'] });
  });

  it('reads the environment and --fresh', () => {
    const o = parseOptions({ BENCH_RATES: '2, 7.5', BENCH_SECONDS: '5', BENCH_BACKENDS: 'postgres', BENCH_PARTS: 'checkout', BENCH_MAX_INFLIGHT: '10' }, ['--fresh']);
    expect(o).toMatchObject({ rates: [2, 7.5], seconds: 5, backends: ['postgres'], parts: ['checkout'], maxInFlight: 10, fresh: true });
    expect(parseOptions({ BENCH_FRESH: '1' }, []).fresh).toBe(true);
  });

  it.each([
    [{ BENCH_RATES: '5,,10' }, /BENCH_RATES .*"5,,10"/],
    [{ BENCH_RATES: '0' }, /BENCH_RATES/],
    [{ BENCH_RATES: '5,5' }, /BENCH_RATES lists a rate twice/],
    [{ BENCH_SECONDS: 'ten' }, /BENCH_SECONDS must be a number from 1 to 600, got "ten"/],
    [{ BENCH_BACKENDS: 'mysql' }, /BENCH_BACKENDS: unknown value "mysql"/],
    [{ BENCH_BACKENDS: 'pglite,pglite' }, /listed twice/],
    [{ BENCH_MAX_INFLIGHT: '2.5' }, /BENCH_MAX_INFLIGHT must be an integer/],
    [{ BENCH_PARTS: 'kit,chaos' }, /BENCH_PARTS: unknown value "chaos"/],
    [{ BENCH_FRESH: 'yes' }, /BENCH_FRESH must be 1 or 0/],
  ])('rejects %j', (env, message) => {
    expect(() => parseOptions(env, [])).toThrow(OptionError);
    expect(() => parseOptions(env, [])).toThrow(message);
  });

  it('rejects an unknown argument', () => {
    expect(() => parseOptions({}, ['--fast'])).toThrow('unknown argument "--fast"');
  });
});

describe('a rate step', () => {
  it('is sustained when every arrival was answered promptly', () => {
    const arrivals = Array.from({ length: 50 }, (_, k) => arrival(k * 100, k * 100 + 40, 'confirmed'));
    const s = summarizeStep({ rate: 10, seconds: 5, offered: 50, dropped: 0, backlogAtEnd: 1, unfinished: 0, arrivals });
    expect(s).toMatchObject({ started: 50, confirmed: 50, confirmedPerSecond: 10, placeOrderP50Ms: 40, placeOrderP99Ms: 40, sustained: true, notSustainedBecause: [] });
  });

  it('is not sustained when arrivals were dropped, timed out or piled up, and says so', () => {
    const arrivals = [
      ...Array.from({ length: 20 }, (_, k) => arrival(k * 100, k * 100 + 3_000, 'confirmed')),
      arrival(2_000, 12_000, 'error', 10_000),
      arrival(2_100, 12_100, 'pending', 10_000),
    ];
    const record: StepRecord = { rate: 10, seconds: 5, offered: 50, dropped: 28, backlogAtEnd: 30, unfinished: 0, arrivals };
    const s = summarizeStep(record);
    expect(s.sustained).toBe(false);
    expect(s.notSustainedBecause.join('; ')).toMatch(/28 arrivals dropped.*1 checkouts failed with an error.*1 orders still PENDING.*only 22 of 50 arrivals started.*30 checkouts in flight/);
    // The failed and pending PlaceOrder calls count at their deadline, so p99 shows them.
    expect(s.placeOrderP99Ms).toBe(10_000);
    expect(s.errorKinds).toEqual({ 'place: deadline exceeded': 1 });
    // Only CONFIRMED answers inside the 5 s window count towards throughput.
    expect(s.confirmedPerSecond).toBe(Math.round((20 / 5) * 10) / 10);
  });
});

describe('the open-loop driver', () => {
  /** A suite whose PlaceOrder takes `ms` and confirms. */
  const fakeShop = (ms: number): Shop =>
    ({
      cart: { call: async () => ({}) },
      orders: { call: () => new Promise((resolve) => setTimeout(() => resolve({ order: { orderId: 'o', status: 'ORDER_STATUS_CONFIRMED' } }), ms)) },
      as: () => ({}),
    }) as unknown as Shop;

  it('starts every arrival of the window when the suite keeps up', async () => {
    let n = 0;
    const r = await runStep(fakeShop(5), ['p1', 'p2'], { rate: 50, seconds: 0.4, maxInFlight: 100, nextSequence: () => n++ });
    expect(r).toMatchObject({ offered: 20, dropped: 0, unfinished: 0 });
    expect(r.arrivals.map((a) => a.result.outcome)).toEqual(Array(20).fill('confirmed'));
    expect(n).toBe(20);
  });

  it('drops arrivals beyond the in-flight cap instead of queueing them, and still ends', async () => {
    const r = await runStep(fakeShop(300), ['p1'], { rate: 50, seconds: 0.4, maxInFlight: 2, nextSequence: () => 0 });
    expect(r.dropped).toBeGreaterThan(0);
    expect(r.arrivals.length + r.dropped).toBe(20);
    expect(r.unfinished).toBe(0);
    expect(summarizeStep(r).sustained).toBe(false);
  });
});

describe('the shoppers’ cards', () => {
  const luhnValid = (digits: string) =>
    [...digits].reverse().reduce((sum, c, i) => {
      const d = Number(c) * (i % 2 ? 2 : 1);
      return sum + (d > 9 ? d - 9 : d);
    }, 0) % 10 === 0;

  it('are valid, distinct card numbers (the known test card among them)', () => {
    const numbers = [0, 1, 2, 99, 1_000_000, 4_242_424].map(cardNumberFor);
    expect(numbers.every(luhnValid)).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(cardNumberFor(4_242_424)).toBe('4242424242424242');
  });
});

describe('the checkout target', () => {
  const step = (over: Partial<RateStep>): RateStep => ({
    ...summarizeStep({ rate: 20, seconds: 5, offered: 100, dropped: 0, backlogAtEnd: 0, unfinished: 0, arrivals: Array.from({ length: 100 }, (_, k) => arrival(k * 50, k * 50 + 100, 'confirmed')) }),
    late: { confirmed: 0, failed: 0, notPlaced: 0, unknown: 0 },
    cpuMs: 0,
    cpuMsPerCheckout: null,
    capacityPerCore: null,
    peakRssMib: 100,
    lag: { samples: 0, notVisible: 0, skipped: 0, p50Ms: NaN, p99Ms: NaN, maxMs: NaN },
    settleSeconds: 0,
    measuredSeconds: 5,
    ...over,
  });
  const backend = (s: RateStep): BackendResult => ({
    backend: 'postgres',
    services: 14,
    startSeconds: 10,
    idle: { rssMib: 100, cpuCores: 0 },
    peakRssMib: 100,
    warmup: null,
    steps: [s],
    totals: { confirmed: 1, cpuMsPerCheckout: null, capacityPerCore: null, cpuMsPerCheckoutByService: {} },
    lag: { samples: 0, notVisible: 0, skipped: 0, p50Ms: NaN, p99Ms: NaN, maxMs: NaN },
  });
  const rows = (s: RateStep) =>
    targetRows({
      generated_at: '',
      duration_s: 0,
      machine: { node: '', cpus: 2, cpu_model: '', platform: '', load_average: { start: 0, end: 0 } },
      settings: parseOptions({}, []),
      command: '',
      kit: null,
      eventstore: null,
      startup: null,
      checkout: { postgres: backend(s) },
    });

  it('passes on a sustained rate under the limit', () => {
    const row = rows(step({ placeOrderP99Ms: 120 })).find((r) => r.area === 'checkout')!;
    expect(row).toMatchObject({ value: 120, pass: true });
  });

  it('fails on a rate the suite did not sustain, however fast the answers it gave', () => {
    const row = rows(step({ placeOrderP99Ms: 120, sustained: false, notSustainedBecause: ['80 arrivals dropped (in-flight cap)'] })).find((r) => r.area === 'checkout')!;
    expect(row).toMatchObject({ value: 120, pass: false, note: 'the rate was not sustained: 80 arrivals dropped (in-flight cap)' });
  });

  it('is "not measured" without a PostgreSQL run', () => {
    const r = targetRows({ generated_at: '', duration_s: 0, machine: { node: '', cpus: 2, cpu_model: '', platform: '', load_average: { start: 0, end: 0 } }, settings: parseOptions({}, []), command: '', kit: null, eventstore: null, startup: null, checkout: {} });
    expect(r.find((x) => x.area === 'checkout')).toMatchObject({ pass: null, note: 'PostgreSQL was not run' });
  });
});
