// From raw samples (counters, histograms, gauges of one service at one time) to signals: counters
// become windowed deltas (reset-safe, per series, summed over replicas), histograms become a p99
// the way histogram_quantile computes it, gauges take the worst replica.
import type { Sample } from '../prom/text';
import { SICK_CODES, SLO, signalSpecs, type Limits, type SignalSpec } from './definitions';

// Module-level names for Math and Number: a global lookup per call is slow in a VM sandbox (Jest's).
const { max } = Math;
const { isFinite } = Number;

/** One service's samples read at one time (every replica's, told apart by their labels). */
export interface Scrape {
  service: string;
  /** Epoch milliseconds. */
  time: number;
  samples: readonly Sample[];
}

export interface SignalValue {
  spec: SignalSpec;
  time: number;
  value: number;
}

export interface ExtractOptions {
  /** Window of the ratios and quantiles (like PromQL's rate(...[2m]))… */
  rateWindowMs: number;
  /** …widened to this one when the short one holds too few calls; also the breaker-open count's. */
  longWindowMs: number;
  /** Fewer calls than this (in the long window too) give no latency or ratio value: it would be noise. */
  minCalls: number;
}

export const DEFAULT_EXTRACT: ExtractOptions = { rateWindowMs: 120_000, longWindowMs: 600_000, minCalls: 100 };

const HISTOGRAM_BUCKET = 'grpc_server_handling_seconds_bucket';
const HANDLED = 'grpc_server_handled_total';
const BREAKER_EVENTS = 'mercato_breaker_events_total';
const IN_FLIGHT = 'mercato_bulkhead_in_flight';
const CAPACITY = 'mercato_bulkhead_capacity';
const HEAP = 'nodejs_heap_size_used_bytes';
const RSS = 'process_resident_memory_bytes';
const LAG = 'nodejs_eventloop_lag_p99_seconds';

/** The metric names sentinel reads (Prometheus mode asks for exactly these). */
export const WATCHED_METRICS = [HISTOGRAM_BUCKET, HANDLED, BREAKER_EVENTS, IN_FLIGHT, CAPACITY, HEAP, RSS, LAG] as const;

/** Series not seen for this long are forgotten (replicas come and go). */
const SERIES_TTL_MS = 6 * 3_600_000;

/** Sums of deltas over a sliding window, as running totals in numbered slots. */
class WindowedSums {
  readonly sums: number[] = [];
  private readonly times: number[] = [];
  private readonly entries: { slots: number[]; deltas: number[] }[] = [];
  private head = 0;

  constructor(private readonly windowMs: number) {}

  push(time: number, slots: number[], deltas: number[]): void {
    this.times.push(time);
    this.entries.push({ slots, deltas });
    for (let i = 0; i < slots.length; i++) this.sums[slots[i]!] = (this.sums[slots[i]!] ?? 0) + deltas[i]!;
    while (this.head < this.times.length && this.times[this.head]! <= time - this.windowMs) {
      const old = this.entries[this.head]!;
      for (let i = 0; i < old.slots.length; i++) this.sums[old.slots[i]!] = this.sums[old.slots[i]!]! - old.deltas[i]!;
      this.head++;
    }
    if (this.head > 64 && this.head * 2 > this.times.length) {
      this.times.splice(0, this.head);
      this.entries.splice(0, this.head);
      this.head = 0;
    }
  }

  get(slot: number): number {
    return this.sums[slot] ?? 0;
  }
}

type Role =
  | { kind: 'counter'; slots: number[] }
  | { kind: 'gauge'; gauge: 'heap' | 'rss' | 'lag' }
  | { kind: 'bulkhead'; which: 'inFlight' | 'capacity'; target: string; instance: string }
  | { kind: 'ignored' };

interface Series {
  role: Role;
  prev: number | undefined;
  lastSeen: number;
  /** Set when forgotten, so cached references know to look again. */
  dead?: boolean;
}

interface MethodSlots {
  /** Bucket bounds ascending, with their slots. */
  bounds: { le: number; slot: number }[];
  line: number;
  p99: SignalSpec;
  slow: SignalSpec;
}

