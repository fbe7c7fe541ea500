// Simulated days of the suite's raw metrics, as Prometheus would read them from each service:
// cumulative latency histograms and call counters, memory and event-loop gauges, breaker events
// and bulkhead gauges — with daily seasonality, noise, spikes, traffic bursts, deploys (counter
// resets) and short outages, plus injected degradations whose true breach time is known.
import type { Sample } from '../prom/text';
import { createRng, type Rng } from '../random';
import { SLO, parseMemoryQuantity } from '../signals/definitions';
import { normalCdf } from '../model/stats';
import { histogramQuantile, type Scrape } from '../signals/extract';
import type { SimServiceSpec } from './suite';

// Module-level names for Math: a global lookup per call is slow in a VM sandbox (Jest's).
const { PI, cos, exp, log, max, min, round, sqrt } = Math;

export type DegradationType = 'latency' | 'errors' | 'memory' | 'lag' | 'breaker' | 'saturation';
export const DEGRADATION_TYPES: readonly DegradationType[] = ['latency', 'errors', 'memory', 'lag', 'breaker', 'saturation'];

export interface Episode {
  type: DegradationType;
  service: string;
  /** The method (latency) or the target (breaker, saturation). */
  subject: string | undefined;
  onset: number;
  /** From onset to the planned breach. */
  rampMs: number;
  /** 1 is linear; above 1 accelerates. */
  shape: number;
  /** When it is remedied (rollback, restart). */
  end: number;
  /** Ground truth: when its true (noise-free) value first reached the line. */
  breachTime: number | undefined;
  /** The signals it shows in. */
  signals: string[];
}

export interface SimulationOptions {
  seed: number;
  /** Epoch ms of the first step. */
  start: number;
  stepMs: number;
  normalDays: number;
  degradedDays: number;
  episodesPerDay: number;
  /** Ramp lengths from onset to breach are drawn from this range. */
  rampMinutes: [number, number];
  suite: readonly SimServiceSpec[];
}

export const DAY_MS = 86_400_000;
const MIN = 60_000;
const BOUNDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LE = [...BOUNDS.map(String), '+Inf'];
const Z99 = 2.326;
const CAPACITY = 200;
const AFTER_BREACH_MS = 15 * MIN;

/**
 * The p99 of a log-normal latency as the SLO measures it: histogram_quantile over the service's
 * buckets, fed the expected (noise-free) bucket shares — what unlimited traffic would read.
 */
function p99Of(median: number, sigma: number): number {
  const mu = log(median);
  const buckets = [...BOUNDS.map((le) => ({ le, count: normalCdf((log(le) - mu) / sigma) })), { le: Infinity, count: 1 }];
  return histogramQuantile(0.99, buckets) ?? Infinity;
}

/** An episode with the size of its effect, worked out when planned. */
type PlannedEpisode = Episode & { size: number };

interface Interval {
  start: number;
  end: number;
  mult: number;
}

interface MethodSim {
  name: string;
  share: number;
  threshold: number;
  median0: number;
  sigma: number;
  loadSensitivity: number;
  buckets: Float64Array;
  handled: Record<Code, number>;
  bucketSamples: Sample[];
  handledSamples: Record<Code, Sample>;
}

type Code = 'OK' | 'NotFound' | 'Unavailable' | 'Internal';
const CODES: readonly Code[] = ['OK', 'NotFound', 'Unavailable', 'Internal'];
type BreakerEvent = 'success' | 'failure' | 'reject' | 'open' | 'half_open' | 'close';
const BREAKER_EVENTS: readonly BreakerEvent[] = ['success', 'failure', 'reject', 'open', 'half_open', 'close'];

interface TargetSim {
  name: string;
  callsPerRequest: number;
  failure0: number;
  latency0: number;
  events: Record<BreakerEvent, number>;
  eventSamples: Record<BreakerEvent, Sample>;
  inFlightSample: Sample;
  capacitySample: Sample;
  openUntil: number;
  window: { calls: number; failures: number }[];
  opens: number[];
  blips: Interval[];
}

