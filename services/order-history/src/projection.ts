// Runs the order-history projection in the background: the toolkit's runProjection over a
// filtered $all subscription, each event applied in the transaction that stores the checkpoint.
// It restarts after a failure (with backoff) and reports its state to health and metrics.
import type { Database } from '@mercato/db';
import { rebuildProjection, runProjection, type EventSource, type ProjectionOptions, type SourceMessage, type StoredEvent, pause } from '@mercato/eventsourcing';
import type { Logger } from '@mercato/kit';
import { Counter, Gauge, type Registry } from 'prom-client';
import { HISTORY_FILTER } from './domain/events';
import { applyEvent, PROJECTION_NAME, reset } from './store/read-model';

export type ProjectionState = 'starting' | 'catching_up' | 'live' | 'failed' | 'stopped';

/** Prometheus series of the projection, labelled with its name. */
export class ProjectionMetrics {
  readonly checkpoint: Gauge<'projection'>;
  readonly lag: Gauge<'projection'>;
  readonly events: Counter<'projection' | 'outcome'>;
  readonly running: Gauge<'projection'>;
  readonly failures: Counter<'projection'>;

  constructor(registry: Registry) {
    const registers = [registry];
    this.checkpoint = new Gauge({ name: 'mercato_projection_checkpoint_commit', help: 'The $all commit position the projection has applied up to.', labelNames: ['projection'], registers });
    this.lag = new Gauge({ name: 'mercato_projection_lag_seconds', help: 'Age of the last event the projection applied when it applied it (0 once caught up).', labelNames: ['projection'], registers });
    this.events = new Counter({ name: 'mercato_projection_events_total', help: 'Events handled by the projection: applied, or skipped because they could not be read.', labelNames: ['projection', 'outcome'], registers });
    this.running = new Gauge({ name: 'mercato_projection_running', help: '1 while the projection runs (catching up or live), 0 when it failed or stopped.', labelNames: ['projection'], registers });
    this.failures = new Counter({ name: 'mercato_projection_failures_total', help: 'Times the projection stopped on an error and was restarted.', labelNames: ['projection'], registers });
  }
}

export interface ProjectionHooks {
  log: Logger;
  metrics?: ProjectionMetrics | undefined;
  /** A subscription starts (first run, or after the store went away). */
  onSubscribe?(): void;
  /** Each subscription's "every existing event is applied" moment. */
  onCaughtUp?(): void;
  /** After the event's transaction committed. */
  onApplied?(event: StoredEvent): void;
  onSkipped?(event: StoredEvent, reason: string): void;
}

/** Passes the source through, telling `onSubscribe` each time a subscription starts. */
function watchSubscribe(source: EventSource, onSubscribe: () => void): EventSource {
  return {
    subscribe(options): AsyncIterable<SourceMessage> {
      onSubscribe();
      return source.subscribe(options);
    },
  };
}

/** The projection's options without the signal: shared by the service and the rebuild command. */
export function orderHistoryProjection(db: Database, source: EventSource, hooks: ProjectionHooks): Omit<ProjectionOptions, 'signal'> {
  const name = PROJECTION_NAME;
  const m = hooks.metrics;
  // Why an event was skipped, by event id, until its transaction commits (onProgress follows only a
  // commit; a rolled-back event is handled again and overwrites its entry).
  const skipped = new Map<string, string>();
  return {
    db,
    name,
    source: watchSubscribe(source, () => hooks.onSubscribe?.()),
    filter: HISTORY_FILTER,
    handle: async (tx, event) => {
      const outcome = await applyEvent(tx, event);
      if (outcome.applied) skipped.delete(event.id);
      else skipped.set(event.id, outcome.reason);
    },
    onProgress: (p) => {
      m?.checkpoint.set({ projection: name }, Number(p.position.commit));
      m?.lag.set({ projection: name }, p.lagMs / 1000);
      const e = p.event;
      if (!e) return;
      const reason = skipped.get(e.id);
      if (reason === undefined) {
        m?.events.inc({ projection: name, outcome: 'applied' });
        hooks.onApplied?.(e);
        return;
      }
      skipped.delete(e.id);
      // Logged and counted, not thrown: one unreadable payload must not stop every later event.
      hooks.log.error({ event_id: e.id, stream: e.stream, type: e.type, reason }, 'event skipped: it cannot be projected');
      m?.events.inc({ projection: name, outcome: 'skipped' });
      hooks.onSkipped?.(e, reason);
    },
    onCaughtUp: () => {
      m?.lag.set({ projection: name }, 0);
      hooks.onCaughtUp?.();
    },
    onError: (err) => hooks.log.warn({ err: (err as Error)?.message }, 'event store subscription lost; resuming from the checkpoint'),
  };
}