interface TargetSlots {
  success: number;
  failure: number;
  open: number;
  failures: SignalSpec;
  opens: SignalSpec;
  saturation: SignalSpec;
}

interface ServiceState {
  service: string;
  /** The service-wide signals' specs. */
  errors: SignalSpec;
  heap: SignalSpec;
  rss: SignalSpec;
  lag: SignalSpec;
  lastTime: number;
  series: Map<string, Series>;
  /** Fast path: the same label objects (a simulator's) map straight to their series. */
  byLabels: WeakMap<object, Map<string, { series: Series }>>;
  slots: Map<string, number>;
  rates: WindowedSums;
  long: WindowedSums;
  methods: Map<string, MethodSlots>;
  targets: Map<string, TargetSlots>;
  scrapes: number;
}

const seriesKey = (s: Sample): string => {
  const names = Object.keys(s.labels).sort();
  let key = s.name;
  for (const n of names) key += `\u0000${n}=${s.labels[n]}`;
  return key;
};

/** The labels that tell replicas apart (all but the target). */
const instanceOf = (labels: Record<string, string>): string =>
  Object.keys(labels)
    .filter((n) => n !== 'target')
    .sort()
    .map((n) => `${n}=${labels[n]}`)
    .join('\u0000');

/** The q-quantile of cumulative buckets (sorted by bound), interpolated as histogram_quantile does. */
export function histogramQuantile(q: number, buckets: readonly { le: number; count: number }[]): number | undefined {
  const total = buckets.at(-1)?.count ?? 0;
  if (total <= 0 || buckets.at(-1)!.le !== Infinity) return undefined;
  const rank = q * total;
  let prevBound = 0;
  let prevCount = 0;
  for (const b of buckets) {
    if (b.count >= rank) {
      if (b.le === Infinity) return prevBound;
      if (b.count === prevCount) return b.le;
      return prevBound + ((b.le - prevBound) * (rank - prevCount)) / (b.count - prevCount);
    }
    prevBound = b.le;
    prevCount = b.count;
  }
  return prevBound;
}

/**
 * The share of observations above `line`, interpolating linearly inside the bucket that holds it
 * (the same assumption histogram_quantile makes, so share ≥ 1 − q exactly when the q-quantile ≥ line).
 */
export function shareAbove(line: number, buckets: readonly { le: number; count: number }[]): number | undefined {
  const total = buckets.at(-1)?.count ?? 0;
  if (total <= 0 || buckets.at(-1)!.le !== Infinity) return undefined;
  let prevBound = 0;
  let prevCount = 0;
  for (const b of buckets) {
    if (b.le >= line) {
      const below = b.le === Infinity ? prevCount : prevCount + ((b.count - prevCount) * (line - prevBound)) / (b.le - prevBound);
      return max(0, 1 - below / total);
    }
    prevBound = b.le;
    prevCount = b.count;
  }
  return 0;
}

export class SignalExtractor {
  private readonly services = new Map<string, ServiceState>();

  constructor(
    private readonly limits: Limits,
    private readonly options: ExtractOptions = DEFAULT_EXTRACT,
  ) {}

