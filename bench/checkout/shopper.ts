// One checkout as the benchmarks drive it: a fresh customer fills a fresh cart (1–3 lines) and
// places the order over gRPC. Shared by `npm run bench:checkout` (closed loop) and `npm run bench`
// (open loop at fixed rates).
import { performance } from 'node:perf_hooks';
import type { Metadata } from '@grpc/grpc-js';
import type { KitClient } from '@mercato/kit';
import { orderIdFor } from '@mercato/orders';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { OrdersServiceDefinition } from '@mercato/protos/gen/mercato/orders/v1/OrdersService';
import { CARD_OK, placeOrderRequest, uniqueId } from '../../tests/commerce/harness';

/** What a checkout needs of the suite (the commerce harness and the report's suite both give it). */
export interface Shop {
  cart: KitClient<CartServiceDefinition>;
  orders: KitClient<OrdersServiceDefinition>;
  as(userId: string): { metadata: Metadata };
}

export type CheckoutOutcome = 'confirmed' | 'failed' | 'pending' | 'error';

export interface CheckoutResult {
  outcome: CheckoutOutcome;
  userId: string;
  /** Set once PlaceOrder was called (whatever it answered). */
  orderId?: string;
  /** PlaceOrder's latency (until its error, for an error in PlaceOrder); NaN when it was never called. */
  placeOrderMs: number;
  /** Where an error happened, and its message. */
  error?: { stage: 'cart' | 'place'; message: string };
  /** Why an order FAILED: its failure reason and the saga step, e.g. "FAILURE_REASON_PAYMENT_DECLINED at SAGA_STEP_AUTHORIZE_PAYMENT". */
  failure?: string;
}

export interface CheckoutPlan {
  /** Which shopper (closed loop) and which of its checkouts: they pick the products. */
  shopper: number;
  n: number;
  /** PlaceOrder's deadline (default 10 s): past it, orders answers PENDING or the call fails. */
  placeOrderDeadlineMs?: number;
  /** An absolute time (Date.now() scale) the whole checkout must finish by; every call's deadline is capped by it. */
  finishBy?: number;
}

const PLACE_ORDER_DEADLINE_MS = 10_000;
const CART_CALL_DEADLINE_MS = 10_000;

/**
 * A valid Visa test number of its own for each checkout (4242 4242 then 7 digits of `n`, then the
 * Luhn digit): the provider approves any valid number, and one card shared by hundreds of new
 * customers would (rightly) look like fraud to the risk service.
 */
export function cardNumberFor(n: number): string {
  const body = `42424242${String(n % 10_000_000).padStart(7, '0')}`;
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    // Doubled: every second digit counting left from the check digit, i.e. the last digit of the body first.
    let d = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** The ids of the first 100 catalog products (the seed has 130). */
export async function productIds(catalog: KitClient<CatalogServiceDefinition>): Promise<string[]> {
  const { products } = await catalog.call('ListProducts', { page: { pageSize: 100, pageToken: '' }, orderBy: 'PRODUCT_ORDER_UNSPECIFIED', categoryId: '', tags: [] });
  return products.map((p) => p.id);
}

export async function checkoutOnce(shop: Shop, products: string[], plan: CheckoutPlan): Promise<CheckoutResult> {
  const { shopper, n } = plan;
  // A new customer each time: one customer placing an order every second would be (rightly)
  // declined by the risk service's velocity features.
  const userId = uniqueId(`shopper${shopper}`);
  const cartId = userId; // a signed-in shopper's cart id is their user id
  const left = (cap: number): number => {
    const ms = plan.finishBy === undefined ? cap : Math.min(cap, plan.finishBy - Date.now());
    if (ms <= 0) throw new Error('the checkout ran out of time');
    return ms;
  };
  try {
    const lines = 1 + (n % 3);
    for (let i = 0; i < lines; i++) {
      const productId = products[(shopper * 7 + n * 3 + i * 11) % products.length]!;
      await shop.cart.call('AddItem', { cartId, productId, quantity: 1 + (i % 2) }, { ...shop.as(userId), deadlineMs: left(CART_CALL_DEADLINE_MS) });
    }
  } catch (err) {
    return { outcome: 'error', userId, placeOrderMs: NaN, error: { stage: 'cart', message: (err as Error).message } };
  }
  let deadlineMs: number;
  try {
    deadlineMs = left(plan.placeOrderDeadlineMs ?? PLACE_ORDER_DEADLINE_MS);
  } catch (err) {
    // Filling the cart used up the checkout's time: PlaceOrder is never called.
    return { outcome: 'error', userId, placeOrderMs: NaN, error: { stage: 'cart', message: (err as Error).message } };
  }
  const idempotencyKey = uniqueId('k');
  // The order's id follows from the customer and the key, so an order whose PlaceOrder failed can still be looked up.
  const orderId = orderIdFor(userId, idempotencyKey);
  const t0 = performance.now();
  try {
    const { order } = await shop.orders.call('PlaceOrder', placeOrderRequest(cartId, idempotencyKey, { ...CARD_OK, number: cardNumberFor(shopper * 1_000_000 + n) }), { ...shop.as(userId), deadlineMs });
    const placeOrderMs = performance.now() - t0;
    const outcome: CheckoutOutcome = order?.status === 'ORDER_STATUS_CONFIRMED' ? 'confirmed' : order?.status === 'ORDER_STATUS_FAILED' ? 'failed' : 'pending';
    return {
      outcome,
      userId,
      orderId: order?.orderId || orderId,
      placeOrderMs,
      ...(outcome === 'failed' ? { failure: `${order?.failureReason} at ${order?.step}` } : {}),
    };
  } catch (err) {
    return { outcome: 'error', userId, orderId, placeOrderMs: performance.now() - t0, error: { stage: 'place', message: (err as Error).message } };
  }
}
