// One load run: prepare (sign up the shoppers, learn the catalog), issue scenarios on the
// open-model schedule, then drain: a stopped run starts nothing new and lets scenarios in flight
// finish, cutting them short (counted as aborted) after a grace period.
import { randomUUID } from 'node:crypto';
import { GatewayClient, RateLimitedError } from './gateway';
import { Rng, WeightedPicker, type ScenarioName } from './mix';
import type { LoadgenMetrics } from './metrics';
import type { RunOptions } from './options';
import { ExpectedFailure, NoFreeShopper, SCENARIO_RUNNERS, type CatalogKnowledge, type ScenarioContext } from './scenarios';
import { Scheduler, systemClock, type Clock } from './schedule';
import { ShopperPool } from './shoppers';
import { RunStats, type ErrorSample, type Outcome, type ScenarioSummary } from './stats';

export type RunState = 'ramping_up' | 'running' | 'stopping' | 'finished';

/** The subset of a pino logger a run writes to. */
export interface RunLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export interface RunDeps {
  clock?: Clock;
  metrics?: LoadgenMetrics;
  log?: RunLog;
  fetch?: typeof fetch;
  /** Preparation attempts before the run fails (429s do not count); default unlimited. */
  prepareAttempts?: number;
  /** How long a stop waits for scenarios in flight before cutting them short. */
  drainGraceMs?: number;
}

export interface RunReport {
  runId: string;
  options: RunOptions;
  state: RunState;
  startTime: Date;
  endTime: Date | undefined;
  /** Seconds spent issuing scenarios (preparation excluded). */
  seconds: number;
  /** Scenarios due per second over the run (started + dropped). */
  achievedRate: number;
  scenarios: ScenarioSummary[];
  errors: ErrorSample[];
  unexpectedErrors: number;
  /** Set when the run could not start (e.g. the gateway never answered). */
  failure: string | undefined;
}

const SIGNUP_CONCURRENCY = 4;
const MAX_PREPARE_BACKOFF_MS = 30_000;
const MAX_CATALOG_PAGES = 20;

class Stopped extends Error {}

export class LoadRun {
  readonly id = randomUUID();
  readonly stats = new RunStats();
  readonly startTime = new Date();
  endTime: Date | undefined;
  failure: string | undefined;
  readonly done: Promise<RunReport>;

  private readonly clock: Clock;
  private readonly stopSignal = new AbortController();
  private readonly abortSignal = new AbortController();
  private readonly gateway: GatewayClient;
  private readonly shoppers: ShopperPool;
  private readonly scheduler: Scheduler;
  private readonly picker: WeightedPicker;
  private readonly root: Rng;
  private readonly loggedErrors = new Set<string>();
  private catalog: CatalogKnowledge | undefined;
  private phase: 'preparing' | 'issuing' | 'stopping' | 'finished' = 'preparing';
  private issueStart = 0;
  private issueEnd: number | undefined;
  private readonly graceMs: number;

  constructor(
    readonly options: RunOptions,
    private readonly deps: RunDeps = {},
  ) {
    this.clock = deps.clock ?? systemClock;
    this.graceMs = deps.drainGraceMs ?? options.requestTimeoutMs + 5_000;
    this.gateway = new GatewayClient({ baseUrl: options.targetUrl, timeoutMs: options.requestTimeoutMs, now: () => this.clock.now(), signal: this.abortSignal.signal, ...(deps.fetch ? { fetch: deps.fetch } : {}) });
    this.shoppers = new ShopperPool(this.gateway);
    this.picker = new WeightedPicker(options.weights);
    this.root = new Rng(options.seed);
    this.scheduler = new Scheduler(
      { rate: options.rate, rampSeconds: options.rampSeconds, durationSeconds: options.durationSeconds, maxInflight: options.maxInflight },
      { start: (k) => this.runScenario(k), drop: (k) => this.record(this.scenarioOf(k).name, 'dropped') },
      this.clock,
    );
    if (deps.metrics) deps.metrics.current = this;
    this.done = this.execute();
  }