  extract(scrape: Scrape): SignalValue[] {
    let state = this.services.get(scrape.service);
    if (!state) {
      const service = scrape.service;
      state = {
        service,
        errors: signalSpecs.errorRatio(service),
        heap: signalSpecs.heap(service, this.limits),
        rss: signalSpecs.rss(service, this.limits),
        lag: signalSpecs.eventLoopLag(service),
        lastTime: -Infinity,
        series: new Map(),
        byLabels: new WeakMap(),
        slots: new Map([
          ['calls', 0],
          ['sick', 1],
        ]),
        rates: new WindowedSums(this.options.rateWindowMs),
        long: new WindowedSums(this.options.longWindowMs),
        methods: new Map(),
        targets: new Map(),
        scrapes: 0,
      };
      this.services.set(scrape.service, state);
    }
    if (scrape.time <= state.lastTime) return [];
    // After a gap longer than the window, deltas would land all at once: start counting afresh.
    const fresh = scrape.time - state.lastTime > this.options.rateWindowMs;
    state.lastTime = scrape.time;

    const slots: number[] = [];
    const deltas: number[] = [];
    const gauges = { heap: -Infinity, rss: -Infinity, lag: -Infinity };
    const bulkheads = new Map<string, { inFlight?: number; capacity?: number }>();

    for (const s of scrape.samples) {
      if (!isFinite(s.value)) continue;
      const series = this.seriesOf(state, s);
      if (series.lastSeen === scrape.time) continue; // a duplicate line
      series.lastSeen = scrape.time;
      const role = series.role;
      switch (role.kind) {
        case 'ignored':
          break;
        case 'gauge':
          if (s.value > gauges[role.gauge]) gauges[role.gauge] = s.value;
          break;
        case 'bulkhead': {
          const key = `${role.target}\u0001${role.instance}`;
          const b = bulkheads.get(key) ?? {};
          b[role.which] = s.value;
          bulkheads.set(key, b);
          break;
        }
        case 'counter': {
          const prev = series.prev;
          series.prev = s.value;
          if (fresh) break;
          // A series first seen after the service's first read was born since the last one
          // (counters start at zero); a drop is a restart, which counted from zero too.
          const delta = prev === undefined || s.value < prev ? s.value : s.value - prev;
          if (delta === 0) break;
          for (const slot of role.slots) {
            slots.push(slot);
            deltas.push(delta);
          }
          break;
        }
        default: {
          const never: never = role;
          throw new Error(`unexpected series role ${JSON.stringify(never)}`);
        }
      }
    }
    state.rates.push(scrape.time, slots, deltas);
    state.long.push(scrape.time, slots, deltas);
    if (++state.scrapes % 100 === 0) {
      for (const [key, series] of state.series) {
        if (scrape.time - series.lastSeen <= SERIES_TTL_MS) continue;
        series.dead = true;
        state.series.delete(key);
      }
    }
    return this.signals(scrape, state, gauges, bulkheads);
  }

  private slot(state: ServiceState, key: string): number {
    let slot = state.slots.get(key);
    if (slot === undefined) state.slots.set(key, (slot = state.slots.size));
    return slot;
  }

  private seriesOf(state: ServiceState, s: Sample): Series {
    let byName = state.byLabels.get(s.labels);
    const cached = byName?.get(s.name);
    if (cached && !cached.series.dead) return cached.series;
    const key = seriesKey(s);
    let series = state.series.get(key);
    if (!series) state.series.set(key, (series = { role: this.roleOf(state, s), prev: undefined, lastSeen: -Infinity }));
    if (!byName) state.byLabels.set(s.labels, (byName = new Map()));
    byName.set(s.name, { series });
    return series;
  }

  private roleOf(state: ServiceState, s: Sample): Role {
    const { labels } = s;
    switch (s.name) {
      case HEAP:
        return { kind: 'gauge', gauge: 'heap' };
      case RSS:
        return { kind: 'gauge', gauge: 'rss' };
      case LAG:
        return { kind: 'gauge', gauge: 'lag' };
      case IN_FLIGHT:
      case CAPACITY:
        if (!labels.target) return { kind: 'ignored' };
        this.target(state, labels.target);
        return { kind: 'bulkhead', which: s.name === IN_FLIGHT ? 'inFlight' : 'capacity', target: labels.target, instance: instanceOf(labels) };
      case HISTOGRAM_BUCKET: {
        const method = labels.grpc_method;
        const le = parseBound(labels.le);
        // Streams last as long as their callers stay: only unary calls have a latency.
        if (!method || le === undefined || labels.grpc_type !== 'unary') return { kind: 'ignored' };
        let m = state.methods.get(method);
        if (!m) {
          const service = state.service;
          m = { bounds: [], line: this.limits.latencySloSeconds(service, method), p99: signalSpecs.latency(service, method, this.limits), slow: signalSpecs.slowRatio(service, method, this.limits) };
          state.methods.set(method, m);
        }
        let bound = m.bounds.find((b) => b.le === le);
        if (!bound) {
          bound = { le, slot: this.slot(state, `h\u0000${method}\u0000${le}`) };
          m.bounds.push(bound);
          m.bounds.sort((a, b) => a.le - b.le);
        }
        return { kind: 'counter', slots: [bound.slot] };
      }
      case HANDLED:
        return { kind: 'counter', slots: SICK_CODES.has(labels.grpc_code ?? '') ? [0, 1] : [0] };
      case BREAKER_EVENTS: {
        if (!labels.target) return { kind: 'ignored' };
        const t = this.target(state, labels.target);
        if (labels.event === 'success') return { kind: 'counter', slots: [t.success] };
        if (labels.event === 'failure') return { kind: 'counter', slots: [t.failure] };
        if (labels.event === 'open') return { kind: 'counter', slots: [t.open] };
        return { kind: 'ignored' };
      }
      default:
        return { kind: 'ignored' };
    }
  }

