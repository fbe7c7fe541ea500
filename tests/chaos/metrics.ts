// The suite's own metrics, read the way Prometheus would: each process's /metrics, parsed into
// series, and the circuit breakers in them (mercato_breaker_state, mercato_breaker_events_total).
import type { RunningProcess } from '@mercato/runner';

export interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comments and blank lines skipped). */
export function parseMetrics(text: string): Series[] {
  const out: Series[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([A-Za-z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)/.exec(line);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    out.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return out;
}

/** One process's metrics; undefined when it does not answer (killed, stopped, restarting). */
export async function scrape(port: number, timeoutMs = 1_500): Promise<Series[] | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
    return res.ok ? parseMetrics(await res.text()) : undefined;
  } catch {
    return undefined;
  }
}

export const BREAKER_STATE = { closed: 0, halfOpen: 1, open: 2 } as const;

/** One client's breaker in one process (`pid` tells a restarted process's fresh counters apart). */
export interface Breaker {
  service: string;
  target: string;
  pid: number;
  state: number;
  /** mercato_breaker_events_total by event: success, filtered, failure, reject, open, half_open, close, fallback, ... */
  events: Record<string, number>;
  /** mercato_bulkhead_in_flight: calls fired and not yet answered. */
  inFlight: number;
}

/** The breaker settings every service of the run is given (BREAKER_* in the kit's config). */
export interface BreakerPolicy {
  volumeThreshold: number;
  errorPercent: number;
  resetMs: number;
  windowMs: number;
}

/** The settings as environment variables for the services. */
export const policyEnv = (p: BreakerPolicy): Record<string, string> => ({
  BREAKER_VOLUME_THRESHOLD: String(p.volumeThreshold),
  BREAKER_ERROR_PERCENT: String(p.errorPercent),
  BREAKER_RESET_MS: String(p.resetMs),
  BREAKER_WINDOW_MS: String(p.windowMs),
});

const n = (b: Breaker, event: string): number => b.events[event] ?? 0;
/** Calls the breaker let through or turned away (answered ones and rejections). */
export const callsOf = (b: Breaker): number => n(b, 'success') + n(b, 'filtered') + n(b, 'failure') + n(b, 'reject');

export const breakerKey = (b: { service: string; target: string }): string => `${b.service}→${b.target}`;

/** Every breaker of every process that answers. */
export async function readBreakers(processes: readonly RunningProcess[]): Promise<Breaker[]> {
  const scraped = await Promise.all(processes.map(async (p) => ({ p, series: await scrape(p.metricsPort) })));
  const out: Breaker[] = [];
  for (const { p, series } of scraped) {
    if (!series) continue;
    const byTarget = new Map<string, Breaker>();
    const of = (target: string): Breaker => {
      let b = byTarget.get(target);
      if (!b) byTarget.set(target, (b = { service: p.name, target, pid: p.pid, state: BREAKER_STATE.closed, events: {}, inFlight: 0 }));
      return b;
    };
    for (const s of series) {
      const target = s.labels.target;
      if (!target) continue;
      if (s.name === 'mercato_breaker_state') of(target).state = s.value;
      else if (s.name === 'mercato_breaker_events_total' && s.labels.event) of(target).events[s.labels.event] = s.value;
      else if (s.name === 'mercato_bulkhead_in_flight') of(target).inFlight = s.value;
    }
    out.push(...byTarget.values());
  }
  return out;
}

/**
 * Watches every breaker while a fault lasts: which opened (seen open, or its open counter grew)
 * and when first. Polls the metrics, as a dashboard would; a breaker stays open for its reset
 * timeout (5 s), far longer than the poll interval.
 */
export class BreakerWatch {
  readonly opened = new Map<string, number>();
  /** Every poll's reading of every breaker, by breaker. */
  readonly samples = new Map<string, Array<{ at: number; b: Breaker }>>();
  private readonly baseline = new Map<string, { pid: number; opens: number }>();
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> = Promise.resolve();

  constructor(
    private readonly processes: () => readonly RunningProcess[],
    private readonly everyMs = 500,
  ) {}