  get state(): RunState {
    if (this.phase !== 'finished' && this.stopSignal.signal.aborted) return 'stopping';
    switch (this.phase) {
      case 'preparing':
        return 'ramping_up';
      case 'issuing':
        return this.scheduler.elapsed() < this.options.rampSeconds ? 'ramping_up' : 'running';
      case 'stopping':
        return 'stopping';
      case 'finished':
        return 'finished';
    }
  }

  get inflight(): number {
    return this.scheduler.inflight;
  }

  /** The rate aimed at right now (0 while preparing and once stopping). */
  targetRate(): number {
    return this.phase === 'issuing' ? this.scheduler.currentRate() : 0;
  }

  /** Starts per second over the last 10 seconds. */
  achievedRate(): number {
    return this.stats.achievedRate(this.clock.now());
  }

  /** Stops issuing scenarios; those in flight get the drain grace to finish. Idempotent. */
  stop(): void {
    this.stopSignal.abort();
    this.scheduler.stop();
    if (this.phase === 'preparing') this.abortSignal.abort();
  }

  /** Stops and cuts every request in flight short at once (a second Ctrl-C, a shutdown). */
  abort(): void {
    this.stop();
    this.abortSignal.abort();
  }

  report(): RunReport {
    const end = this.issueEnd ?? (this.phase === 'issuing' ? this.clock.now() : this.issueStart);
    const seconds = Math.max(0, (end - this.issueStart) / 1000);
    return {
      runId: this.id,
      options: this.options,
      state: this.state,
      startTime: this.startTime,
      endTime: this.endTime,
      seconds,
      achievedRate: seconds > 0 ? this.scheduler.arrivals / seconds : 0,
      scenarios: this.stats.summary(),
      errors: this.stats.errorSamples(),
      unexpectedErrors: this.stats.unexpectedErrors,
      failure: this.failure,
    };
  }

  private async execute(): Promise<RunReport> {
    // Let the constructor return (and callers subscribe) before any work.
    await Promise.resolve();
    const log = this.deps.log;
    try {
      await this.prepare();
      this.phase = 'issuing';
      this.issueStart = this.clock.now();
      log?.info({ runId: this.id, rate: this.options.rate, rampSeconds: this.options.rampSeconds, durationSeconds: this.options.durationSeconds, shoppers: this.shoppers.size, products: this.catalog!.productIds.length }, 'load run issuing scenarios');
      await this.scheduler.run();
      this.issueEnd = this.clock.now();
      this.phase = 'stopping';
      await this.drain();
    } catch (err) {
      if (!(err instanceof Stopped)) {
        this.failure = (err as Error).message;
        log?.warn({ runId: this.id, err: this.failure }, 'load run could not start');
      }
    }
    this.phase = 'finished';
    this.endTime = new Date();
    const report = this.report();
    log?.info({ runId: this.id, seconds: report.seconds, unexpectedErrors: report.unexpectedErrors }, 'load run finished');
    return report;
  }

  private async drain(): Promise<void> {
    if (this.scheduler.inflight === 0) return;
    const grace = new AbortController();
    const timer = this.clock.sleep(this.graceMs, grace.signal).then(() => {
      if (!grace.signal.aborted) this.abortSignal.abort();
    });
    await this.scheduler.drained();
    grace.abort();
    await timer;
  }

  /** Signs up the shoppers and learns the catalog, retrying while the gateway is not there yet. */
  private async prepare(): Promise<void> {
    const attempts = this.deps.prepareAttempts ?? Infinity;
    for (let failures = 0; ; ) {
      if (this.stopSignal.signal.aborted) throw new Stopped();
      try {
        await this.signUpMissing();
        this.catalog ??= await this.learnCatalog();
        return;
      } catch (err) {
        if (this.stopSignal.signal.aborted) throw new Stopped();
        let waitMs: number;
        if (err instanceof RateLimitedError) waitMs = err.retryAtMs - this.clock.now();
        else {
          failures++;
          if (failures >= attempts) throw err;
          waitMs = Math.min(MAX_PREPARE_BACKOFF_MS, 500 * 2 ** (failures - 1));
        }
        this.deps.log?.warn({ runId: this.id, err: (err as Error).message, retryInMs: Math.round(waitMs) }, 'load run preparation failed; retrying');
        await this.clock.sleep(waitMs, this.stopSignal.signal);
      }
    }
  }

