// The order-history read model against a rebuild of it in memory: the pure fold of $all that the
// service's own tests use (services/order-history/test/support/expected.ts), compared view by
// view, list by list, and the sales figures, through the service's gRPC API.
import type { Metadata } from '@grpc/grpc-js';
import type { EventStoreClient } from '@mercato/eventstore';
import type { KitClient } from '@mercato/kit';
import { toOrderSummary } from '@mercato/order-history';
import { messageType } from '@mercato/protos';
import type { OrderHistoryServiceDefinition } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import { isDeepStrictEqual } from 'node:util';
import { expectedSales, expectedViews, foldOrders, readHistory } from '../../services/order-history/test/support/expected';

const placeNs = (r: { placeTime?: { seconds: string | number; nanos: number } | null }): bigint => BigInt(r.placeTime!.seconds) * 1_000_000_000n + BigInt(r.placeTime!.nanos);

/** A message as it comes off the wire: the expected value serialized and decoded like a response. */
function wire(type: string, value: object): unknown {
  const m = messageType(type);
  return m.deserialize(m.serialize(value));
}

export interface ProjectionScope {
  /** Placed orders (read from their streams) whose views are compared; all placed orders when absent. */
  orders?: ReadonlySet<string>;
  /** Also compare the sales figures of the hours from `salesFromS` to now. */
  salesFromS?: number;
}

/**
 * Differences between the read model and the fold of the log, as sentences; [] when they agree.
 * One pass: callers retry while the projection catches up.
 */
export async function projectionDifferences(history: KitClient<OrderHistoryServiceDefinition>, events: EventStoreClient, admin: () => { metadata: Metadata }, scope: ProjectionScope = {}): Promise<string[]> {
  const records = foldOrders(await readHistory(events));
  const views = expectedViews(records);
  const diffs: string[] = [];
  const customers = new Set<string>();
  // $all (which both the fold and the read model follow) may not show an order yet.
  for (const orderId of scope.orders ?? []) if (!views.has(orderId)) diffs.push(`order ${orderId}: placed, not yet in $all`);
  for (const [orderId, view] of views) {
    if (scope.orders && !scope.orders.has(orderId)) continue;
    customers.add(view.customerId!);
    const { order } = await history.call('GetOrderView', { orderId }, admin());
    if (!isDeepStrictEqual(order, wire('mercato.orderhistory.v1.OrderView', view))) diffs.push(`view of ${orderId}: read model ${order ? String(order.status) : 'missing'}, fold ${String(view.status)}`);
  }
  for (const customerId of customers) {
    const expected = [...records.values()]
      .filter((r) => r.placeTime && r.customerId === customerId)
      // Newest first to the nanosecond, as the read model keeps them (two orders of one second are common under load).
      .sort((a, b) => Number(placeNs(b) - placeNs(a)) || (b.orderId < a.orderId ? -1 : 1))
      .map((r) => wire('mercato.orderhistory.v1.OrderSummary', toOrderSummary(r)));
    const { orders } = await history.call('ListCustomerOrders', { customerId, page: { pageSize: 100, pageToken: '' }, statuses: [] }, admin());
    if (!isDeepStrictEqual(orders, expected)) {
      const at = orders.findIndex((o, i) => !isDeepStrictEqual(o, expected[i]));
      const id = (o: unknown) => (o as { orderId?: string } | undefined)?.orderId ?? 'none';
      diffs.push(`orders of customer ${customerId}: read model ${orders.length}, fold ${expected.length}; first difference at ${at < 0 ? orders.length : at}: read model ${id(orders[at])}, fold ${id(expected[at < 0 ? orders.length : at])}`);
    }
  }
  if (scope.salesFromS !== undefined) {
    const endS = Math.ceil(Date.now() / 3_600_000) * 3600;
    const range = { startTime: { seconds: String(scope.salesFromS), nanos: 0 }, endTime: { seconds: String(endS), nanos: 0 }, topProductsLimit: 10 };
    const figures = await history.call('GetSalesFigures', range, admin());
    const expected = wire('mercato.orderhistory.v1.GetSalesFiguresResponse', expectedSales(views.values(), scope.salesFromS, endS, 10));
    if (!isDeepStrictEqual(figures, expected)) diffs.push(`sales figures from ${new Date(scope.salesFromS * 1000).toISOString()}: read model ${figures.totalOrders} orders, fold ${(expected as { totalOrders: string }).totalOrders}`);
  }
  return diffs;
}