class ServiceSim {
  readonly limit: number;
  readonly methods: MethodSim[];
  readonly targets: TargetSim[];
  private readonly peakPhase: number;
  private readonly amplitude: number;
  private readonly rss0: number;
  private readonly heap0: number;
  private readonly sawPeriod: number;
  private readonly sawAmplitude: number;
  private readonly lag0: number;
  private readonly error0: number;
  readonly restarts: number[] = [];
  private lastRestart: number;
  latencySpikes: Interval[] = [];
  errorBursts: Interval[] = [];
  trafficBursts: Interval[] = [];
  episodes: PlannedEpisode[] = [];
  /** One sample object per series, refreshed in place each step (the reader copies values out). */
  private readonly samples: Sample[] = [];
  private readonly memorySamples: { rss: Sample; heap: Sample; lag: Sample };

  constructor(
    readonly spec: SimServiceSpec,
    private readonly rng: Rng,
    start: number,
  ) {
    this.limit = parseMemoryQuantity(spec.memoryLimit)!;
    this.peakPhase = rng.uniform(0.55, 0.85);
    this.amplitude = rng.uniform(0.3, 0.6);
    this.rss0 = this.limit * rng.uniform(0.28, 0.5);
    this.heap0 = this.rss0 * rng.uniform(0.35, 0.55);
    this.sawPeriod = rng.uniform(1, 5) * MIN;
    this.sawAmplitude = rng.uniform(0.05, 0.15);
    this.lag0 = rng.uniform(0.012, 0.03);
    this.error0 = rng.uniform(0.0005, 0.004);
    this.lastRestart = start - 2 * 3_600_000;
    const plain = { service: spec.name };
    this.memorySamples = {
      rss: { name: 'process_resident_memory_bytes', labels: plain, value: 0 },
      heap: { name: 'nodejs_heap_size_used_bytes', labels: plain, value: 0 },
      lag: { name: 'nodejs_eventloop_lag_p99_seconds', labels: plain, value: 0 },
    };
    const grpcService = `mercato.${spec.name.replace(/-/g, '')}.v1.Service`;
    this.methods = spec.methods.map((m) => {
      const threshold = (m.deadlineMs / 1000) * SLO.latencyShareOfDeadline;
      const sigma = rng.uniform(0.45, 0.8);
      // Normal p99 at the daily mean: 15–35% of the line.
      const p99 = threshold * rng.uniform(0.15, 0.35);
      const base = { service: spec.name, grpc_type: 'unary', grpc_service: grpcService, grpc_method: m.name };
      return {
        name: m.name,
        share: m.share,
        threshold,
        median0: p99 / exp(Z99 * sigma),
        sigma,
        loadSensitivity: rng.uniform(0.1, 0.4),
        buckets: new Float64Array(LE.length),
        handled: { OK: 0, NotFound: 0, Unavailable: 0, Internal: 0 },
        bucketSamples: LE.map((le) => ({ name: 'grpc_server_handling_seconds_bucket', labels: { le, ...base }, value: 0 })),
        handledSamples: Object.fromEntries(CODES.map((code) => [code, { name: 'grpc_server_handled_total', labels: { ...base, grpc_code: code }, value: 0 }])) as unknown as Record<Code, Sample>,
      };
    });
    this.targets = spec.targets.map((name) => ({
      name,
      callsPerRequest: rng.uniform(0.3, 1),
      failure0: rng.uniform(0, 0.003),
      latency0: rng.uniform(0.01, 0.06),
      events: { success: 0, failure: 0, reject: 0, open: 0, half_open: 0, close: 0 },
      eventSamples: Object.fromEntries(BREAKER_EVENTS.map((event) => [event, { name: 'mercato_breaker_events_total', labels: { target: name, event, service: spec.name }, value: 0 }])) as unknown as Record<BreakerEvent, Sample>,
      inFlightSample: { name: 'mercato_bulkhead_in_flight', labels: { target: name, service: spec.name }, value: 0 },
      capacitySample: { name: 'mercato_bulkhead_capacity', labels: { target: name, service: spec.name }, value: CAPACITY },
      openUntil: -Infinity,
      window: [],
      opens: [],
      blips: [],
    }));
    for (const m of this.methods) this.samples.push(...m.bucketSamples, ...CODES.map((c) => m.handledSamples[c]));
    this.samples.push(this.memorySamples.rss, this.memorySamples.heap, this.memorySamples.lag);
    for (const t of this.targets) this.samples.push(...BREAKER_EVENTS.map((e) => t.eventSamples[e]), t.inFlightSample, t.capacitySample);
  }

