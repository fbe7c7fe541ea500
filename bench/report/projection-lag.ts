// Projection lag of order-history under load: for a sample of confirmed orders, the time from the
// OrderConfirmed append (its created_at in the event store) to the order reading CONFIRMED from
// order-history's GetOrderView, which is polled from the moment PlaceOrder answers.
import type { Metadata } from '@grpc/grpc-js';
import { clientStore } from '@mercato/eventsourcing';
import type { EventStoreClient } from '@mercato/eventstore';
import type { KitClient } from '@mercato/kit';
import type { OrderHistoryServiceDefinition } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import { percentile } from '../checkout/processes';

const POLL_EVERY_MS = 50;
const GIVE_UP_AFTER_MS = 20_000;
/** Probes at once at most, so the probing itself stays a small load on order-history. */
const MAX_PROBES = 8;
/** Confirmed orders probed per second of arrivals, about. */
const PROBES_PER_SECOND = 4;
const VISIBLE = new Set(['ORDER_STATUS_CONFIRMED', 'ORDER_STATUS_SHIPPED', 'ORDER_STATUS_DELIVERED']);

export interface LagSummary {
  samples: number;
  /** Sampled orders not seen confirmed in order-history within the probe's 20 s (or whose probe failed). */
  notVisible: number;
  /** Sampled orders skipped because MAX_PROBES were already running. */
  skipped: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class LagProbe {
  private readonly lags: number[] = [];
  private readonly running = new Set<Promise<void>>();
  private notVisible = 0;
  private skipped = 0;
  private readonly every: number;

  constructor(
    private readonly orderHistory: KitClient<OrderHistoryServiceDefinition>,
    private readonly eventstore: EventStoreClient,
    private readonly as: (userId: string) => { metadata: Metadata },
    rate: number,
  ) {
    this.every = Math.max(1, Math.round(rate / PROBES_PER_SECOND));
  }

  /** Offers a confirmed order; every n-th (by its checkout number) is probed. */
  offer(sequence: number, orderId: string, userId: string): void {
    if (sequence % this.every !== 0) return;
    if (this.running.size >= MAX_PROBES) {
      this.skipped++;
      return;
    }
    const p = this.probe(orderId, userId)
      .catch(() => void this.notVisible++)
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  private async probe(orderId: string, userId: string): Promise<void> {
    const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
    let visibleAt: number | undefined;
    while (visibleAt === undefined && Date.now() < giveUpAt) {
      try {
        const { order } = await this.orderHistory.call('GetOrderView', { orderId }, { ...this.as(userId), deadlineMs: 2_000 });
        if (order && VISIBLE.has(order.status)) visibleAt = Date.now();
      } catch {
        // NOT_FOUND until OrderPlaced is projected; anything else is retried the same way.
      }
      if (visibleAt === undefined) await sleep(POLL_EVERY_MS);
    }
    if (visibleAt === undefined) {
      this.notVisible++;
      return;
    }
    const events = await clientStore(this.eventstore).readStream(`order-${orderId}`);
    const confirmed = events.find((e) => e.type.endsWith('OrderConfirmed'));
    if (confirmed) this.lags.push(Math.max(0, visibleAt - confirmed.createdAt.getTime()));
  }

  /** Waits for the probes still running (each gives up after 20 s). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  summary(): LagSummary {
    const sorted = [...this.lags].sort((a, b) => a - b);
    const r = (n: number) => Math.round(n);
    return { samples: sorted.length, notVisible: this.notVisible, skipped: this.skipped, p50Ms: r(percentile(sorted, 50)), p99Ms: r(percentile(sorted, 99)), maxMs: sorted.length ? r(sorted[sorted.length - 1]!) : NaN };
  }

  /** The raw lags, to pool steps into one figure per backend. */
  values(): number[] {
    return [...this.lags];
  }
}
