// The read model in SQL: applying one event (load the order's record, evolve it, store it with its
// summary, move the sales figures by the change in the order's contribution) and the queries the
// API answers from. Runs unchanged on PostgreSQL and PGlite.
import { decodeEvent, encodeEvent, loadProjectionCheckpoint, PROTOBUF, type Position, type StoredEvent } from '@mercato/eventsourcing';
import type { Database, Queryable } from '@mercato/db';
import { isConsumed, unusableKey, type HistoryEvent } from '../domain/events';
import { evolve, orderIdOf, type OrderRecord } from '../domain/order-record';
import { salesContribution, sameContribution, type SalesContribution } from '../domain/sales';
import { fromDate, toNanos } from '../domain/time';
import { isPlaced, orderStatus, toOrderSummary } from '../domain/view';
import type { OrderSummary } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderSummary';
import { MIGRATION_LOCK_KEY, STATEMENTS, TABLES } from './schema';

/** The checkpoint's name in projection_checkpoints. */
export const PROJECTION_NAME = 'order_history';

export type ApplyOutcome = { applied: true; orderId: string } | { applied: false; reason: string };

export interface CustomerOrdersQuery {
  customerId: string;
  statuses: readonly string[];
  /** Continue after this order (newest-first keyset). */
  after?: { placeNs: string; orderId: string } | undefined;
  limit: number;
}

export interface SummaryRow {
  orderId: string;
  placeNs: string;
  summary: OrderSummary;
}

export interface HourRow {
  hourStart: number;
  currency: string;
  orders: bigint;
  failedOrders: bigint;
  revenueNanos: bigint;
}

export interface ProductRow {
  productId: string;
  productName: string;
  units: bigint;
  revenueNanos: bigint;
}

export async function migrate(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    for (const sql of STATEMENTS) await tx.query(sql);
  });
}

/** Empties every table of the read model (the rebuild's first step; the checkpoint is reset with it). */
export async function reset(tx: Queryable): Promise<void> {
  for (const table of Object.values(TABLES)) await tx.query(`DELETE FROM ${table}`);
}

/**
 * Decodes a stored event into one of ours, normalized to the protobuf shape (every field present).
 * Throws on anything that is not a consumed event with a readable payload.
 */
export function decodeHistoryEvent(stored: StoredEvent): HistoryEvent {
  if (!isConsumed(stored.stream, stored.type)) throw new Error(`${stored.type} is not consumed from ${stored.stream}`);
  let event = decodeEvent<HistoryEvent>(stored);
  // A JSON payload lacks the loader's defaults: a round trip through protobuf fills them in.
  if (stored.contentType !== PROTOBUF) event = decodeEvent<HistoryEvent>({ type: stored.type, data: encodeEvent(event, stored.id).data, contentType: PROTOBUF });
  const bad = unusableKey(event);
  if (bad) throw new Error(bad);
  return event;
}

export async function loadRecord(q: Queryable, orderId: string, lock = false): Promise<OrderRecord | undefined> {
  const { rows } = await q.query<{ record: OrderRecord | string }>(`SELECT record FROM ${TABLES.orders} WHERE order_id = $1${lock ? ' FOR UPDATE' : ''}`, [orderId]);
  const record = rows[0]?.record;
  return typeof record === 'string' ? (JSON.parse(record) as OrderRecord) : record;
}

const tsText = (ns: bigint | undefined): string | null => (ns === undefined ? null : new Date(Number(ns / 1_000_000n)).toISOString());

async function saveRecord(tx: Queryable, r: OrderRecord): Promise<void> {
  await tx.query(
    `INSERT INTO ${TABLES.orders} (order_id, customer_id, status, place_time, update_time, record) VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, $6::jsonb)
     ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, status = EXCLUDED.status, place_time = EXCLUDED.place_time,
       update_time = EXCLUDED.update_time, record = EXCLUDED.record`,
    [r.orderId, r.customerId, orderStatus(r), tsText(r.placeTime ? toNanos(r.placeTime) : undefined), tsText(r.updateTime ? toNanos(r.updateTime) : undefined), JSON.stringify(r)],
  );
  if (!isPlaced(r)) return;
  await tx.query(
    `INSERT INTO ${TABLES.customerOrders} (order_id, customer_id, place_ns, status, summary) VALUES ($1, $2, $3::bigint, $4, $5::jsonb)
     ON CONFLICT (order_id) DO UPDATE SET customer_id = EXCLUDED.customer_id, place_ns = EXCLUDED.place_ns, status = EXCLUDED.status, summary = EXCLUDED.summary`,
    [r.orderId, r.customerId, toNanos(r.placeTime).toString(), orderStatus(r), JSON.stringify(toOrderSummary(r))],
  );
}

