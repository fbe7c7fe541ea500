// Order history over real gRPC, fed by a real event store, on the embedded database and on
// PostgreSQL: the views, ownership, paging, sales figures, and the read model against a fold of
// the event log — live, after a rebuild, and after a projection stopped mid-way.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { status } from '@grpc/grpc-js';
import { openDatabase, testDatabaseIfAvailable, type Database } from '@mercato/db';
import { clientStore, encodeEvent, loadProjectionCheckpoint, runProjection, type Position } from '@mercato/eventsourcing';
import { startTestEventStore, type TestEventStore } from '@mercato/eventstore';
import { asUser, checkHealth, connect, createLogger, generateSigningKeys, listServices, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import { messageType } from '@mercato/protos';
import type { OrderHistoryServiceDefinition } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderHistoryService';
import type { OrderSummary__Output } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderSummary';
import { ORDER_HISTORY_SERVICE, orderHistoryConfig, orderHistoryProjection, PROJECTION_NAME, rebuildCommand, setupOrderHistory, toOrderSummary, type OrderHistoryConfig } from '../src';
import { migrate } from '../src/store/read-model';
import { TABLES } from '../src/store/schema';
import { expectedSales, expectedViews, foldOrders, readHistory } from './support/expected';
import { append, DAY, interleave, orderEvents, storeDay, timestamp, type Draft } from './support/scenario';

const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const as = (userId: string) => asUser(issuer, userId);
const admin = () => asUser(issuer, 'root', ['admin']);
const quiet = createLogger('order-history-test', 'silent');

/** A message as it comes off the wire: the expected value serialized and decoded like a response. */
function wire<T>(type: string, value: object): T {
  const m = messageType(type);
  return m.deserialize(m.serialize(value)) as T;
}

const dayStart = Date.parse(`${DAY}T00:00:00Z`) / 1000;
const range = (fromHour: number, toHour: number) => ({ startTime: { seconds: String(dayStart + fromHour * 3600), nanos: 0 }, endTime: { seconds: String(dayStart + toHour * 3600), nanos: 0 } });

/** Polls until the check passes; fails with what it waited for after the deadline. */
async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The value of a series in Prometheus text whose labels include `labels`; 0 when absent. */
function metric(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)\{([^}]*)\} (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return 0;
}

/** Events the projection must skip: unreadable bytes, and an event naming no order. */
function brokenEvents(): { stream: string; type: string; bytes: Buffer }[] {
  const orderless = encodeEvent({ type: 'mercato.orders.v1.OrderConfirmed', data: { orderId: '', customerId: 'mallory' } }, 'x');
  return [
    { stream: 'order-broken', type: 'mercato.orders.v1.OrderPlaced', bytes: Buffer.from([0xff, 0xff, 0xff, 0xff]) },
    { stream: 'order-nameless', type: 'mercato.orders.v1.OrderConfirmed', bytes: Buffer.from(orderless.data) },
  ];
}

