// gRPC handlers of mercato.orderhistory.v1.OrderHistoryService: validate → query the read model →
// answer. Field names in errors are the proto's (snake_case).
import type { Database } from '@mercato/db';
import { check, fromNanos as moneyFromNanos, invalidArgument, notFound, permissionDenied, type AsyncHandlers, type ServeOptions } from '@mercato/kit';
import type { GetSalesFiguresRequest__Output } from '@mercato/protos/gen/mercato/orderhistory/v1/GetSalesFiguresRequest';
import type { ListCustomerOrdersRequest__Output } from '@mercato/protos/gen/mercato/orderhistory/v1/ListCustomerOrdersRequest';
import type { GetOrderViewRequest__Output } from '@mercato/protos/gen/mercato/orderhistory/v1/GetOrderViewRequest';
import type { OrderHistoryServiceHandlers } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';
import { decodeOrdersToken, encodeOrdersToken, statusFilterKey } from './domain/paging';
import { hoursCovering } from './domain/sales';
import { HOUR_S } from './domain/time';
import { isPlaced, ORDER_STATUSES, toOrderView } from './domain/view';
import { checkpoint, hourlySales, listCustomerOrders, loadRecord, salesCurrency, topProducts } from './store/read-model';

const MAX_ID_LENGTH = 200;
const DAY_S = 24 * HOUR_S;
/** The longest sales range: a quarter, hour by hour. */
export const MAX_SALES_RANGE_DAYS = 92;
export const DEFAULT_TOP_PRODUCTS = 10;
export const MAX_TOP_PRODUCTS = 100;
// google.protobuf.Timestamp's valid range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
const MIN_SECONDS = -62_135_596_800;
const MAX_SECONDS = 253_402_300_799;

/** A Timestamp within the proto's range, as seconds (fraction dropped) plus whether it had one. */
function checkTimestamp(t: Timestamp__Output, field: string): { seconds: number; fraction: boolean } {
  const seconds = check.int(t.seconds, `${field}.seconds`, { min: MIN_SECONDS, max: MAX_SECONDS });
  const nanos = check.int(t.nanos, `${field}.nanos`, { min: 0, max: 999_999_999 });
  return { seconds, fraction: nanos > 0 };
}

function checkOrderId(req: GetOrderViewRequest__Output): void {
  check.text(req.orderId, 'order_id', { max: MAX_ID_LENGTH });
}

function checkListRequest(req: ListCustomerOrdersRequest__Output): void {
  check.optionalText(req.customerId, 'customer_id', { max: MAX_ID_LENGTH });
  check.list(req.statuses, 'statuses', { max: ORDER_STATUSES.length });
  req.statuses.forEach((s, i) => check.enumValue(s, `statuses[${i}]`, ORDER_STATUSES));
  check.pageSize(req.page?.pageSize, 'page.page_size');
  check.optionalText(req.page?.pageToken, 'page.page_token', { max: 2048 });
}

/** The range in whole seconds: [start, end) with end rounded up, as hours are whole anyway. */
function salesRange(req: GetSalesFiguresRequest__Output, now: Date): { startS: number; endS: number } {
  const end = req.endTime ? checkTimestamp(req.endTime, 'end_time') : { seconds: Math.floor(now.getTime() / 1000), fraction: now.getTime() % 1000 > 0 };
  const endS = end.seconds + (end.fraction ? 1 : 0);
  const startS = req.startTime ? checkTimestamp(req.startTime, 'start_time').seconds : endS - DAY_S;
  if (startS >= endS) throw invalidArgument('start_time', 'must be before end_time');
  if (endS - startS > MAX_SALES_RANGE_DAYS * DAY_S) throw invalidArgument('start_time', `must be at most ${MAX_SALES_RANGE_DAYS} days before end_time`);
  return { startS, endS };
}

function checkSalesRequest(req: GetSalesFiguresRequest__Output): void {
  if (req.startTime) checkTimestamp(req.startTime, 'start_time');
  if (req.endTime) checkTimestamp(req.endTime, 'end_time');
  if (req.topProductsLimit !== 0) check.int(req.topProductsLimit, 'top_products_limit', { min: 1, max: MAX_TOP_PRODUCTS });
}

