// The expected read side, computed without the read model: the events read back from $all,
// folded per order in memory, and the sales figures aggregated from the folded views.
import type { StoredEvent } from '@mercato/eventsourcing';
import type { EventStoreClient } from '@mercato/eventstore';
import { fromNanos, toNanos } from '@mercato/kit';
import type { OrderView } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderView';
import type { RecordedEvent__Output } from '@mercato/protos/gen/mercato/eventstore/v1/RecordedEvent';
import { HISTORY_FILTER, evolve, toOrderView, type HistoryEvent, type OrderRecord } from '../../src';
import { fromDate } from '../../src/domain/time';
import { decodeHistoryEvent } from '../../src/store/read-model';

function toStored(e: RecordedEvent__Output): StoredEvent {
  const t = e.createTime!;
  return {
    id: e.id,
    stream: e.stream,
    type: e.type,
    revision: BigInt(e.revision),
    position: { commit: BigInt(e.position!.commit), prepare: BigInt(e.position!.prepare) },
    data: e.data,
    metadata: e.metadata,
    contentType: e.contentType,
    createdAt: new Date(Number(t.seconds) * 1000 + Math.floor(t.nanos / 1e6)),
  };
}

/** Every consumed event in $all order, read with paged ReadAll (not the subscription the service uses). */
export async function readHistory(client: EventStoreClient): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  const filter = { streamPrefixes: HISTORY_FILTER.streamPrefixes ?? [], eventTypes: HISTORY_FILTER.eventTypes ?? [] };
  let from: { start: object } | { position: { commit: string; prepare: string } } = { start: {} };
  for (;;) {
    const page = await client.readAll({ direction: 'READ_DIRECTION_FORWARDS', ...from, maxCount: 250, filter });
    out.push(...page.events.map(toStored));
    if (page.endOfAll || !page.nextPosition) return out;
    from = { position: page.nextPosition };
  }
}

/** The pure fold: each order's record from its events, in $all order. */
export function foldOrders(events: StoredEvent[]): Map<string, OrderRecord> {
  const records = new Map<string, OrderRecord>();
  for (const stored of events) {
    let event: HistoryEvent;
    try {
      event = decodeHistoryEvent(stored);
    } catch {
      continue; // unreadable: the projection skips it too
    }
    const id = event.data.orderId;
    const time = event.data.eventTime ?? fromDate(stored.createdAt);
    records.set(id, evolve(records.get(id), event, { at: { commit: String(stored.position.commit), prepare: String(stored.position.prepare) }, time }));
  }
  return records;
}

/** The views callers may see: placed orders only. */
export function expectedViews(records: Map<string, OrderRecord>): Map<string, OrderView> {
  const views = new Map<string, OrderView>();
  for (const r of records.values()) if (r.placeTime) views.set(r.orderId, toOrderView(r));
  return views;
}

export interface ExpectedSales {
  hours: { hourStartTime: { seconds: string; nanos: number }; orderCount: string; failedOrderCount: string; revenue: { currencyCode: string; units: string; nanos: number } }[];
  topProducts: { productId: string; productName: string; unitsSold: string; revenue: { currencyCode: string; units: string; nanos: number } }[];
  totalOrders: string;
  totalRevenue: { currencyCode: string; units: string; nanos: number };
  averageOrderValue: { currencyCode: string; units: string; nanos: number };
}

const CONFIRMED = new Set(['ORDER_STATUS_CONFIRMED', 'ORDER_STATUS_SHIPPED', 'ORDER_STATUS_DELIVERED']);

/** Sales figures from the views alone: confirmed orders by the hour they were placed, in the busiest currency. */
export function expectedSales(views: Iterable<OrderView>, startS: number, endS: number, topLimit = 10): ExpectedSales {
  const hourOf = (v: OrderView): number => Math.floor(Number(v.placeTime!.seconds) / 3600) * 3600;
  const first = Math.floor(startS / 3600) * 3600;
  const all = [...views];
  const inRange = all.filter((v) => hourOf(v) >= first && hourOf(v) < endS);
  const confirmed = (vs: OrderView[]): OrderView[] => vs.filter((v) => CONFIRMED.has(String(v.status)));
  const busiest = (vs: OrderView[]): string | undefined => {
    const n = new Map<string, number>();
    for (const v of confirmed(vs)) n.set(v.total!.currencyCode!, (n.get(v.total!.currencyCode!) ?? 0) + 1);
    return [...n].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  };
  const currency = busiest(inRange) ?? busiest(all) ?? '';
  const sold = confirmed(inRange).filter((v) => v.total!.currencyCode === currency);
  const hours: ExpectedSales['hours'] = [];
  for (let h = first; h < endS; h += 3600) {
    const here = sold.filter((v) => hourOf(v) === h);
    hours.push({
      hourStartTime: { seconds: String(h), nanos: 0 },
      orderCount: String(here.length),
      failedOrderCount: String(inRange.filter((v) => hourOf(v) === h && v.status === 'ORDER_STATUS_FAILED').length),
      revenue: fromNanos(here.reduce((n, v) => n + toNanos(v.total as { units: string; nanos: number }), 0n), currency),
    });
  }
  const products = new Map<string, { name: string; units: number; revenue: bigint; lastHour: number }>();
  for (const v of sold)
    for (const l of v.lines ?? []) {
      const p = products.get(l.productId!) ?? { name: l.productName!, units: 0, revenue: 0n, lastHour: -Infinity };
      p.units += l.quantity!;
      p.revenue += toNanos(l.lineTotal as { units: string; nanos: number });
      if (hourOf(v) >= p.lastHour) {
        p.lastHour = hourOf(v);
        p.name = l.productName!;
      }
      products.set(l.productId!, p);
    }
  const top = [...products].sort((a, b) => b[1].units - a[1].units || (b[1].revenue > a[1].revenue ? 1 : b[1].revenue < a[1].revenue ? -1 : 0) || (a[0] < b[0] ? -1 : 1)).slice(0, topLimit);
  const totalRevenue = sold.reduce((n, v) => n + toNanos(v.total as { units: string; nanos: number }), 0n);
  return {
    hours,
    topProducts: top.map(([id, p]) => ({ productId: id, productName: p.name, unitsSold: String(p.units), revenue: fromNanos(p.revenue, currency) })),
    totalOrders: String(sold.length),
    totalRevenue: fromNanos(totalRevenue, currency),
    averageOrderValue: fromNanos(sold.length ? totalRevenue / BigInt(sold.length) : 0n, currency),
  };
}
