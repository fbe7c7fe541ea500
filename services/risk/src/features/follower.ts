// Keeps the feature store up to date: a catch-up-then-live subscription to the order and payment
// events, resumed after the last snapshot's position. The state lives in memory (Assess reads it
// without I/O); a snapshot (state + position, one row) is written every SNAPSHOT_EVERY events or
// SNAPSHOT_INTERVAL, and on shutdown, so a restart replays only what came after it.
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeEvent, START, type EventSource, type Position, type StoredEvent } from '@mercato/eventsourcing';
import type { Logger } from '@mercato/kit';
import type { RiskMetrics } from '../metrics';
import { encodeSnapshot, type SnapshotStore } from '../store/snapshots';
import { isConsumed, RISK_FILTER, type RiskEvent } from './events';
import { compact, evolve, initialState, stateSize, type FeatureState } from './state';

export interface FollowerOptions {
  source: EventSource;
  snapshots: SnapshotStore;
  log: Logger;
  metrics?: RiskMetrics;
  /** Events between snapshots (default 5000). */
  snapshotEvery?: number;
  /** At most this long between snapshots while events arrive (default 60 s). */
  snapshotIntervalMs?: number;
}

export class FeatureFollower {
  private current: FeatureState = initialState();
  private position: Position = START;
  private events = 0;
  private sinceSnapshot = 0;
  private lastSnapshotAt = Date.now();
  private caughtUp = false;
  private saving: Promise<void> | undefined;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private readonly every: number;
  private readonly intervalMs: number;

  constructor(private readonly o: FollowerOptions) {
    this.every = o.snapshotEvery ?? 5000;
    this.intervalMs = o.snapshotIntervalMs ?? 60_000;
  }

  /** The features as far as the subscription has read. */
  get state(): FeatureState {
    return this.current;
  }

  /** True once the subscription caught up with the store since this process started. */
  get ready(): boolean {
    return this.caughtUp;
  }

  get checkpoint(): Position {
    return this.position;
  }

  get eventsApplied(): number {
    return this.events;
  }

  /** Loads the latest snapshot, if any; the subscription then starts right after it. */
  async restore(): Promise<void> {
    const snap = await this.o.snapshots.load();
    if (!snap) return;
    this.current = snap.state;
    this.position = snap.position;
    this.events = snap.events;
    this.o.metrics?.checkpoint.set(Number(snap.position.commit));
    this.o.log.info({ commit: snap.position.commit.toString(), events: snap.events, ...stateSize(snap.state) }, 'feature store restored from its snapshot');
  }

  start(): void {
    this.loop ??= this.follow();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await this.saving;
    if (this.sinceSnapshot > 0) await this.snapshot();
  }

  /** Health: the store has caught up once (answers before that would miss recent history). */
  async check(): Promise<void> {
    if (!this.caughtUp) throw new Error('the feature store is still catching up with the event store');
  }

  private async follow(): Promise<void> {
    const signal = this.stopping.signal;
    for (let failures = 0; !signal.aborted; ) {
      try {
        for await (const m of this.o.source.subscribe({ after: this.position, filter: RISK_FILTER, signal })) {
          failures = 0;
          if (m.kind === 'event') this.apply(m.event);
          else if (m.kind === 'checkpoint') this.position = m.position;
          else {
            if (!this.caughtUp) this.o.log.info({ events: this.events, ...stateSize(this.current) }, 'feature store caught up');
            this.caughtUp = true;
            this.o.metrics?.ready.set(1);
            this.o.metrics?.featureLag.set(0);
          }
          this.maybeSnapshot();
        }
      } catch (err) {
        if (signal.aborted) break;
        failures++;
        this.o.log.warn({ err: (err as Error).message, failures }, 'event subscription lost; resuming from the feature store position');
      }
      try {
        await sleep(Math.min(100 * 2 ** failures, 5_000), undefined, { signal });
      } catch {
        break;
      }
    }
  }

  private apply(stored: StoredEvent): void {
    this.position = stored.position;
    this.o.metrics?.checkpoint.set(Number(stored.position.commit));
    if (!isConsumed(stored.stream, stored.type)) return;
    let event: RiskEvent;
    try {
      event = decodeEvent<RiskEvent>(stored);
    } catch (err) {
      // One unreadable payload must not stop every later event: count it and go on.
      this.o.metrics?.featureEvents.inc({ outcome: 'skipped' });
      this.o.log.error({ event_id: stored.id, stream: stored.stream, type: stored.type, err: (err as Error).message }, 'event skipped: it cannot be decoded');
      return;
    }
    evolve(this.current, event, stored.createdAt.getTime());
    this.events++;
    this.sinceSnapshot++;
    this.o.metrics?.featureEvents.inc({ outcome: 'applied' });
    if (this.caughtUp) this.o.metrics?.featureLag.set(Math.max(0, Date.now() - stored.createdAt.getTime()) / 1000);
  }

  private maybeSnapshot(): void {
    if (this.saving || this.sinceSnapshot === 0) return;
    if (this.sinceSnapshot < this.every && Date.now() - this.lastSnapshotAt < this.intervalMs) return;
    this.saving = this.snapshot().finally(() => (this.saving = undefined));
  }

  private async snapshot(): Promise<void> {
    compact(this.current);
    const size = stateSize(this.current);
    for (const [kind, n] of Object.entries(size)) this.o.metrics?.entities.set({ kind }, n);
    // Encoded synchronously: state and position agree even though events keep coming during the write.
    const encoded = encodeSnapshot(this.current, this.position, this.events);
    const taken = this.sinceSnapshot;
    this.sinceSnapshot = 0;
    this.lastSnapshotAt = Date.now();
    try {
      const saved = await this.o.snapshots.save(encoded);
      this.o.metrics?.snapshots.inc({ outcome: saved ? 'saved' : 'superseded' });
      this.o.metrics?.snapshotBytes.set(encoded.bytes.length);
      this.o.log.debug({ commit: encoded.position.commit.toString(), bytes: encoded.bytes.length, saved, ...size }, 'feature store snapshot');
    } catch (err) {
      this.sinceSnapshot += taken;
      this.o.metrics?.snapshots.inc({ outcome: 'failed' });
      this.o.log.warn({ err: (err as Error).message }, 'feature store snapshot failed; will retry');
    }
  }
}