  async start(): Promise<void> {
    const at = Date.now();
    for (const b of await readBreakers(this.processes())) {
      this.baseline.set(breakerKey(b), { pid: b.pid, opens: b.events.open ?? 0 });
      this.samples.set(breakerKey(b), [{ at, b }]);
    }
    const tick = (): void => {
      this.polling = this.poll().finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.everyMs);
      });
    };
    this.timer = setTimeout(tick, this.everyMs);
  }

  async stop(): Promise<void> {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    await this.poll();
  }

  private async poll(): Promise<void> {
    const now = Date.now();
    for (const b of await readBreakers(this.processes())) {
      const key = breakerKey(b);
      const base = this.baseline.get(key);
      const opens = b.events.open ?? 0;
      const grew = base && base.pid === b.pid ? opens > base.opens : opens > 0;
      if ((b.state === BREAKER_STATE.open || grew) && !this.opened.has(key)) this.opened.set(key, now);
      const samples = this.samples.get(key) ?? [];
      if (samples.length === 0) this.samples.set(key, samples);
      samples.push({ at: now, b });
    }
  }

  /**
   * Breakers that, by their own counters, had to open and were never seen open. Opossum opens when,
   * over its rolling window, at least the volume threshold of calls were fired and more than the
   * error threshold of them failed. Read from polls, bounded on the safe side: the failures
   * between two polls at most half the window apart (so they were fired inside the window too),
   * against every call answered well within the window before the later poll (from a poll a whole
   * window earlier, or from zero in a process that started during the watch) and those still in
   * flight; and the failure share must beat the threshold by half as much again. A pair whose
   * window reaches back before the watch began is not judged. What is left is a breaker that
   * stayed closed through a storm of failures.
   */
  owed(policy: BreakerPolicy): Array<{ key: string; evidence: string }> {
    const out: Array<{ key: string; evidence: string }> = [];
    const fine = (b: Breaker) => n(b, 'success') + n(b, 'filtered');
    for (const [key, samples] of this.samples) {
      if (this.opened.has(key)) continue;
      let evidence: string | undefined;
      for (let j = 1; j < samples.length && !evidence; j++) {
        const last = samples[j]!;
        const mine = samples.slice(0, j).filter((x) => x.b.pid === last.b.pid);
        if (mine.length === 0) continue;
        // The calls answered over the window before `last`: from a poll a window earlier, or since the process began.
        const bornHere = samples[0]!.b.pid !== last.b.pid;
        const before = [...mine].reverse().find((x) => x.at <= last.at - policy.windowMs);
        if (!before && !bornHere) continue;
        const answered = fine(last.b) - (before ? fine(before.b) : 0);
        for (const first of mine) {
          if (last.at - first.at > policy.windowMs / 2) continue;
          const failed = n(last.b, 'failure') - n(first.b, 'failure');
          const rate = (100 * failed) / (failed + answered + last.b.inFlight);
          if (failed >= policy.volumeThreshold && rate >= Math.min(100, 1.5 * policy.errorPercent)) {
            evidence = `${failed} failed within ${last.at - first.at} ms, ${answered} answered over the window, ${last.b.inFlight} in flight`;
            break;
          }
        }
      }
      if (evidence) out.push({ key, evidence });
    }
    return out;
  }

  /** What each breaker that opened did over the watch, e.g. "failure 23, reject 41, open 2, close 1". */
  describe(key: string): string {
    const s = this.samples.get(key) ?? [];
    const [first, last] = [s[0]?.b, s[s.length - 1]?.b];
    if (!first || !last) return 'no reading';
    const events = ['failure', 'reject', 'open', 'half_open', 'close'];
    return events.map((e) => `${e} ${last.pid === first.pid ? n(last, e) - n(first, e) : n(last, e)}`).join(', ');
  }
}

/** The sum of a series over processes that answer, filtered by name and labels. */
export async function total(processes: readonly RunningProcess[], name: string, labels: Record<string, string> = {}): Promise<number> {
  const all = await Promise.all(processes.map((p) => scrape(p.metricsPort)));
  let sum = 0;
  for (const series of all)
    for (const s of series ?? []) if (s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) sum += s.value;
  return sum;
}