  private async signUpMissing(): Promise<void> {
    const missing: number[] = [];
    for (let i = 0; i < this.options.users; i++) if (!this.shoppers.shoppers[i]) missing.push(i);
    const worker = async (): Promise<void> => {
      for (let i = missing.shift(); i !== undefined; i = missing.shift()) await this.shoppers.signUp(i);
    };
    const results = await Promise.allSettled(Array.from({ length: Math.min(SIGNUP_CONCURRENCY, missing.length) }, worker));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }

  private async learnCatalog(): Promise<CatalogKnowledge> {
    const cats = await this.gateway.request<{ categories?: Array<{ id?: unknown }> }>({ path: '/categories', route: 'GET /categories', expect: [200], limitKey: 'client' });
    const categoryIds = (cats.body?.categories ?? []).map((c) => c.id).filter((id): id is string => typeof id === 'string' && id !== '');
    const productIds: string[] = [];
    let pageToken = '';
    for (let page = 0; page < MAX_CATALOG_PAGES; page++) {
      const res = await this.gateway.request<{ products?: Array<{ id?: unknown }>; next_page_token?: unknown }>({ path: '/products', route: 'GET /products', query: { page_size: 100, page_token: pageToken }, expect: [200], limitKey: 'client' });
      for (const p of res.body?.products ?? []) if (typeof p.id === 'string' && p.id !== '') productIds.push(p.id);
      pageToken = typeof res.body?.next_page_token === 'string' ? res.body.next_page_token : '';
      if (!pageToken) break;
    }
    if (productIds.length === 0) throw new Error('the catalog has no products to shop for');
    return { categoryIds, productIds };
  }

  /** Scenario k's generator and pick: a function of the seed and k only. */
  private scenarioOf(k: number): { rng: Rng; name: ScenarioName } {
    const rng = this.root.fork(k);
    return { rng, name: this.picker.pick(rng) };
  }

  private async runScenario(k: number): Promise<void> {
    const { rng, name } = this.scenarioOf(k);
    const t0 = this.clock.now();
    this.stats.begin(name, t0);
    const context: ScenarioContext = { gateway: this.gateway, shoppers: this.shoppers, catalog: this.catalog!, rng };
    let outcome: Outcome = 'ok';
    let error: string | undefined;
    try {
      await SCENARIO_RUNNERS[name](context);
    } catch (err) {
      if (this.abortSignal.signal.aborted) outcome = 'aborted';
      else if (err instanceof ExpectedFailure) outcome = 'expected_failure';
      else if (err instanceof RateLimitedError) outcome = 'rate_limited';
      else if (err instanceof NoFreeShopper) outcome = 'dropped';
      else {
        outcome = 'unexpected_error';
        error = err instanceof Error ? err.message : String(err);
        if (!(err instanceof Error) || !/^(HttpError|TransportError|ContractError)$/.test(err.name)) error = `${err instanceof Error ? err.name : 'thrown'}: ${error}`;
      }
    }
    this.record(name, outcome, this.clock.now() - t0, error);
  }

  private record(name: ScenarioName, outcome: Outcome, latencyMs?: number, error?: string): void {
    this.stats.end(name, outcome, latencyMs, error);
    this.deps.metrics?.outcome(name, outcome, latencyMs === undefined ? undefined : latencyMs / 1000);
    if (error && this.loggedErrors.size < 100 && !this.loggedErrors.has(error)) {
      this.loggedErrors.add(error);
      this.deps.log?.warn({ runId: this.id, scenario: name, err: error }, 'unexpected error (logged once per kind)');
    }
  }
}

/** Runs one load run to its end (duration over, or `signal` aborted: a stop, then drain). */
export async function runLoad(options: RunOptions, deps: RunDeps = {}, signal?: AbortSignal): Promise<RunReport> {
  const run = new LoadRun(options, deps);
  const onAbort = (): void => run.stop();
  if (signal?.aborted) run.stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await run.done;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}
