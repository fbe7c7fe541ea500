// Tracking over time. One catch-up-then-live subscription to the shipment streams keeps, per
// undelivered shipment, its last state and when it was reached, and a timer moves it on one step
// later. The timers are rebuilt from the streams on every start, and every append goes through the
// decider at the stream's revision with an id derived from (shipment, state): replicas racing, or
// a restart mid-step, cannot write a state twice. The same subscription wakes TrackShipment calls.
import {
  consumerSpan,
  decodeEvent,
  handleCommand,
  START,
  type ConsumedEvent,
  type EventSource,
  type EventStorePort,
  type Position,
  type StoredEvent, pause } from '@mercato/eventsourcing';
import type { Logger } from '@mercato/kit';
import { shipmentIdOfStream, STREAM_PREFIX, streamOf } from './domain/ids';
import { CREATED, millisOf, NEXT_STATUS, shipmentDecider, STATUS_CHANGED, type ShipmentEvent, type Status } from './domain/shipment';

/** Appends under way at once per replica, so a backlog does not flood the event store. */
const MAX_CONCURRENT_STEPS = 16;

export interface TrackerOptions {
  store: EventStorePort & EventSource;
  /** Time between two tracking states. */
  stepMs: number;
  log: Logger;
}

interface Pending {
  status: Status;
  /** When the shipment reached `status` (the event's own time). */
  reachedAt: number;
  /** The event that brought it there: the next step is caused by it. */
  cause: ConsumedEvent;
  timer?: NodeJS.Timeout;
  failures: number;
}

/** Wakes a TrackShipment call; a wake-up only says "read again", never what changed. */
export interface ChangeWatch {
  /** True at the next change since the last call (at once if one came); false once `signal` or the tracker stops. */
  next(signal: AbortSignal): Promise<boolean>;
  close(): void;
}

export class Tracker {
  private readonly pending = new Map<string, Pending>();
  private readonly watchers = new Map<string, Set<() => void>>();
  private readonly inFlight = new Set<Promise<void>>();
  /** Steps due but waiting for a free slot (after downtime, every shipment is due at once). */
  private readonly due: { shipmentId: string; pending: Pending }[] = [];
  private readonly abort = new AbortController();
  private position: Position = START;
  private live = false;
  private following: Promise<void> | undefined;

  constructor(private readonly options: TrackerOptions) {}

  start(): void {
    this.following ??= this.follow();
  }

  /** Stops the subscription and the timers, and waits for appends already under way. */
  async stop(): Promise<void> {
    this.abort.abort();
    for (const p of this.pending.values()) clearTimeout(p.timer);
    for (const listeners of this.watchers.values()) for (const wake of listeners) wake();
    await this.following;
    await Promise.allSettled([...this.inFlight]);
  }

  watch(shipmentId: string): ChangeWatch {
    let changed = false;
    let wake: (() => void) | undefined;
    const listener = (): void => {
      changed = true;
      wake?.();
    };
    let set = this.watchers.get(shipmentId);
    if (!set) this.watchers.set(shipmentId, (set = new Set()));
    set.add(listener);
    return {
      next: (signal) =>
        new Promise<boolean>((resolve) => {
          const done = (): void => {
            wake = undefined;
            changed = false;
            signal.removeEventListener('abort', done);
            resolve(!signal.aborted && !this.abort.signal.aborted);
          };
          if (changed || signal.aborted || this.abort.signal.aborted) return done();
          wake = done;
          signal.addEventListener('abort', done, { once: true });
        }),
      close: () => {
        set.delete(listener);
        if (set.size === 0) this.watchers.delete(shipmentId);
      },
    };
  }