export const orderHistoryAccess: ServeOptions<OrderHistoryServiceHandlers> = {
  // The gateway calls these on a shopper's behalf with the shopper's token: ownership is checked
  // per order and per customer in the handlers; sales figures are for admins only.
  access: { GetOrderView: 'user', ListCustomerOrders: 'user', GetSalesFigures: 'admin' },
  validate: { GetOrderView: checkOrderId, ListCustomerOrders: checkListRequest, GetSalesFigures: checkSalesRequest },
};

export function orderHistoryHandlers(db: Database, clock: () => Date = () => new Date()): AsyncHandlers<OrderHistoryServiceHandlers> {
  return {
    GetOrderView: async (req, ctx) => {
      const record = await loadRecord(db, req.orderId);
      // An order is visible once its OrderPlaced is projected; payment events alone do not make one.
      if (!record || !isPlaced(record)) throw notFound(`order ${req.orderId}`);
      ctx.requireOwner(record.customerId);
      const at = await checkpoint(db);
      return { order: toOrderView(record), checkpointCommit: (at?.commit ?? 0n).toString() };
    },

    ListCustomerOrders: async (req, ctx) => {
      const user = ctx.requireUser();
      const customerId = req.customerId || user.id;
      if (customerId !== user.id && !user.roles.includes('admin')) throw permissionDenied("only an admin may list another customer's orders");
      const filter = statusFilterKey(req.statuses as string[]);
      const pageSize = check.pageSize(req.page?.pageSize, 'page.page_size');
      const cursor = decodeOrdersToken(req.page?.pageToken ?? '', { customerId, filter });
      if (cursor === 'malformed') throw invalidArgument('page.page_token', 'is not a page token issued by this service');
      if (cursor === 'other-request') throw invalidArgument('page.page_token', 'belongs to a different request; repeat the same customer_id and statuses, or start again without a token');
      const { rows, total } = await listCustomerOrders(db, {
        customerId,
        statuses: filter ? filter.split(',') : [],
        after: cursor ? { placeNs: cursor.placeNs, orderId: cursor.orderId } : undefined,
        limit: pageSize + 1,
      });
      const page = rows.slice(0, pageSize);
      const last = page[page.length - 1];
      const nextPageToken = rows.length > pageSize && last ? encodeOrdersToken({ customerId, filter, placeNs: last.placeNs, orderId: last.orderId }) : '';
      return { orders: page.map((r) => r.summary), page: { nextPageToken, totalSize: String(total) } };
    },

    GetSalesFigures: async (req) => {
      const { startS, endS } = salesRange(req, clock());
      const hours = hoursCovering(startS, endS);
      const from = hours[0]!;
      const to = hours[hours.length - 1]! + HOUR_S;
      const limit = req.topProductsLimit || DEFAULT_TOP_PRODUCTS;
      const currency = await salesCurrency(db, from, to);
      const rows = await hourlySales(db, from, to);
      const byHour = new Map<number, { orders: bigint; failed: bigint; revenue: bigint }>();
      for (const r of rows) {
        const h = byHour.get(r.hourStart) ?? { orders: 0n, failed: 0n, revenue: 0n };
        // Failed orders are a count whatever their currency; orders and revenue only in the one reported.
        h.failed += r.failedOrders;
        if (r.currency === currency) {
          h.orders += r.orders;
          h.revenue += r.revenueNanos;
        }
        byHour.set(r.hourStart, h);
      }
      let totalOrders = 0n;
      let totalRevenue = 0n;
      const hourly = hours.map((hour) => {
        const h = byHour.get(hour) ?? { orders: 0n, failed: 0n, revenue: 0n };
        totalOrders += h.orders;
        totalRevenue += h.revenue;
        return {
          hourStartTime: { seconds: String(hour), nanos: 0 },
          orderCount: h.orders.toString(),
          failedOrderCount: h.failed.toString(),
          revenue: moneyFromNanos(h.revenue, currency),
        };
      });
      const products = await topProducts(db, from, to, currency, limit);
      return {
        hours: hourly,
        topProducts: products.map((p) => ({ productId: p.productId, productName: p.productName, unitsSold: p.units.toString(), revenue: moneyFromNanos(p.revenueNanos, currency) })),
        totalOrders: totalOrders.toString(),
        totalRevenue: moneyFromNanos(totalRevenue, currency),
        averageOrderValue: moneyFromNanos(totalOrders > 0n ? totalRevenue / totalOrders : 0n, currency),
      };
    },
  };
}