/** Adds (sign 1) or takes back (sign -1) one order's contribution to the sales tables. */
async function addSales(tx: Queryable, c: SalesContribution, sign: 1n | -1n): Promise<void> {
  await tx.query(
    `INSERT INTO ${TABLES.salesHourly} (hour_start, currency_code, order_count, failed_order_count, revenue_nanos) VALUES ($1::bigint, $2, $3::bigint, $4::bigint, $5::numeric)
     ON CONFLICT (hour_start, currency_code) DO UPDATE SET order_count = ${TABLES.salesHourly}.order_count + EXCLUDED.order_count,
       failed_order_count = ${TABLES.salesHourly}.failed_order_count + EXCLUDED.failed_order_count, revenue_nanos = ${TABLES.salesHourly}.revenue_nanos + EXCLUDED.revenue_nanos`,
    [String(c.hour), c.currency, String(sign * BigInt(c.orders)), String(sign * BigInt(c.failedOrders)), String(sign * c.revenueNanos)],
  );
  for (const p of c.products) {
    await tx.query(
      `INSERT INTO ${TABLES.productSalesHourly} (hour_start, currency_code, product_id, product_name, units_sold, revenue_nanos) VALUES ($1::bigint, $2, $3, $4, $5::bigint, $6::numeric)
       ON CONFLICT (hour_start, currency_code, product_id) DO UPDATE SET units_sold = ${TABLES.productSalesHourly}.units_sold + EXCLUDED.units_sold,
         revenue_nanos = ${TABLES.productSalesHourly}.revenue_nanos + EXCLUDED.revenue_nanos,
         product_name = CASE WHEN EXCLUDED.units_sold > 0 THEN EXCLUDED.product_name ELSE ${TABLES.productSalesHourly}.product_name END`,
      [String(c.hour), p.currency, p.productId, p.productName, String(sign * BigInt(p.units)), String(sign * p.revenueNanos)],
    );
  }
}

/**
 * Applies one stored event inside the projection's transaction. An event that cannot be read is
 * not applied (the caller logs and counts it) so one bad payload cannot stop the read side.
 */
export async function applyEvent(tx: Queryable, stored: StoredEvent): Promise<ApplyOutcome> {
  let event: HistoryEvent;
  try {
    event = decodeHistoryEvent(stored);
  } catch (err) {
    return { applied: false, reason: (err as Error).message };
  }
  const orderId = orderIdOf(event);
  const before = await loadRecord(tx, orderId, true);
  const after = evolve(before, event, {
    at: { commit: stored.position.commit.toString(), prepare: stored.position.prepare.toString() },
    time: event.data.eventTime ?? fromDate(stored.createdAt),
  });
  await saveRecord(tx, after);
  const was = before && salesContribution(before);
  const now = salesContribution(after);
  if (!sameContribution(was, now)) {
    if (was) await addSales(tx, was, -1n);
    if (now) await addSales(tx, now, 1n);
  }
  return { applied: true, orderId };
}

/** The $all commit position the read model has applied up to. */
export async function checkpoint(db: Queryable): Promise<Position | undefined> {
  return loadProjectionCheckpoint(db, PROJECTION_NAME).catch((err: { code?: string }) => {
    // Before the projection's first start the table does not exist yet.
    if (err?.code === '42P01') return undefined;
    throw err;
  });
}