  /** Calls per second, without bursts or noise. */
  seasonalLoad(t: number): number {
    const dayFraction = (((t % DAY_MS) + DAY_MS) % DAY_MS) / DAY_MS;
    return this.spec.rps * (1 + this.amplitude * cos(2 * PI * (dayFraction - this.peakPhase)));
  }

  private loadFactor(t: number): number {
    return this.seasonalLoad(t) / this.spec.rps;
  }

  private progress(e: Episode, t: number): number {
    if (t < e.onset || t >= e.end) return 0;
    return ((t - e.onset) / e.rampMs) ** e.shape;
  }

  private warm(t: number): number {
    return 1 - 0.4 * exp(-(t - this.lastRestart) / (8 * MIN));
  }

  // The noise-free level of each degradable quantity (what the ground truth is measured on).
  latencyMultiplier(m: MethodSim, t: number): number {
    let mult = 1;
    for (const e of this.episodes) if (e.type === 'latency' && e.subject === m.name) mult *= 1 + (e.size - 1) * this.progress(e, t);
    return mult;
  }

  /** The median latency without noise or spikes. */
  trueMedian(m: MethodSim, t: number): number {
    return m.median0 * (1 + m.loadSensitivity * (this.loadFactor(t) - 1)) * this.latencyMultiplier(m, t);
  }

  trueP99(m: MethodSim, t: number): number {
    return p99Of(this.trueMedian(m, t), m.sigma);
  }

  trueErrorRatio(t: number): number {
    let e = this.error0;
    for (const ep of this.episodes) if (ep.type === 'errors') e += ep.size * this.progress(ep, t);
    return min(e, 0.9);
  }

  private leak(t: number): number {
    let bytes = 0;
    for (const e of this.episodes) if (e.type === 'memory') bytes += e.size * this.progress(e, t);
    return bytes;
  }

  trueRss(t: number): number {
    return this.rss0 * this.warm(t) * (1 + 0.06 * (this.loadFactor(t) - 1)) + this.leak(t);
  }

  private saw(t: number): number {
    return 1 + this.sawAmplitude * (((t - this.lastRestart) % this.sawPeriod) / this.sawPeriod - 0.5);
  }

  trueHeap(t: number): number {
    return this.heap0 * this.warm(t) * (1 + 0.1 * (this.loadFactor(t) - 1)) * this.saw(t) + 0.9 * this.leak(t);
  }

  trueLag(t: number): number {
    let mult = 1;
    for (const e of this.episodes) if (e.type === 'lag') mult *= 1 + (e.size - 1) * this.progress(e, t);
    return this.lag0 * (1 + 0.2 * (this.loadFactor(t) - 1)) * mult;
  }

  trueFailure(target: TargetSim, t: number): number {
    let f = target.failure0;
    for (const e of this.episodes) if (e.type === 'breaker' && e.subject === target.name) f += e.size * this.progress(e, t);
    return min(f, 0.95);
  }

  targetLatency(target: TargetSim, t: number): number {
    let mult = 1;
    for (const e of this.episodes) if (e.type === 'saturation' && e.subject === target.name) mult *= 1 + (e.size - 1) * this.progress(e, t);
    return target.latency0 * mult;
  }

  trueSaturation(target: TargetSim, t: number): number {
    return (this.seasonalLoad(t) * target.callsPerRequest * this.targetLatency(target, t)) / CAPACITY;
  }

  /** Sizes an episode so its true value reaches the line exactly at onset + ramp. */
  plan(e: PlannedEpisode): void {
    const at = e.onset + e.rampMs;
    switch (e.type) {
      case 'latency': {
        const m = this.methods.find((x) => x.name === e.subject)!;
        // The median multiplier that puts the measured p99 on the line at the planned time.
        const base = this.trueMedian(m, at);
        let lo = 1;
        let hi = 1e4;
        for (let k = 0; k < 60; k++) {
          const mid = sqrt(lo * hi);
          if (p99Of(base * mid, m.sigma) >= m.threshold) hi = mid;
          else lo = mid;
        }
        e.size = hi;
        break;
      }
      case 'errors':
        e.size = SLO.errorRatio - this.trueErrorRatio(at);
        break;
      case 'memory':
        e.size = this.limit * SLO.rssShareOfLimit - this.trueRss(at);
        break;
      case 'lag':
        e.size = SLO.eventLoopLagSeconds / this.trueLag(at);
        break;
      case 'breaker':
        e.size = SLO.breakerFailureRatio - this.trueFailure(this.targets.find((x) => x.name === e.subject)!, at);
        break;
      case 'saturation':
        e.size = SLO.bulkheadSaturation / this.trueSaturation(this.targets.find((x) => x.name === e.subject)!, at);
        break;
      default: {
        const never: never = e.type;
        throw new Error(`unknown degradation ${String(never)}`);
      }
    }
  }

