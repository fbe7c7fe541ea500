// Finds unfinished sagas and drives them again: a catch-up-then-live subscription to the order
// streams keeps the state of every order that still needs something; one that has made no
// progress for `staleAfterMs` (its driver crashed, or its replica died) is taken over. Taking over
// twice is harmless: every step is idempotent by the order id and every record is conditional.
import { setTimeout as sleep } from 'node:timers/promises';
import { decodeEvent, START, type EventSource, type Position } from '@mercato/eventsourcing';
import type { Logger } from '@mercato/kit';
import { nextStep, ORDER_EVENT_TYPES, orderDecider, type OrderEvent, type OrderState } from './domain/order';
import type { CheckoutSaga } from './saga';

export interface RecoveryOptions {
  source: EventSource;
  saga: CheckoutSaga;
  log: Logger;
  staleAfterMs: number;
  /** Called after every sweep with the number of unfinished orders known (metrics). */
  onSweep?: (unfinished: number, resumed: number) => void;
}

export class SagaRecovery {
  private readonly unfinished = new Map<string, { state: OrderState; lastProgress: number }>();
  private readonly stop = new AbortController();
  private position: Position = START;
  private caughtUp = false;
  private running?: Promise<void>;
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly o: RecoveryOptions) {}

  start(): void {
    this.running = this.follow();
    const every = Math.max(20, Math.min(this.o.staleAfterMs / 2, 5_000));
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
  }

  async close(): Promise<void> {
    this.stop.abort();
    if (this.sweeper) clearInterval(this.sweeper);
    await this.running;
  }

  /** Orders that still need a step or a compensation, as far as the subscription has seen. */
  get pending(): number {
    return this.unfinished.size;
  }

  get isCaughtUp(): boolean {
    return this.caughtUp;
  }

  private async follow(): Promise<void> {
    let failures = 0;
    while (!this.stop.signal.aborted) {
      try {
        const messages = this.o.source.subscribe({ after: this.position, filter: { streamPrefixes: ['order-'], eventTypes: ORDER_EVENT_TYPES }, signal: this.stop.signal });
        for await (const m of messages) {
          failures = 0;
          if (m.kind === 'caught_up') {
            if (!this.caughtUp) this.o.log.info({ unfinished: this.unfinished.size }, 'saga recovery caught up');
            this.caughtUp = true;
            this.sweep();
          } else if (m.kind === 'checkpoint') {
            this.position = m.position;
          } else {
            this.apply(m.event.stream.slice('order-'.length), decodeEvent<OrderEvent>(m.event), m.event.createdAt.getTime());
            this.position = m.event.position;
          }
        }
      } catch (err) {
        if (this.stop.signal.aborted) return;
        failures++;
        this.o.log.warn({ err: (err as Error).message, failures }, 'saga recovery subscription broke; resubscribing');
      }
      try {
        await sleep(Math.min(100 * 2 ** failures, 5_000), undefined, { signal: this.stop.signal });
      } catch {
        return;
      }
    }
  }

  private apply(orderId: string, event: OrderEvent, at: number): void {
    const known = this.unfinished.get(orderId);
    const state = orderDecider.evolve(known?.state ?? orderDecider.initialState(), event);
    if (nextStep(state, { riskEnabled: this.o.saga.riskEnabled })) this.unfinished.set(orderId, { state, lastProgress: at });
    else this.unfinished.delete(orderId);
  }

  private sweep(): void {
    if (!this.caughtUp || this.stop.signal.aborted) return;
    const now = Date.now();
    let resumed = 0;
    for (const [orderId, { lastProgress }] of this.unfinished) {
      if (now - lastProgress < this.o.staleAfterMs || this.o.saga.isDriving(orderId)) continue;
      resumed++;
      this.o.log.info({ orderId, idleMs: now - lastProgress }, 'resuming an unfinished saga');
      // Counts as progress: the driver gets a full stale period before anyone tries again.
      this.unfinished.get(orderId)!.lastProgress = now;
      this.o.saga.drive(orderId).catch((err: Error) => this.o.log.error({ orderId, err: err.message }, 'resumed saga stopped with an error'));
    }
    this.o.onSweep?.(this.unfinished.size, resumed);
  }
}