export async function listCustomerOrders(db: Queryable, q: CustomerOrdersQuery): Promise<{ rows: SummaryRow[]; total: number }> {
  const params: unknown[] = [q.customerId];
  const statusFilter = q.statuses.length ? ` AND status IN (${q.statuses.map((s) => (params.push(s), `$${params.length}`)).join(', ')})` : '';
  const { rows: counted } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLES.customerOrders} WHERE customer_id = $1${statusFilter}`, params);
  let keyset = '';
  if (q.after) {
    params.push(q.after.placeNs, q.after.orderId);
    keyset = ` AND (place_ns, order_id) < ($${params.length - 1}::bigint, $${params.length}::text)`;
  }
  params.push(q.limit);
  const { rows } = await db.query<{ order_id: string; place_ns: string; summary: OrderSummary | string }>(
    `SELECT order_id, place_ns::text AS place_ns, summary FROM ${TABLES.customerOrders}
     WHERE customer_id = $1${statusFilter}${keyset} ORDER BY place_ns DESC, order_id DESC LIMIT $${params.length}`,
    params,
  );
  return {
    rows: rows.map((r) => ({ orderId: r.order_id, placeNs: r.place_ns, summary: typeof r.summary === 'string' ? (JSON.parse(r.summary) as OrderSummary) : r.summary })),
    total: counted[0]?.n ?? 0,
  };
}

/** The currency sales figures are given in: the one with the most confirmed orders in the range, else overall. */
export async function salesCurrency(db: Queryable, fromHour: number, toHour: number): Promise<string> {
  const pick = async (where: string, params: unknown[]): Promise<string | undefined> => {
    const { rows } = await db.query<{ c: string }>(
      `SELECT currency_code AS c FROM ${TABLES.salesHourly} WHERE currency_code <> ''${where}
       GROUP BY currency_code HAVING sum(order_count) > 0 ORDER BY sum(order_count) DESC, currency_code LIMIT 1`,
      params,
    );
    return rows[0]?.c;
  };
  return (await pick(' AND hour_start >= $1::bigint AND hour_start < $2::bigint', [String(fromHour), String(toHour)])) ?? (await pick('', [])) ?? '';
}

export async function hourlySales(db: Queryable, fromHour: number, toHour: number): Promise<HourRow[]> {
  const { rows } = await db.query<{ h: string; c: string; o: string; f: string; r: string }>(
    `SELECT hour_start::text AS h, currency_code AS c, order_count::text AS o, failed_order_count::text AS f, revenue_nanos::text AS r
     FROM ${TABLES.salesHourly} WHERE hour_start >= $1::bigint AND hour_start < $2::bigint`,
    [String(fromHour), String(toHour)],
  );
  return rows.map((r) => ({ hourStart: Number(r.h), currency: r.c, orders: BigInt(r.o), failedOrders: BigInt(r.f), revenueNanos: BigInt(r.r) }));
}

export async function topProducts(db: Queryable, fromHour: number, toHour: number, currency: string, limit: number): Promise<ProductRow[]> {
  const { rows } = await db.query<{ id: string; name: string; u: string; r: string }>(
    `SELECT product_id AS id, (array_agg(product_name ORDER BY hour_start DESC))[1] AS name, sum(units_sold)::text AS u, sum(revenue_nanos)::text AS r
     FROM ${TABLES.productSalesHourly} WHERE hour_start >= $1::bigint AND hour_start < $2::bigint AND currency_code = $3
     GROUP BY product_id HAVING sum(units_sold) > 0
     ORDER BY sum(units_sold) DESC, sum(revenue_nanos) DESC, product_id LIMIT $4`,
    [String(fromHour), String(toHour), currency, limit],
  );
  return rows.map((r) => ({ productId: r.id, productName: r.name, units: BigInt(r.u), revenueNanos: BigInt(r.r) }));
}

/** Counts for the rebuild's report. */
export async function counts(db: Queryable): Promise<{ orders: number; placedOrders: number; customers: number }> {
  const { rows } = await db.query<{ orders: number; placed: number; customers: number }>(
    `SELECT (SELECT count(*)::int FROM ${TABLES.orders}) AS orders, (SELECT count(*)::int FROM ${TABLES.customerOrders}) AS placed,
            (SELECT count(DISTINCT customer_id)::int FROM ${TABLES.customerOrders}) AS customers`,
  );
  const r = rows[0]!;
  return { orders: r.orders, placedOrders: r.placed, customers: r.customers };
}