  /** Whether any episode's true value is over its line at t (recording the first time). */
  checkBreaches(t: number): void {
    for (const e of this.episodes) {
      if (e.breachTime !== undefined || t < e.onset || t >= e.end) continue;
      let over = false;
      switch (e.type) {
        case 'latency':
          over = this.trueP99(this.methods.find((x) => x.name === e.subject)!, t) >= this.methods.find((x) => x.name === e.subject)!.threshold;
          break;
        case 'errors':
          over = this.trueErrorRatio(t) >= SLO.errorRatio;
          break;
        case 'memory':
          over = this.trueRss(t) >= this.limit * SLO.rssShareOfLimit || this.trueHeap(t) >= this.limit * SLO.heapShareOfLimit;
          break;
        case 'lag':
          over = this.trueLag(t) >= SLO.eventLoopLagSeconds;
          break;
        case 'breaker': {
          const target = this.targets.find((x) => x.name === e.subject)!;
          over = this.trueFailure(target, t) >= SLO.breakerFailureRatio || target.opens.filter((o) => o > t - 10 * MIN).length >= SLO.breakerOpensPer10m;
          break;
        }
        case 'saturation':
          over = this.trueSaturation(this.targets.find((x) => x.name === e.subject)!, t) >= SLO.bulkheadSaturation;
          break;
        default: {
          const never: never = e.type;
          throw new Error(`unknown degradation ${String(never)}`);
        }
      }
      if (over) e.breachTime = t;
    }
  }

  private inAny(list: Interval[], t: number): number {
    let mult = 1;
    for (const i of list) if (t >= i.start && t < i.end) mult *= i.mult;
    return mult;
  }

  private restart(t: number): void {
    this.lastRestart = t;
    for (const m of this.methods) {
      m.buckets.fill(0);
      m.handled = { OK: 0, NotFound: 0, Unavailable: 0, Internal: 0 };
    }
    for (const target of this.targets) {
      target.events = { success: 0, failure: 0, reject: 0, open: 0, half_open: 0, close: 0 };
      target.openUntil = -Infinity;
      target.window = [];
    }
  }

  /** Advances one step and returns what a scrape at t would read. */
  step(t: number, stepMs: number): Sample[] {
    const rng = this.rng;
    while (this.restarts.length > 0 && this.restarts[0]! <= t) this.restart(this.restarts.shift()!);
    const seconds = stepMs / 1000;
    const load = this.seasonalLoad(t) * this.inAny(this.trafficBursts, t) * (1 + 0.03 * rng.normal());
    const loadFactor = load / this.spec.rps;
    const spike = this.inAny(this.latencySpikes, t);
    const errorBurst = this.inAny(this.errorBursts, t) - 1;

    for (const m of this.methods) {
      const n = rng.poisson(load * m.share * seconds);
      const median = m.median0 * (1 + m.loadSensitivity * (loadFactor - 1)) * spike * this.latencyMultiplier(m, t);
      const mu = log(median);
      let remaining = n;
      let below = 0;
      let cdfPrev = 0;
      for (let j = 0; j < BOUNDS.length; j++) {
        const cdf = normalCdf((log(BOUNDS[j]!) - mu) / m.sigma);
        const p = cdfPrev < 1 ? (cdf - cdfPrev) / (1 - cdfPrev) : 0;
        const k = rng.binomial(remaining, min(max(p, 0), 1));
        remaining -= k;
        below += k;
        m.buckets[j]! += below;
        cdfPrev = cdf;
      }
      m.buckets[BOUNDS.length]! += n;
      const sick = rng.binomial(n, min(this.trueErrorRatio(t) + errorBurst, 1));
      const unavailable = rng.binomial(sick, 0.6);
      const notFound = rng.binomial(n - sick, 0.02);
      m.handled.Unavailable += unavailable;
      m.handled.Internal += sick - unavailable;
      m.handled.NotFound += notFound;
      m.handled.OK += n - sick - notFound;
      for (let j = 0; j < LE.length; j++) m.bucketSamples[j]!.value = m.buckets[j]!;
      for (const code of CODES) m.handledSamples[code].value = m.handled[code];
    }

    const rss = this.trueRss(t) * (1 + 0.004 * rng.normal()) + (loadFactor - this.loadFactor(t)) * 0.03 * this.rss0;
    const heap = this.trueHeap(t) * (1 + 0.01 * rng.normal());
    let lag = this.trueLag(t) * exp(0.15 * rng.normal()) * (spike > 1 ? 1.5 : 1);
    if (rng.next() < 0.004) lag *= rng.uniform(3, 8); // a long GC pause or a slow synchronous task
    this.memorySamples.rss.value = round(rss);
    this.memorySamples.heap.value = round(heap);
    this.memorySamples.lag.value = lag;

    for (const target of this.targets) {
      this.stepBreaker(target, t, stepMs, load);
      for (const event of BREAKER_EVENTS) target.eventSamples[event].value = target.events[event];
      target.inFlightSample.value = min(CAPACITY, rng.poisson(load * target.callsPerRequest * this.targetLatency(target, t)));
    }
    return this.samples;
  }

