// Checkout end to end over real gRPC, every service its own process as `npm start` runs them: on
// the embedded default (PGlite per service) and on PostgreSQL. The saga's promises are checked
// against the event log itself: one order, one authorization, one capture, stock that adds up.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { status } from '@grpc/grpc-js';
import { postgresForTests, testServerUrl } from '@mercato/db';
import type { Order__Output } from '@mercato/protos/gen/mercato/orders/v1/Order';
import { CARD_DECLINED, eventsWithPrefix, eventually, placeOrderRequest, startCommerce, streamEvents, uniqueId, type Commerce } from './harness';

const INITIAL_STOCK = 20;

async function rpcError(p: Promise<unknown>): Promise<{ code: number; details: string }> {
  try {
    await p;
  } catch (err) {
    return err as { code: number; details: string };
  }
  throw new Error('expected the call to fail');
}

describe.each(['pglite', 'postgres'] as const)('checkout on %s', (backend) => {
  let c: Commerce | undefined;
  let dir: string;
  let faultsFile: string;
  let products: string[] = [];
  const dbPrefix = `mercato_it_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;

  beforeAll(async () => {
    if (backend === 'postgres' && !(await postgresForTests())) return;
    dir = mkdtempSync(path.join(tmpdir(), 'mercato-checkout-'));
    faultsFile = path.join(dir, 'payments-faults.json');
    writeFileSync(faultsFile, JSON.stringify({ rules: [] }));
    c = await startCommerce({
      ...(backend === 'postgres' ? { postgres: testServerUrl(), databasePrefix: dbPrefix } : {}),
      env: { LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '500' },
      serviceEnv: {
        orders: { ORDERS_RESUME_AFTER_MS: '300', ORDERS_STEP_BACKOFF_MS: '50', ORDERS_STEP_ATTEMPTS: '50' },
        inventory: { INVENTORY_INITIAL_STOCK: String(INITIAL_STOCK) },
        payments: { FAULTS_FILE: faultsFile },
        shipping: { SHIPPING_TRACKING_STEP_SECONDS: '0.2' },
      },
      output: () => undefined,
    });
    const listed = await c.catalog.call('ListProducts', { page: { pageSize: 50, pageToken: '' }, orderBy: 'PRODUCT_ORDER_UNSPECIFIED', categoryId: '', tags: [] });
    products = listed.products.map((p) => p.id);
  }, 240_000);

  afterAll(async () => {
    await c?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (backend === 'postgres' && c) {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${dbPrefix}%`]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);

  const run = (name: string, fn: (c: Commerce) => Promise<void>, timeout = 60_000) =>
    it(
      name,
      async () => {
        if (c) await fn(c);
      },
      timeout,
    );

  /** A product no other test touches, so stock figures are exact. */
  let next = 0;
  const product = () => products[next++]!;

  /** Fills the user's cart (its id is the user's id) or, for `guest`, a new guest cart. */
  async function fillCart(c: Commerce, user: string | { guest: true }, lines: Array<[string, number]>): Promise<string> {
    const cartId = typeof user === 'string' ? user : crypto.randomUUID();
    const as = typeof user === 'string' ? c.as(user) : {};
    for (const [productId, quantity] of lines) await c.cart.call('AddItem', { cartId, productId, quantity }, as);
    return cartId;
  }

  async function stock(c: Commerce, productId: string) {
    const { levels } = await c.inventory.call('GetStock', { productIds: [productId] });
    return { onHand: Number(levels[0]!.onHand), reserved: Number(levels[0]!.reserved), available: Number(levels[0]!.available) };
  }

  async function paymentEventsOf(c: Commerce, orderId: string) {
    return (await eventsWithPrefix(c, 'payment-')).filter((e) => (e.decoded.data as { orderId?: string }).orderId === orderId);
  }

  async function finalOrder(c: Commerce, user: string, orderId: string): Promise<Order__Output> {
    return eventually(`order ${orderId} to finish`, async () => {
      const { order } = await c.orders.call('GetOrder', { orderId }, c.as(user));
      return order && order.status !== 'ORDER_STATUS_PENDING' ? order : undefined;
    });
  }

  run('checks out a cart: stock committed, payment captured, shipment created, cart emptied, history updated', async (c) => {
    const user = uniqueId('ada');
    const [p1, p2] = [product(), product()];
    const cartId = await fillCart(c, user, [[p1, 2], [p2, 1]]);
    const { order } = await c.orders.call('PlaceOrder', placeOrderRequest(cartId, uniqueId('key')), c.as(user));
    expect(order).toMatchObject({ status: 'ORDER_STATUS_CONFIRMED', customerId: user, failureReason: 'FAILURE_REASON_UNSPECIFIED' });
    expect(order!.lines.map((l) => [l.productId, l.quantity])).toEqual([[p1, 2], [p2, 1]]);
    expect(order!.paymentId).not.toBe('');
    expect(order!.trackingNumber).not.toBe('');

    expect(await stock(c, p1)).toEqual({ onHand: INITIAL_STOCK - 2, reserved: 0, available: INITIAL_STOCK - 2 });
    const { payment } = await c.payments.call('GetPayment', { paymentId: order!.paymentId }, c.as(user));
    expect(payment).toMatchObject({ status: 'PAYMENT_STATUS_CAPTURED', capturedAmount: order!.total });
    const { shipment } = await c.shipping.call('GetShipment', { orderId: order!.orderId });
    expect(shipment?.trackingNumber).toBe(order!.trackingNumber);
    const { cart } = await c.cart.call('GetCart', { cartId }, c.as(user));
    expect(cart?.items).toEqual([]);

    const orderEvents = (await streamEvents(c, `order-${order!.orderId}`)).map((e) => e.type.replace('mercato.orders.v1.', ''));
    expect(orderEvents).toEqual(['OrderPlaced', 'OrderPriced', 'OrderRiskAssessed', 'OrderStockReserved', 'OrderPaymentAuthorized', 'OrderShipmentCreated', 'OrderStockCommitted', 'OrderPaymentCaptured', 'OrderConfirmed']);

    const view = await eventually('the order in order-history', async () => {
      const r = await c.orderHistory.call('GetOrderView', { orderId: order!.orderId }, c.as(user));
      return r.order && r.order.status !== 'ORDER_STATUS_PENDING' ? r.order : undefined;
    });
    expect(['ORDER_STATUS_CONFIRMED', 'ORDER_STATUS_SHIPPED', 'ORDER_STATUS_DELIVERED']).toContain(view.status);
  });

  run('a declined card fails the order, releases the stock and captures nothing', async (c) => {
    const user = uniqueId('bob');
    const p = product();
    const cartId = await fillCart(c, user, [[p, 3]]);
    const { order } = await c.orders.call('PlaceOrder', placeOrderRequest(cartId, uniqueId('key'), CARD_DECLINED), c.as(user));
    const final = order!.status === 'ORDER_STATUS_PENDING' ? await finalOrder(c, user, order!.orderId) : order!;
    expect(final).toMatchObject({ status: 'ORDER_STATUS_FAILED', failureReason: 'FAILURE_REASON_PAYMENT_DECLINED', step: 'SAGA_STEP_AUTHORIZE_PAYMENT' });
    await eventually('the stock release', async () => ((await stock(c, p)).reserved === 0 ? true : undefined));
    expect(await stock(c, p)).toEqual({ onHand: INITIAL_STOCK, reserved: 0, available: INITIAL_STOCK });
    const payments = await paymentEventsOf(c, order!.orderId);
    expect(payments.map((e) => e.type)).toEqual(['mercato.payments.v1.PaymentDeclined']);
    const { cart } = await c.cart.call('GetCart', { cartId }, c.as(user));
    expect(cart?.items.map((i) => i.quantity)).toEqual([3]); // the shopper can try another card
  });

  run('an order beyond the stock is rejected and nothing is charged', async (c) => {
    const user = uniqueId('cy');
    const [plenty, scarce] = [product(), product()];
    const cartId = await fillCart(c, user, [[plenty, 1], [scarce, INITIAL_STOCK + 5]]);
    const { order } = await c.orders.call('PlaceOrder', placeOrderRequest(cartId, uniqueId('key')), c.as(user));
    const final = order!.status === 'ORDER_STATUS_PENDING' ? await finalOrder(c, user, order!.orderId) : order!;
    expect(final).toMatchObject({ status: 'ORDER_STATUS_FAILED', failureReason: 'FAILURE_REASON_OUT_OF_STOCK', paymentId: '' });
    expect(final.failureMessage).toContain(scarce);
    expect(await paymentEventsOf(c, order!.orderId)).toEqual([]);
    expect(await stock(c, plenty)).toEqual({ onHand: INITIAL_STOCK, reserved: 0, available: INITIAL_STOCK });
    expect(await stock(c, scarce)).toEqual({ onHand: INITIAL_STOCK, reserved: 0, available: INITIAL_STOCK });
  });

  run('the same PlaceOrder sent twice with one idempotency key makes one order and one authorization', async (c) => {
    const user = uniqueId('dee');
    const p = product();
    const cartId = await fillCart(c, user, [[p, 1]]);
    const request = placeOrderRequest(cartId, uniqueId('key'));
    const [a, b] = await Promise.all([c.orders.call('PlaceOrder', request, c.as(user)), c.orders.call('PlaceOrder', request, c.as(user))]);
    expect(a.order!.orderId).toBe(b.order!.orderId);
    const again = await c.orders.call('PlaceOrder', request, c.as(user));
    expect(again.order).toMatchObject({ orderId: a.order!.orderId, status: 'ORDER_STATUS_CONFIRMED' });
    const payments = (await paymentEventsOf(c, a.order!.orderId)).map((e) => e.type.replace('mercato.payments.v1.', ''));
    expect(payments).toEqual(['PaymentAuthorized', 'PaymentCaptured']);
    expect(await stock(c, p)).toEqual({ onHand: INITIAL_STOCK - 1, reserved: 0, available: INITIAL_STOCK - 1 });
    // The same key for another cart is a mistake the caller must hear about.
    const other = await fillCart(c, { guest: true }, [[p, 1]]);
    const err = await rpcError(c.orders.call('PlaceOrder', { ...request, cartId: other }, c.as(user)));
    expect(err.code).toBe(status.FAILED_PRECONDITION);
  });

  run('the orders process killed mid-saga and restarted completes the order exactly once', async (c) => {
    const user = uniqueId('eve');
    const p = product();
    const cartId = await fillCart(c, user, [[p, 2]]);
    // Hold the saga at the payment step: Authorize answers only after 2 s. GetPayment failing
    // with DATA_LOSS tells the test when payments has loaded the new fault flags.
    const flags = (on: boolean) =>
      writeFileSync(
        faultsFile,
        JSON.stringify({
          rules: on
            ? [
                { method: 'mercato.payments.v1.PaymentsService/Authorize', delayMs: 2_000 },
                { method: 'mercato.payments.v1.PaymentsService/GetPayment', errorRate: 1, errorCode: 'DATA_LOSS' },
              ]
            : [],
        }),
      );
    const flagsLoaded = (on: boolean) =>
      eventually(`payments to ${on ? 'load' : 'drop'} the fault flags`, async () => {
        const err = await rpcError(c.payments.call('GetPayment', { paymentId: 'no-such-payment' }, c.as(user)));
        return (err.code === status.DATA_LOSS) === on ? true : undefined;
      });
    flags(true);
    await flagsLoaded(true);
    try {
      const { order } = await c.orders.call('PlaceOrder', placeOrderRequest(cartId, uniqueId('key')), { ...c.as(user), deadlineMs: 1_000 });
      expect(order!.status).toBe('ORDER_STATUS_PENDING');
      const stream = `order-${order!.orderId}`;
      await eventually('the stock reservation', async () => ((await streamEvents(c, stream)).some((e) => e.type.endsWith('OrderStockReserved')) ? true : undefined));
      await c.stack.kill('orders', 'SIGKILL');
      await c.stack.restart('orders');
      c.reconnectOrders();
      const final = await finalOrder(c, user, order!.orderId);
      expect(final.status).toBe('ORDER_STATUS_CONFIRMED');
      const types = (await streamEvents(c, stream)).map((e) => e.type.replace('mercato.orders.v1.', ''));
      expect(types).toEqual(['OrderPlaced', 'OrderPriced', 'OrderRiskAssessed', 'OrderStockReserved', 'OrderPaymentAuthorized', 'OrderShipmentCreated', 'OrderStockCommitted', 'OrderPaymentCaptured', 'OrderConfirmed']);
      const payments = (await paymentEventsOf(c, order!.orderId)).map((e) => e.type.replace('mercato.payments.v1.', ''));
      expect(payments).toEqual(['PaymentAuthorized', 'PaymentCaptured']);
      expect(await stock(c, p)).toEqual({ onHand: INITIAL_STOCK - 2, reserved: 0, available: INITIAL_STOCK - 2 });
    } finally {
      flags(false);
      await flagsLoaded(false);
    }
  }, 90_000);

  run('a user reaches only their own cart and orders', async (c) => {
    const [alice, mallory] = [uniqueId('alice'), uniqueId('mallory')];
    const cartId = await fillCart(c, alice, [[product(), 1]]);
    const { order } = await c.orders.call('PlaceOrder', placeOrderRequest(cartId, uniqueId('key')), c.as(alice));
    const other = await fillCart(c, alice, [[products[0]!, 1]]);
    expect(other).toBe(cartId);

    expect((await rpcError(c.cart.call('GetCart', { cartId: other }, c.as(mallory)))).code).toBe(status.PERMISSION_DENIED);
    expect((await rpcError(c.cart.call('AddItem', { cartId: other, productId: products[0]!, quantity: 1 }, c.as(mallory)))).code).toBe(status.PERMISSION_DENIED);
    expect((await rpcError(c.orders.call('GetOrder', { orderId: order!.orderId }, c.as(mallory)))).code).toBe(status.PERMISSION_DENIED);
    expect((await rpcError(c.orders.call('GetOrder', { orderId: order!.orderId }))).code).toBe(status.UNAUTHENTICATED);
    expect((await rpcError(c.orders.call('PlaceOrder', placeOrderRequest(other, uniqueId('key')), c.as(mallory)))).code).toBe(status.PERMISSION_DENIED);
    const view = await eventually('the order in order-history', async () => (await c.orderHistory.call('GetOrderView', { orderId: order!.orderId }, c.as(alice))).order ?? undefined);
    expect(view.orderId).toBe(order!.orderId);
    expect((await rpcError(c.orderHistory.call('GetOrderView', { orderId: order!.orderId }, c.as(mallory)))).code).toBe(status.PERMISSION_DENIED);
    // An admin may read any order.
    expect((await c.orders.call('GetOrder', { orderId: order!.orderId }, c.as(uniqueId('admin'), ['admin']))).order?.orderId).toBe(order!.orderId);
  });

  run('refuses malformed orders naming the field, before anything is written', async (c) => {
    const user = uniqueId('fay');
    const cartId = await fillCart(c, user, [[product(), 1]]);
    const good = placeOrderRequest(cartId, uniqueId('key'));
    const cases: Array<[object, RegExp]> = [
      [{ ...good, cartId: '' }, /cart_id/],
      [{ ...good, idempotencyKey: 'has spaces in it' }, /idempotency_key/],
      [{ ...good, shippingAddress: { ...good.shippingAddress, regionCode: 'usa' } }, /shipping_address\.region_code/],
      [{ ...good, shippingAddress: undefined }, /shipping_address/],
      [{ ...good, card: { ...good.card, number: '4242424242424241' } }, /card\.number/],
      [{ ...good, email: 'not-an-email' }, /email/],
    ];
    for (const [request, field] of cases) {
      const err = await rpcError(c.orders.call('PlaceOrder', request, c.as(user)));
      expect(err.code).toBe(status.INVALID_ARGUMENT);
      expect(err.details).toMatch(field);
    }
    const empty = uniqueId('nobody');
    const err = await rpcError(c.orders.call('PlaceOrder', placeOrderRequest(empty, uniqueId('key')), c.as(empty)));
    expect(err.code).toBe(status.FAILED_PRECONDITION);
    expect(await eventsWithPrefix(c, 'order-')).not.toContainEqual(expect.objectContaining({ metadata: expect.objectContaining({ 'user-id': user }) }));
  });
});
