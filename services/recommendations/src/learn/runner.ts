// Keeps the model current: loads the last snapshot, subscribes to $all (filtered to the consumed
// cart and order events) right after the snapshot's position, applies each event, and saves a new
// snapshot every `snapshotEvery` events and on shutdown. The model and its position move together
// in memory and are saved together, so each event counts exactly once across restarts, and a
// restart replays only the events after the last snapshot.
import type { Database } from '@mercato/db';
import { comparePositions, START, type EventSource, type Position, pause } from '@mercato/eventsourcing';
import type { Logger } from '@mercato/kit';
import { BehaviourModel, DEFAULT_LIMITS, type ModelLimits } from '../model/behaviour';
import { CONSUMED, toSignal } from '../model/signals';
import type { RecommendationMetrics } from '../metrics';
import { SnapshotStore } from './snapshots';

export type RunnerState = 'starting' | 'catching_up' | 'live' | 'disconnected' | 'stopped';

export interface RunnerOptions {
  db: Database;
  source: EventSource;
  /** Save a snapshot after this many events (RECOMMENDATIONS_SNAPSHOT_EVERY). */
  snapshotEvery: number;
  log: Logger;
  metrics?: RecommendationMetrics;
  limits?: ModelLimits;
}

export class ModelRunner {
  private current: BehaviourModel;
  private at: Position = START;
  private unsaved = 0;
  private positionMoved = false;
  private readonly snapshots: SnapshotStore;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private status: RunnerState = 'starting';
  private readonly waiters = new Set<() => void>();

  constructor(private readonly o: RunnerOptions) {
    this.current = new BehaviourModel(o.limits ?? DEFAULT_LIMITS);
    this.snapshots = new SnapshotStore(o.db);
  }

  get model(): BehaviourModel {
    return this.current;
  }

  get position(): Position {
    return this.at;
  }

  get state(): RunnerState {
    return this.status;
  }

  /** Loads the last snapshot (or starts empty); call once before start(). */
  async load(): Promise<void> {
    await this.snapshots.migrate();
    const t0 = process.hrtime.bigint();
    const loaded = await this.snapshots.load(this.o.limits);
    const m = this.o.metrics;
    switch (loaded.kind) {
      case 'none':
        this.o.log.info('no model snapshot: learning from the start of the log');
        return;
      case 'discarded':
        m?.snapshots.inc({ outcome: 'discarded' });
        this.o.log.warn({ reason: loaded.reason }, 'model snapshot discarded: rebuilding the model from the start of the log');
        return;
      case 'loaded':
        this.current = loaded.model;
        this.at = loaded.position;
        m?.snapshots.inc({ outcome: 'loaded' });
        m?.snapshotBytes.set(loaded.bytes);
        m?.snapshotSeconds.observe({ operation: 'load' }, Number(process.hrtime.bigint() - t0) / 1e9);
        this.report();
        this.o.log.info({ model_version: loaded.model.version, commit: String(loaded.position.commit), bytes: loaded.bytes }, 'model snapshot loaded');
        return;
    }
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Stops the subscription and saves what was applied since the last snapshot. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake();
    await this.loop;
    if (this.unsaved > 0 || this.positionMoved) await this.snapshot();
    this.set('stopped');
  }

  /** Resolves once the model has applied everything up to `position` (tests, tools). */
  async waitFor(position: Position): Promise<void> {
    while (comparePositions(this.at, position) < 0) {
      if (this.stopping.signal.aborted) throw new Error('the model runner stopped before reaching the position');
      await new Promise<void>((resolve) => this.waiters.add(resolve));
    }
  }

  /** Saves the model and its position now; a failure is logged and counted, never thrown. */
  async snapshot(): Promise<void> {
    const m = this.o.metrics;
    const t0 = process.hrtime.bigint();
    const position = this.at;
    const model = this.current;
    try {
      const { saved, bytes } = await this.snapshots.save(model, position);
      m?.snapshots.inc({ outcome: saved ? 'saved' : 'superseded' });
      m?.snapshotBytes.set(bytes);
      m?.snapshotSeconds.observe({ operation: 'save' }, Number(process.hrtime.bigint() - t0) / 1e9);
      this.o.log.debug({ model_version: model.version, commit: String(position.commit), bytes, saved }, 'model snapshot');
    } catch (err) {
      m?.snapshots.inc({ outcome: 'failed' });
      this.o.log.warn({ err: (err as Error).message }, 'model snapshot failed; the next one will try again');
    }
    // Counted from the attempt either way: a sick database is not retried on every event.
    this.unsaved = 0;
    this.positionMoved = false;
    this.report();
  }

  private set(state: RunnerState): void {
    if (state === this.status) return;
    this.status = state;
    this.o.metrics?.live.set(state === 'live' ? 1 : 0);
    this.o.log.info({ state }, 'model subscription state');
  }

  private advance(position: Position): void {
    this.at = position;
    this.wake();
  }

  private wake(): void {
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  private async run(): Promise<void> {
    const { signal } = this.stopping;
    const m = this.o.metrics;
    for (let failures = 0; !signal.aborted; ) {
      try {
        for await (const msg of this.o.source.subscribe({ after: this.at, filter: CONSUMED, signal })) {
          if (signal.aborted) break;
          failures = 0;
          if (this.status !== 'live') this.set('catching_up');
          if (msg.kind === 'event') {
            const event = msg.event;
            if (comparePositions(event.position, this.at) <= 0) continue; // already in the model
            const decoded = toSignal(event);
            if (decoded.ok) {
              this.current.apply(decoded.signal);
              m?.events.inc({ outcome: 'applied' });
            } else {
              // One unreadable event must not stop the model: it is logged, counted and passed.
              m?.events.inc({ outcome: 'skipped' });
              this.o.log.warn({ event_id: event.id, stream: event.stream, type: event.type, reason: decoded.reason }, 'event skipped');
            }
            this.unsaved++;
            this.advance(event.position);
            m?.modelVersion.set(this.current.version);
            m?.position.set(Number(event.position.commit));
            if (this.status !== 'live') m?.lag.set(Math.max(0, Date.now() - event.createdAt.getTime()) / 1000);
            if (this.unsaved >= this.o.snapshotEvery) await this.snapshot();
          } else if (msg.kind === 'checkpoint') {
            // Nothing consumed up to here: a snapshot may start after it.
            if (comparePositions(msg.position, this.at) > 0) {
              this.positionMoved = true;
              this.advance(msg.position);
              m?.position.set(Number(msg.position.commit));
            }
          } else {
            m?.lag.set(0);
            this.set('live');
            this.report();
          }
        }
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        // Said once per outage; the retries that follow are debug.
        const log = failures === 1 ? this.o.log.warn.bind(this.o.log) : this.o.log.debug.bind(this.o.log);
        log({ err: (err as Error)?.message, retries: failures }, 'event store subscription lost; resuming from the model position');
      }
      if (signal.aborted) break;
      this.set('disconnected');
      await pause(Math.min(100 * 2 ** failures, 5_000), signal);
    }
  }

  /** Model size gauges (walks the model: at snapshots and when caught up, not per event). */
  private report(): void {
    const m = this.o.metrics;
    if (!m) return;
    const model = this.current;
    let pairs = 0;
    for (const counts of [model.bought, model.alsoBought, model.carted]) for (const row of counts.values()) pairs += row.size;
    m.modelSize.set({ kind: 'products' }, model.popular().length);
    m.modelSize.set({ kind: 'users' }, model.users.size);
    m.modelSize.set({ kind: 'pairs' }, pairs / 2);
    m.modelVersion.set(model.version);
    m.position.set(Number(this.at.commit));
  }
}