  /** The breaker in 5-s slices: trips at ≥ 50% failures over 10 s (≥ 10 calls), half-opens after 5 s. */
  private stepBreaker(target: TargetSim, t: number, stepMs: number, load: number): void {
    const rng = this.rng;
    const slice = 5_000;
    for (let s = t - stepMs + slice; s <= t; s += slice) {
      const calls = rng.poisson(load * target.callsPerRequest * (slice / 1000));
      const blip = target.blips.some((b) => s >= b.start && s < b.end);
      const f = blip ? 1 : this.trueFailure(target, s);
      if (s < target.openUntil) {
        target.events.reject += calls;
        continue;
      }
      if (target.openUntil > -Infinity) {
        // Half-open: one trial call decides.
        target.events.half_open++;
        target.openUntil = -Infinity;
        if (rng.next() < f) {
          target.events.failure++;
          this.open(target, s, slice);
          target.events.reject += max(calls - 1, 0);
          continue;
        }
        target.events.success++;
        target.events.close++;
        target.window = [];
      }
      const failures = rng.binomial(calls, f);
      target.events.failure += failures;
      target.events.success += calls - failures;
      target.window.push({ calls, failures });
      if (target.window.length > 2) target.window.shift();
      const wCalls = target.window.reduce((a, w) => a + w.calls, 0);
      const wFailures = target.window.reduce((a, w) => a + w.failures, 0);
      if (wCalls >= 10 && wFailures / wCalls >= 0.5) this.open(target, s, slice);
    }
  }

  private open(target: TargetSim, s: number, slice: number): void {
    target.events.open++;
    target.openUntil = s + slice;
    target.window = [];
    target.opens.push(s);
    while (target.opens.length > 0 && target.opens[0]! < s - DAY_MS) target.opens.shift();
  }
}

export interface SimulationResult {
  episodes: Episode[];
  end: number;
  services: string[];
}