/** The background runner the service holds: start once, stop on shutdown, ask for health. */
export class ProjectionRunner {
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private current: ProjectionState = 'starting';
  private lastError: string | undefined;

  constructor(
    private readonly db: Database,
    private readonly source: EventSource,
    private readonly log: Logger,
    private readonly metrics?: ProjectionMetrics,
    private readonly restartDelayMs = { first: 500, max: 30_000 },
  ) {}

  get state(): ProjectionState {
    return this.current;
  }

  private set(state: ProjectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.metrics?.running.set({ projection: PROJECTION_NAME }, state === 'catching_up' || state === 'live' || state === 'starting' ? 1 : 0);
    this.log.info({ projection: PROJECTION_NAME, state }, 'projection state');
  }

  start(): void {
    this.metrics?.running.set({ projection: PROJECTION_NAME }, 1);
    this.loop ??= this.run();
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    const options = orderHistoryProjection(this.db, this.source, {
      log: this.log,
      metrics: this.metrics,
      onSubscribe: () => this.set('catching_up'),
      onCaughtUp: () => this.set('live'),
    });
    for (let failures = 0; !signal.aborted; ) {
      try {
        await runProjection({ ...options, signal });
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        this.lastError = (err as Error)?.message ?? String(err);
        this.metrics?.failures.inc({ projection: PROJECTION_NAME });
        this.set('failed');
        const delay = Math.min(this.restartDelayMs.first * 2 ** (failures - 1), this.restartDelayMs.max);
        this.log.error({ err, projection: PROJECTION_NAME, retry_in_ms: delay }, 'projection stopped on an error; restarting from its checkpoint');
        await pause(delay, signal);
      }
    }
    this.set('stopped');
  }

  /** Health: failing while the projection is down (it failed and waits to restart, or stopped). */
  async check(): Promise<void> {
    if (this.current === 'failed') throw new Error(`projection failed: ${this.lastError ?? 'unknown error'}`);
    if (this.current === 'stopped') throw new Error('projection stopped');
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }
}

export interface RebuildReport {
  applied: number;
  skipped: number;
}

/**
 * Empties the read model and its checkpoint in one transaction, replays $all from the start and
 * returns once the subscription reports it has caught up. Run it while the service is stopped: a
 * running replica would move the shared checkpoint past the events being replayed.
 */
export async function rebuildReadModel(db: Database, source: EventSource, log: Logger): Promise<RebuildReport> {
  const done = new AbortController();
  const report: RebuildReport = { applied: 0, skipped: 0 };
  const options = orderHistoryProjection(db, source, {
    log,
    onCaughtUp: () => done.abort(),
    onApplied: () => report.applied++,
    onSkipped: () => report.skipped++,
  });
  // A command should fail, not wait: an unreachable event store ends the rebuild with its error.
  let lost: unknown;
  options.onError = (err) => {
    lost ??= err;
    done.abort();
  };
  await rebuildProjection({ ...options, reset, signal: done.signal });
  if (lost) throw lost instanceof Error ? lost : new Error(String(lost));
  return report;
}

