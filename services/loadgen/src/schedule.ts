// Open-model arrivals: scenario k starts at a time fixed by the target rate and a linear ramp,
// whether or not earlier scenarios finished (a closed loop would slow down with the system under
// test and hide its latency). In-flight scenarios are capped; a start over the cap is dropped and
// counted, so a stalled target cannot make the generator run away.

export interface Rate {
  /** Scenarios per second once ramped up. */
  readonly rate: number;
  /** Seconds to go linearly from 0 to `rate`. */
  readonly rampSeconds: number;
}

/** The target rate at `t` seconds into the run. */
export function rateAt(r: Rate, t: number): number {
  if (t < 0) return 0;
  if (r.rampSeconds > 0 && t < r.rampSeconds) return (r.rate * t) / r.rampSeconds;
  return r.rate;
}

/** Scenarios due by `t` seconds: the integral of the rate from 0 to t. */
export function arrivalsBy(r: Rate, t: number): number {
  if (t <= 0) return 0;
  const ramp = r.rampSeconds;
  if (ramp > 0 && t < ramp) return (r.rate * t * t) / (2 * ramp);
  return r.rate * (t - ramp / 2);
}

/** When scenario k (0, 1, 2, ...) starts, in seconds from the start of the run. */
export function arrivalTime(r: Rate, k: number): number {
  const ramp = r.rampSeconds;
  if (ramp > 0 && k < (r.rate * ramp) / 2) return Math.sqrt((2 * ramp * k) / r.rate);
  return k / r.rate + ramp / 2;
}

/** Time as the scheduler sees it; tests inject a manual clock. */
export interface Clock {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Resolves after `ms` (at once for ms <= 0), or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve();
      const done = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal?.addEventListener('abort', done, { once: true });
    }),
};

export interface SchedulerOptions extends Rate {
  /** 0 runs until stop(). */
  readonly durationSeconds: number;
  readonly maxInflight: number;
}

export interface SchedulerHooks {
  /** Starts scenario k; the promise settles when it finishes (its outcome is the caller's business). */
  start(k: number, scheduledAt: number): Promise<unknown>;
  /** Scenario k was due but the in-flight cap was reached. */
  drop(k: number, scheduledAt: number): void;
}

export class Scheduler {
  private readonly stopper = new AbortController();
  private readonly inflightSet = new Set<Promise<unknown>>();
  private startedAt: number | undefined;
  private issued = 0;

  constructor(
    private readonly options: SchedulerOptions,
    private readonly hooks: SchedulerHooks,
    private readonly clock: Clock,
  ) {}

  get inflight(): number {
    return this.inflightSet.size;
  }

  /** Arrivals handled so far (started or dropped). */
  get arrivals(): number {
    return this.issued;
  }

  /** Seconds since run() began, or 0 before. */
  elapsed(): number {
    return this.startedAt === undefined ? 0 : (this.clock.now() - this.startedAt) / 1000;
  }

  /** The target rate right now. */
  currentRate(): number {
    if (this.startedAt === undefined || this.stopper.signal.aborted) return 0;
    const t = this.elapsed();
    if (this.options.durationSeconds > 0 && t >= this.options.durationSeconds) return 0;
    return rateAt(this.options, t);
  }

  get stopped(): boolean {
    return this.stopper.signal.aborted;
  }

  /** Issues arrivals until the duration is over or stop() is called; resolves then (in-flight may remain). */
  async run(): Promise<void> {
    this.startedAt = this.clock.now();
    const { durationSeconds } = this.options;
    for (let k = 0; ; k++) {
      const at = arrivalTime(this.options, k);
      if (durationSeconds > 0 && at >= durationSeconds) return;
      const wait = this.startedAt + at * 1000 - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait, this.stopper.signal);
      if (this.stopper.signal.aborted) return;
      this.issued++;
      if (this.inflightSet.size >= this.options.maxInflight) {
        this.hooks.drop(k, at);
        continue;
      }
      const p: Promise<unknown> = this.hooks
        .start(k, at)
        .catch(() => undefined)
        .finally(() => this.inflightSet.delete(p));
      this.inflightSet.add(p);
    }
  }

  /** Stops issuing arrivals; in-flight scenarios go on. */
  stop(): void {
    this.stopper.abort();
  }

  /** Resolves when no scenario is in flight. */
  async drained(): Promise<void> {
    while (this.inflightSet.size > 0) await Promise.allSettled([...this.inflightSet]);
  }
}