/** Runs the simulation, handing each scrape to `sink` in time order; `tick` runs after each step. */
export function simulate(options: SimulationOptions, sink: (scrape: Scrape) => void, tick: (time: number) => void = () => undefined): SimulationResult {
  const rng = createRng(options.seed);
  const days = options.normalDays + options.degradedDays;
  const end = options.start + days * DAY_MS;
  const sims = options.suite.map((spec, i) => new ServiceSim(spec, createRng(options.seed * 7919 + i * 104729 + 1), options.start));

  // Degradations first, on the degraded days, never two at once in one service.
  const episodes: PlannedEpisode[] = [];
  const busy = new Map<string, Interval[]>();
  const overlaps = (service: string, from: number, to: number) => (busy.get(service) ?? []).some((b) => from < b.end && to > b.start);
  for (let day = options.normalDays; day < days; day++) {
    let placed = 0;
    for (let attempt = 0; placed < options.episodesPerDay && attempt < 500; attempt++) {
      const type = DEGRADATION_TYPES[(day * options.episodesPerDay + placed) % DEGRADATION_TYPES.length]!;
      const candidates = sims.filter((s) => (type === 'latency' || type === 'errors' ? s.methods.length > 0 : type === 'breaker' || type === 'saturation' ? s.targets.length > 0 : true));
      const sim = rng.pick(candidates);
      const rampMs = rng.uniform(options.rampMinutes[0], options.rampMinutes[1]) * MIN;
      const onset = options.start + day * DAY_MS + rng.uniform(0.5, 20) * 3_600_000;
      const endAt = onset + rampMs * 1.6 + AFTER_BREACH_MS;
      if (endAt > end - 3_600_000 || overlaps(sim.spec.name, onset - 40 * MIN, endAt + 40 * MIN)) continue;
      const subject = type === 'latency' ? rng.pick(sim.methods).name : type === 'breaker' || type === 'saturation' ? rng.pick(sim.targets).name : undefined;
      const shape = rng.pick([1, 1, 1.5, 2]);
      const e: PlannedEpisode = { type, service: sim.spec.name, subject, onset, rampMs, shape, end: onset + rampMs + AFTER_BREACH_MS, breachTime: undefined, signals: signalsOf(type, subject), size: 0 };
      sim.plan(e);
      sim.episodes.push(e);
      episodes.push(e);
      busy.set(sim.spec.name, [...(busy.get(sim.spec.name) ?? []), { start: onset - 40 * MIN, end: endAt + 40 * MIN, mult: 1 }]);
      placed++;
    }
  }

  // Normal life: deploys (counter resets) outside episodes, spikes, bursts, blips.
  for (const sim of sims) {
    const r = createRng(rng.int(1, 2 ** 31));
    for (let day = 0; day < days; day++) {
      const dayStart = options.start + day * DAY_MS;
      for (let attempt = 0; attempt < 50; attempt++) {
        const at = dayStart + r.uniform(0.5, 23.5) * 3_600_000;
        if (overlaps(sim.spec.name, at - 30 * MIN, at + 30 * MIN)) continue;
        sim.restarts.push(at);
        break;
      }
      const intervals = (count: number, minMin: number, maxMin: number, lo: number, hi: number): Interval[] =>
        Array.from({ length: count }, () => {
          const start = dayStart + r.uniform(0, DAY_MS);
          return { start, end: start + r.uniform(minMin, maxMin) * MIN, mult: r.uniform(lo, hi) };
        });
      sim.latencySpikes.push(...intervals(r.int(2, 6), 1, 5, 1.5, 3));
      sim.errorBursts.push(...intervals(r.int(1, 3), 1, 3, 1.02, 1.1));
      sim.trafficBursts.push(...intervals(r.int(1, 4), 5, 20, 1.3, 2));
      // Short outages of a target (the breaker opens a few times), outside degradations so a
      // degradation's breach time stays its own.
      for (const target of sim.targets) target.blips.push(...intervals(r.int(0, 2), 0.3, 1, 1, 1).filter((b) => !overlaps(sim.spec.name, b.start - 10 * MIN, b.end + 10 * MIN)));
    }
    sim.restarts.sort((a, b) => a - b);
  }

  for (let t = options.start; t < end; t += options.stepMs) {
    for (const sim of sims) {
      const samples = sim.step(t, options.stepMs);
      sim.checkBreaches(t);
      sink({ service: sim.spec.name, time: t, samples });
    }
    tick(t);
  }
  return { episodes: episodes.map(({ size: _size, ...e }) => e), end, services: sims.map((s) => s.spec.name) };
}

function signalsOf(type: DegradationType, subject: string | undefined): string[] {
  const q = JSON.stringify(subject ?? '');
  switch (type) {
    case 'latency':
      return [`grpc_server_handling_seconds:p99{grpc_method=${q}}`, `grpc_server_handling_seconds:slow_ratio{grpc_method=${q}}`];
    case 'errors':
      return ['grpc_server_handled_total:error_ratio'];
    case 'memory':
      return ['process_resident_memory_bytes', 'nodejs_heap_size_used_bytes'];
    case 'lag':
      return ['nodejs_eventloop_lag_p99_seconds'];
    case 'breaker':
      return [`mercato_breaker_events_total:failure_ratio{target=${q}}`, `mercato_breaker_events_total:opens_10m{target=${q}}`];
    case 'saturation':
      return [`mercato_bulkhead_in_flight:saturation{target=${q}}`];
    default: {
      const never: never = type;
      throw new Error(`unknown degradation ${String(never)}`);
    }
  }
}