  private async follow(): Promise<void> {
    const { store, log } = this.options;
    const signal = this.abort.signal;
    for (let failures = 0; !signal.aborted; ) {
      try {
        // Resumes after the last position seen: what is already in `pending` stays valid.
        for await (const m of store.subscribe({ after: this.position, filter: { streamPrefixes: [STREAM_PREFIX] }, signal })) {
          if (m.kind === 'event') {
            this.position = m.event.position;
            this.apply(m.event);
            failures = 0;
          } else if (m.kind === 'checkpoint') {
            this.position = m.position;
          } else if (!this.live) {
            // Timers start only once every shipment's latest state is known, not for each past step.
            this.live = true;
            for (const id of this.pending.keys()) this.schedule(id);
            log.info({ undelivered: this.pending.size }, 'tracking caught up');
          }
        }
      } catch (err) {
        if (signal.aborted) return;
        failures++;
        log.warn({ err: (err as Error).message, failures }, 'shipment subscription failed; resubscribing');
      }
      if (!signal.aborted) await pause(Math.min(100 * 2 ** failures, 5_000), signal);
    }
  }

  private apply(event: StoredEvent): void {
    const shipmentId = shipmentIdOfStream(event.stream);
    if (!shipmentId) return;
    let decoded: ShipmentEvent;
    try {
      decoded = decodeEvent<ShipmentEvent>(event);
    } catch (err) {
      this.options.log.warn({ err: (err as Error).message, stream: event.stream, type: event.type }, 'skipping an undecodable shipment event');
      return;
    }
    let status: Status;
    if (decoded.type === CREATED) status = 'SHIPMENT_STATUS_LABEL_CREATED';
    else if (decoded.type === STATUS_CHANGED) status = decoded.data.status;
    else return;
    const reachedAt = millisOf(decoded.data.eventTime) || event.createdAt.getTime();
    const earlier = this.pending.get(shipmentId);
    clearTimeout(earlier?.timer);
    if (NEXT_STATUS[status]) {
      this.pending.set(shipmentId, { status, reachedAt, cause: event, failures: 0 });
      if (this.live) this.schedule(shipmentId);
    } else {
      this.pending.delete(shipmentId);
    }
    for (const wake of this.watchers.get(shipmentId) ?? []) wake();
  }

  private schedule(shipmentId: string, delayMs?: number): void {
    const p = this.pending.get(shipmentId);
    if (!p || this.abort.signal.aborted) return;
    clearTimeout(p.timer);
    const delay = delayMs ?? Math.max(0, p.reachedAt + this.options.stepMs - Date.now());
    p.timer = setTimeout(() => {
      this.due.push({ shipmentId, pending: p });
      this.startDueSteps();
    }, delay);
    p.timer.unref();
  }

  private startDueSteps(): void {
    while (this.inFlight.size < MAX_CONCURRENT_STEPS && this.due.length > 0 && !this.abort.signal.aborted) {
      const { shipmentId, pending } = this.due.shift()!;
      // Skip a step that went stale while it waited (the shipment moved on meanwhile).
      if (this.pending.get(shipmentId) === pending) this.advance(shipmentId, pending);
    }
  }

  private advance(shipmentId: string, p: Pending): void {
    const { store, log } = this.options;
    const from = p.status;
    const task = consumerSpan(p.cause, 'shipping advance tracking', () =>
      handleCommand(store, shipmentDecider, streamOf(shipmentId), { type: 'AdvanceTracking', data: { shipmentId, from, now: new Date() } }, {
        // Same id for the same step on every replica and run: a retried or raced step is written once.
        commandId: `advance-tracking/${shipmentId}/${from}`,
        causedBy: { id: p.cause.id, metadata: p.cause.metadata },
      }),
    ).then(
      // The new event comes back through the subscription, which schedules the step after it.
      () => undefined,
      (err: unknown) => {
        if (this.abort.signal.aborted || this.pending.get(shipmentId) !== p) return;
        p.failures++;
        const retryMs = Math.min(Math.max(100, Math.min(this.options.stepMs, 1_000)) * 2 ** Math.min(p.failures, 8), 30_000);
        log.warn({ err: (err as Error).message, shipment_id: shipmentId, from, retry_ms: retryMs }, 'tracking step failed; will retry');
        this.schedule(shipmentId, retryMs);
      },
    );
    this.inFlight.add(task);
    void task.finally(() => {
      this.inFlight.delete(task);
      this.startDueSteps();
    });
  }
}