  private target(state: ServiceState, name: string): TargetSlots {
    let t = state.targets.get(name);
    if (!t) {
      const service = state.service;
      t = {
        success: this.slot(state, `b\u0000${name}\u0000success`),
        failure: this.slot(state, `b\u0000${name}\u0000failure`),
        open: this.slot(state, `o\u0000${name}`),
        failures: signalSpecs.breakerFailureRatio(service, name),
        opens: signalSpecs.breakerOpens(service, name),
        saturation: signalSpecs.saturation(service, name),
      };
      state.targets.set(name, t);
    }
    return t;
  }

  private signals(
    scrape: Scrape,
    state: ServiceState,
    gauges: { heap: number; rss: number; lag: number },
    bulkheads: Map<string, { inFlight?: number; capacity?: number }>,
  ): SignalValue[] {
    const { time } = scrape;
    const out: SignalValue[] = [];
    const emit = (spec: SignalSpec, value: number | undefined) => {
      if (value !== undefined && isFinite(value)) out.push({ spec, time, value });
    };
    const { minCalls } = this.options;
    // The short window when it holds enough calls, else the long one, else nothing.
    const windowFor = (count: (w: WindowedSums) => number): WindowedSums | undefined =>
      count(state.rates) >= minCalls ? state.rates : count(state.long) >= minCalls ? state.long : undefined;

    for (const m of state.methods.values()) {
      const last = m.bounds.at(-1);
      if (!last || last.le !== Infinity) continue;
      const w = windowFor((x) => x.get(last.slot));
      if (!w) continue;
      const buckets = m.bounds.map((b) => ({ le: b.le, count: w.get(b.slot) }));
      emit(m.p99, histogramQuantile(SLO.latencyQuantile, buckets));
      emit(m.slow, shareAbove(m.line, buckets));
    }
    const calls = windowFor((x) => x.get(0));
    if (calls) emit(state.errors, calls.get(1) / calls.get(0));
    emit(state.heap, gauges.heap);
    emit(state.rss, gauges.rss);
    emit(state.lag, gauges.lag);

    for (const [target, t] of state.targets) {
      const w = windowFor((x) => x.get(t.success) + x.get(t.failure));
      if (w) emit(t.failures, w.get(t.failure) / (w.get(t.success) + w.get(t.failure)));
      emit(t.opens, state.long.get(t.open));
      let saturation: number | undefined;
      for (const [key, b] of bulkheads) {
        if (!key.startsWith(`${target}\u0001`) || b.inFlight === undefined || !b.capacity || b.capacity <= 0) continue;
        saturation = max(saturation ?? 0, b.inFlight / b.capacity);
      }
      emit(t.saturation, saturation);
    }
    return out;
  }
}

function parseBound(le: string | undefined): number | undefined {
  if (le === undefined) return undefined;
  if (le === '+Inf' || le === 'Inf') return Infinity;
  const n = Number(le);
  return isFinite(n) ? n : undefined;
}