describe.each(['pglite', 'postgres'] as const)('order history on %s', (backend) => {
  let es: TestEventStore | undefined;
  let svc: RunningService<OrderHistoryConfig> | undefined;
  let client: KitClient<OrderHistoryServiceDefinition>;
  let readEnv: Record<string, string>;
  let last: Position;
  const cleanups: (() => Promise<void>)[] = [];
  const specs = storeDay();

  /** A read-model database for this backend: a PostgreSQL database, or an embedded one on disk (it outlives a restart). */
  async function readModelEnv(prefix: string): Promise<Record<string, string>> {
    if (backend === 'postgres') {
      const db = (await testDatabaseIfAvailable(prefix))!;
      cleanups.push(db.drop);
      return { DATABASE_URL: db.url };
    }
    const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return { DATA_DIR: dir };
  }

  const openReadModel = (env: Record<string, string>): Promise<Database> => openDatabase({ url: env.DATABASE_URL, dataDir: env.DATA_DIR });

  async function startOrderHistory(env: Record<string, string>): Promise<RunningService<OrderHistoryConfig>> {
    return startService('order-history', setupOrderHistory, { config: orderHistoryConfig, env: testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey, EVENTSTORE_ADDR: es!.address, ...env }) });
  }

  async function start(): Promise<void> {
    svc = await startOrderHistory(readEnv);
    client?.close();
    client = connect<OrderHistoryServiceDefinition>(ORDER_HISTORY_SERVICE, `127.0.0.1:${svc.grpcPort}`);
  }

  /** Until the read model has applied everything up to `at` (each test event is its own commit). */
  async function caughtUp(c: KitClient<OrderHistoryServiceDefinition>, at: Position): Promise<void> {
    await waitUntil(`the projection to reach commit ${at.commit}`, async () => {
      const r = await c.call('GetOrderView', { orderId: 'o-alice-1' }, admin());
      return BigInt(r.checkpointCommit) >= at.commit;
    });
  }

  async function appendBroken(): Promise<void> {
    for (const b of brokenEvents()) await es!.client.append({ stream: b.stream, expectedRevision: { any: {} }, events: [{ id: crypto.randomUUID(), type: b.type, data: b.bytes, metadata: {}, contentType: 'application/x-protobuf' }] });
  }

  beforeAll(async () => {
    if (backend === 'postgres') {
      const esDb = await testDatabaseIfAvailable('mercato_oh_es');
      if (!esDb) return;
      cleanups.push(esDb.drop);
      es = await startTestEventStore({ databaseUrl: esDb.url });
    } else es = await startTestEventStore();
    readEnv = await readModelEnv('mercato_oh_rm');
    const drafts = interleave(...specs.map(orderEvents));
    // A payment for an order whose own events never came, and two unreadable events, in the middle.
    const ghost: Draft = { stream: 'payment-pay-ghost', type: 'mercato.payments.v1.PaymentAuthorized', data: { paymentId: 'pay-ghost', orderId: 'o-ghost', customerId: 'alice', amount: { currencyCode: 'USD', units: '5', nanos: 0 } } };
    await append(es.client, drafts.slice(0, 40));
    await appendBroken();
    await append(es.client, [ghost]);
    last = await append(es.client, drafts.slice(40));
    await start();
    await caughtUp(client, last);
  });

  afterAll(async () => {
    client?.close();
    await svc?.shutdown();
    await es?.stop();
    for (const clean of cleanups.reverse()) await clean();
  });

  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (es) await fn();
    });

  run('is SERVING with its projection running, and exposes the projection as metrics', async () => {
    const address = `127.0.0.1:${svc!.grpcPort}`;
    await expect(checkHealth(address)).resolves.toBe('SERVING');
    await expect(checkHealth(address, ORDER_HISTORY_SERVICE)).resolves.toBe('SERVING');
    await expect(listServices(address)).resolves.toEqual([ORDER_HISTORY_SERVICE]);
    const metrics = await (await fetch(`http://127.0.0.1:${svc!.metricsPort}/metrics`)).text();
    expect(metric(metrics, 'mercato_projection_running', { projection: PROJECTION_NAME })).toBe(1);
    expect(metric(metrics, 'mercato_projection_events_total', { projection: PROJECTION_NAME, outcome: 'skipped' })).toBe(2);
    expect(BigInt(metric(metrics, 'mercato_projection_checkpoint_commit', { projection: PROJECTION_NAME }))).toBeGreaterThanOrEqual(last.commit);
  });

  run('shows an owner the whole story of a delivered order', async () => {
    const { order, checkpointCommit } = await client.call('GetOrderView', { orderId: 'o-alice-1' }, as('alice'));
    expect(BigInt(checkpointCommit)).toBeGreaterThanOrEqual(last.commit);
    expect(order).toMatchObject({
      orderId: 'o-alice-1',
      customerId: 'alice',
      status: 'ORDER_STATUS_DELIVERED',
      subtotal: { currencyCode: 'USD', units: '45', nanos: 0 },
      shippingCost: { currencyCode: 'USD', units: '5', nanos: 0 },
      total: { currencyCode: 'USD', units: '50', nanos: 0 },
      shippingAddress: { recipient: 'Ada Lovelace', regionCode: 'GB' },
      payment: { paymentId: 'pay-o-alice-1', status: 'PAYMENT_STATUS_CAPTURED', capturedAmount: { units: '50' }, card: { brand: 'CARD_BRAND_VISA', last4: '4242' } },
      shipment: { shipmentId: 'shp-o-alice-1', status: 'SHIPMENT_STATUS_DELIVERED', carrier: 'Mercato Post', trackingNumber: 'TRKOALICE1' },
      failureReason: 'FAILURE_REASON_UNSPECIFIED',
      placeTime: timestamp(`${DAY}T09:05:00.000Z`),
    });
    expect(order!.lines.map((l) => [l.productId, l.quantity])).toEqual([['MUG-001', 2], ['TEE-002', 1]]);
    const times = order!.timeline.map((t) => Number(t.eventTime!.seconds));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(order!.timeline[0]).toMatchObject({ eventType: 'mercato.orders.v1.OrderPlaced', description: 'Order placed' });
    expect(order!.timeline.at(-1)).toMatchObject({ eventType: 'mercato.shipping.v1.ShipmentStatusChanged', description: 'Delivered (Front door)' });
    expect(order!.updateTime).toEqual(order!.timeline.at(-1)!.eventTime);
  });

  run('ends the same when payment events arrive before the order’s own', async () => {
    const shipped = (await client.call('GetOrderView', { orderId: 'o-alice-2' }, as('alice'))).order!;
    expect(shipped).toMatchObject({ status: 'ORDER_STATUS_SHIPPED', payment: { status: 'PAYMENT_STATUS_CAPTURED', authorizedAmount: { units: '52', nanos: 990_000_000 } }, shipment: { status: 'SHIPMENT_STATUS_IN_TRANSIT' } });
    const declined = (await client.call('GetOrderView', { orderId: 'o-bob-1' }, as('bob'))).order!;
    expect(declined).toMatchObject({ status: 'ORDER_STATUS_FAILED', failureReason: 'FAILURE_REASON_PAYMENT_DECLINED', failureMessage: 'Your card was declined: insufficient funds.', payment: { status: 'PAYMENT_STATUS_DECLINED' }, shipment: null });
    expect(declined.timeline.map((t) => t.description)).toContain('Payment declined: Your card has insufficient funds.');
  });

  run('shows refunds, voided payments and pending orders', async () => {
    const refunded = (await client.call('GetOrderView', { orderId: 'o-bob-2' }, as('bob'))).order!;
    expect(refunded).toMatchObject({ status: 'ORDER_STATUS_DELIVERED', payment: { status: 'PAYMENT_STATUS_PARTIALLY_REFUNDED', refundedAmount: { currencyCode: 'USD', units: '8', nanos: 990_000_000 } } });
    const voided = (await client.call('GetOrderView', { orderId: 'o-carol-2' }, as('carol'))).order!;
    expect(voided).toMatchObject({ status: 'ORDER_STATUS_FAILED', failureReason: 'FAILURE_REASON_SHIPPING_UNAVAILABLE', payment: { status: 'PAYMENT_STATUS_VOIDED' } });
    const pending = (await client.call('GetOrderView', { orderId: 'o-carol-1' }, as('carol'))).order!;
    expect(pending).toMatchObject({ status: 'ORDER_STATUS_PENDING', payment: { paymentId: '', status: 'PAYMENT_STATUS_UNSPECIFIED', card: { last4: '4242' } }, shipment: null, total: { units: '100' } });
  });

  run('keeps an order to its owner and admins', async () => {
    await expect(client.call('GetOrderView', { orderId: 'o-alice-1' }, as('bob'))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(client.call('GetOrderView', { orderId: 'o-alice-1' })).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(client.call('GetOrderView', { orderId: 'o-alice-1' }, admin())).resolves.toMatchObject({ order: { customerId: 'alice' } });
    await expect(client.call('GetOrderView', { orderId: 'o-nobody' }, admin())).rejects.toMatchObject({ code: status.NOT_FOUND });
    // Known only from a payment event: not an order anyone can see yet.
    await expect(client.call('GetOrderView', { orderId: 'o-ghost' }, as('alice'))).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(client.call('GetOrderView', { orderId: '' }, as('alice'))).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^order_id: /) });
    await expect(client.call('GetOrderView', { orderId: 'x'.repeat(201) }, as('alice'))).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^order_id: /) });
  });

  run('lists a customer’s own orders newest first, and another’s only for admins', async () => {
    const alice = await client.call('ListCustomerOrders', {}, as('alice'));
    const placed = specs.filter((s) => s.customerId === 'alice').sort((a, b) => b.placedAt.localeCompare(a.placedAt) || b.orderId.localeCompare(a.orderId));
    expect(alice.orders.map((o) => o.orderId)).toEqual(placed.map((s) => s.orderId));
    expect(alice.page).toEqual({ nextPageToken: '', totalSize: String(placed.length) });
    expect(alice.orders.find((o) => o.orderId === 'o-alice-1')).toMatchObject({ status: 'ORDER_STATUS_DELIVERED', itemCount: 3, total: { units: '50' }, shipmentStatus: 'SHIPMENT_STATUS_DELIVERED' });
    await expect(client.call('ListCustomerOrders', { customerId: 'alice' }, admin())).resolves.toEqual(alice);
    await expect(client.call('ListCustomerOrders', { customerId: 'alice' }, as('alice'))).resolves.toEqual(alice);
    await expect(client.call('ListCustomerOrders', { customerId: 'alice' }, as('bob'))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(client.call('ListCustomerOrders', {})).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    expect((await client.call('ListCustomerOrders', {}, as('bob'))).orders.map((o) => o.orderId)).toEqual(['o-bob-2', 'o-bob-1']);
    expect((await client.call('ListCustomerOrders', {}, as('nobody'))).orders).toEqual([]);

    const pending = await client.call('ListCustomerOrders', { statuses: ['ORDER_STATUS_PENDING'] }, as('alice'));
    expect(pending.orders.map((o) => o.orderId)).toEqual(['o-alice-6']);
    const onTheirWay = await client.call('ListCustomerOrders', { statuses: ['ORDER_STATUS_SHIPPED', 'ORDER_STATUS_DELIVERED'] }, as('alice'));
    expect(onTheirWay.orders.map((o) => [o.orderId, o.status])).toEqual([
      ['o-alice-9', 'ORDER_STATUS_SHIPPED'],
      ['o-alice-3', 'ORDER_STATUS_SHIPPED'],
      ['o-alice-2', 'ORDER_STATUS_SHIPPED'],
      ['o-alice-1', 'ORDER_STATUS_DELIVERED'],
    ]);
  });

  run('answers INVALID_ARGUMENT naming the field for a bad listing request', async () => {
    const bad = (req: object, field: RegExp) => expect(client.call('ListCustomerOrders', req, as('alice'))).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(field) });
    await bad({ page: { pageSize: 101 } }, /^page\.page_size: /);
    await bad({ page: { pageSize: -1 } }, /^page\.page_size: /);
    await bad({ page: { pageToken: 'garbage!' } }, /^page\.page_token: /);
    await bad({ page: { pageToken: Buffer.from('{"v":1,"c":"alice"}').toString('base64url') } }, /^page\.page_token: /);
    await bad({ statuses: ['ORDER_STATUS_UNSPECIFIED'] }, /^statuses\[0\]: /);
    await bad({ statuses: ['ORDER_STATUS_PENDING', 42] }, /^statuses\[1\]: /);
    await bad({ customerId: 'x'.repeat(201) }, /^customer_id: /);
    const { page } = await client.call('ListCustomerOrders', { page: { pageSize: 2 } }, as('alice'));
    // A token continues only its own listing.
    await bad({ page: { pageSize: 2, pageToken: page!.nextPageToken }, statuses: ['ORDER_STATUS_PENDING'] }, /^page\.page_token: .*different request/);
    await expect(client.call('ListCustomerOrders', { customerId: 'bob', page: { pageToken: page!.nextPageToken } }, admin())).rejects.toMatchObject({ code: status.INVALID_ARGUMENT });
  });

  run('pages stably while new orders arrive', async () => {
    const all = (await client.call('ListCustomerOrders', {}, as('alice'))).orders.map((o) => o.orderId);
    const seen: string[] = [];
    let res = await client.call('ListCustomerOrders', { page: { pageSize: 3 } }, as('alice'));
    seen.push(...res.orders.map((o) => o.orderId));
    // A newer order lands between two page requests: it must not shift what the next pages hold.
    const newest = { ...specs[0]!, orderId: 'o-alice-new', placedAt: `${DAY}T15:00:00.000Z`, outcome: { kind: 'pending' as const } };
    last = await append(es!.client, orderEvents(newest));
    await caughtUp(client, last);
    while (res.page!.nextPageToken) {
      expect(res.orders).toHaveLength(3);
      res = await client.call('ListCustomerOrders', { page: { pageSize: 3, pageToken: res.page!.nextPageToken } }, as('alice'));
      seen.push(...res.orders.map((o) => o.orderId));
    }
    expect(seen).toEqual(all);
    const fresh = await client.call('ListCustomerOrders', { page: { pageSize: 3 } }, as('alice'));
    expect(fresh.orders[0]!.orderId).toBe('o-alice-new');
    expect(fresh.page!.totalSize).toBe(String(all.length + 1));
  });

  run('gives admins the sales per hour and the top products', async () => {
    await expect(client.call('GetSalesFigures', range(9, 14), as('alice'))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(client.call('GetSalesFigures', range(9, 14))).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    const figures = await client.call('GetSalesFigures', range(9, 14), admin());
    expect(figures.hours.map((h) => h.hourStartTime!.seconds)).toEqual([9, 10, 11, 12, 13].map((h) => String(dayStart + h * 3600)));
    // 09:00: o-alice-1 confirmed (USD 50.00), o-bob-1 declined.
    expect(figures.hours[0]).toMatchObject({ orderCount: '1', failedOrderCount: '1', revenue: { currencyCode: 'USD', units: '50', nanos: 0 } });
    // 13:00 holds only a EUR order: reported in USD, the range's main currency, it adds nothing.
    expect(figures.hours[4]).toMatchObject({ orderCount: '0', failedOrderCount: '0', revenue: { currencyCode: 'USD', units: '0', nanos: 0 } });
    expect(figures.topProducts[0]).toMatchObject({ productId: 'PEN-004', productName: 'Fountain Pen' });
    expect(figures.totalRevenue!.currencyCode).toBe('USD');
    const euros = await client.call('GetSalesFigures', { ...range(13, 14), topProductsLimit: 1 }, admin());
    expect(euros).toMatchObject({ totalOrders: '1', totalRevenue: { currencyCode: 'EUR', units: '20', nanos: 980_000_000 }, topProducts: [{ productId: 'PEN-004', unitsSold: '2' }] });
    // No range: the 24 hours before now, none of them with sales, in the store's main currency.
    const recent = await client.call('GetSalesFigures', {}, admin());
    expect(recent.hours.length).toBeGreaterThanOrEqual(24);
    expect(recent.hours.length).toBeLessThanOrEqual(25);
    expect(recent).toMatchObject({ totalOrders: '0', topProducts: [], totalRevenue: { currencyCode: 'USD', units: '0' } });
  });

  run('answers INVALID_ARGUMENT naming the field for a bad sales request', async () => {
    const bad = (req: object, field: RegExp) => expect(client.call('GetSalesFigures', req, admin())).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(field) });
    await bad(range(14, 9), /^start_time: must be before end_time/);
    await bad(range(9, 9), /^start_time: /);
    await bad({ startTime: { seconds: String(dayStart - 93 * 86_400), nanos: 0 }, endTime: range(0, 1).endTime }, /^start_time: must be at most 92 days/);
    await bad({ ...range(9, 10), endTime: { seconds: String(dayStart), nanos: 1_000_000_000 } }, /^end_time\.nanos: /);
    await bad({ ...range(9, 10), startTime: { seconds: '-99999999999999', nanos: 0 } }, /^start_time\.seconds: /);
    await bad({ ...range(9, 10), topProductsLimit: -1 }, /^top_products_limit: /);
    await bad({ ...range(9, 10), topProductsLimit: 101 }, /^top_products_limit: /);
  });

  /** Every view, every customer's list and the day's sales, against the fold of $all. */
  async function expectFoldOfTheLog(c: KitClient<OrderHistoryServiceDefinition>): Promise<number> {
    const events = await readHistory(es!.client);
    const records = foldOrders(events);
    const views = expectedViews(records);
    expect(views.size).toBeGreaterThan(10);
    for (const [orderId, view] of views) {
      const { order } = await c.call('GetOrderView', { orderId }, admin());
      expect(order).toEqual(wire('mercato.orderhistory.v1.OrderView', view));
    }
    const customers = new Set([...views.values()].map((v) => v.customerId!));
    for (const customerId of customers) {
      const expected = [...records.values()]
        .filter((r) => r.placeTime && r.customerId === customerId)
        .sort((a, b) => Number(BigInt(b.placeTime!.seconds) - BigInt(a.placeTime!.seconds)) || (b.orderId < a.orderId ? -1 : 1))
        .map((r) => wire<OrderSummary__Output>('mercato.orderhistory.v1.OrderSummary', toOrderSummary(r)));
      expect((await c.call('ListCustomerOrders', { customerId, page: { pageSize: 100 } }, admin())).orders).toEqual(expected);
    }
    for (const [from, to] of [[0, 24], [9, 12], [13, 14]] as const) {
      const figures = await c.call('GetSalesFigures', { ...range(from, to), topProductsLimit: 3 }, admin());
      expect(figures).toEqual(wire('mercato.orderhistory.v1.GetSalesFiguresResponse', expectedSales(views.values(), dayStart + from * 3600, dayStart + to * 3600, 3)));
    }
    return events.length;
  }

  run('equals a fold of the event log, live and after a rebuild from zero', async () => {
    const total = await expectFoldOfTheLog(client);
    await svc!.shutdown();
    svc = undefined;
    // Spoil the read model: the rebuild must not depend on anything in it.
    const db = await openReadModel(readEnv);
    await db.query(`DELETE FROM ${TABLES.orders} WHERE order_id = 'o-alice-1'`);
    await db.query(`UPDATE ${TABLES.salesHourly} SET order_count = order_count + 100`);
    await db.close();

    const printed: string[] = [];
    const summary = await rebuildCommand({ EVENTSTORE_ADDR: es!.address, LOG_LEVEL: 'silent', ...readEnv }, { write: (t: string) => printed.push(t) });
    expect(summary).toMatchObject({ applied: total - 2, skipped: 2, placedOrders: specs.length + 1, customers: 3 });
    expect(BigInt(summary.checkpointCommit)).toBeGreaterThanOrEqual(last.commit);
    expect(printed.join('')).toMatch(new RegExp(`${total - 2} events applied, 2 skipped`));

    await start();
    await expectFoldOfTheLog(client);
  });

  run('counts every sale once after the projection stopped mid-way, by a crash and by a stop', async () => {
    const env = await readModelEnv('mercato_oh_midway');
    const db = await openReadModel(env);
    const source = clientStore(es!.client);
    const total = (await readHistory(es!.client)).length;
    // Events handled before the restart, applied or skipped, counted once their transaction committed.
    let done = 0;
    const count = { onApplied: () => done++, onSkipped: () => done++ };
    const options = orderHistoryProjection(db, source, { log: quiet, ...count });
    await migrate(db);
    // Batches of at most 5 events: a crash or a stop lands mid-way through the log.
    const maxBatch = 5;

    // A crash inside the 15th event's transaction, after its sales were written: its whole batch rolls back.
    let handled = 0;
    const crash = new AbortController();
    await expect(
      runProjection({
        ...options,
        maxBatch,
        signal: crash.signal,
        handle: async (tx, event) => {
          await options.handle(tx, event);
          if (++handled === 15) throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(done).toBeLessThan(15);
    expect(done).toBeGreaterThanOrEqual(15 - maxBatch);

    // A clean stop once 20 more have committed (the rest of that batch commits with them).
    const stop = new AbortController();
    const target = done + 20;
    const resumed = orderHistoryProjection(db, source, {
      log: quiet,
      onApplied: () => ++done >= target && stop.abort(),
      onSkipped: () => ++done >= target && stop.abort(),
    });
    await runProjection({ ...resumed, maxBatch, signal: stop.signal });
    expect(done).toBeGreaterThanOrEqual(target);
    expect(done).toBeLessThan(target + maxBatch);
    const halfway = await loadProjectionCheckpoint(db, PROJECTION_NAME);
    expect(halfway!.commit).toBeLessThan(last.commit);
    await db.close();

    // The service resumes from the checkpoint and finishes.
    const second = await startOrderHistory(env);
    const c = connect<OrderHistoryServiceDefinition>(ORDER_HISTORY_SERVICE, `127.0.0.1:${second.grpcPort}`);
    try {
      await caughtUp(c, last);
      await expectFoldOfTheLog(c);
      const metrics = await (await fetch(`http://127.0.0.1:${second.metricsPort}/metrics`)).text();
      const appliedByService = metric(metrics, 'mercato_projection_events_total', { projection: PROJECTION_NAME, outcome: 'applied' });
      const skippedByService = metric(metrics, 'mercato_projection_events_total', { projection: PROJECTION_NAME, outcome: 'skipped' });
      // Every event once: those handled before the restart, the rest after.
      expect(done + appliedByService + skippedByService).toBe(total);
    } finally {
      c.close();
      await second.shutdown();
    }
  });
});
