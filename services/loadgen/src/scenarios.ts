// What a synthetic shopper does. Each scenario is a short sequence of gateway calls that checks
// the answers it relies on; it resolves (ok), throws ExpectedFailure (an outcome the shop is meant
// to give, e.g. a declined test card), or throws anything else (unexpected).
import { randomUUID } from 'node:crypto';
import { ContractError, GatewayClient, HttpError } from './gateway';
import type { Rng, ScenarioName } from './mix';
import type { Shopper, ShopperPool } from './shoppers';

/** Words shoppers search for; each matches products of the seed catalog (a test checks it). */
export const SEARCH_TERMS = [
  'jacket', 'hoodie', 'socks', 'chinos', 'earbuds', 'headphones', 'speaker', 'turntable', 'soundbar', 'novel',
  'cookbook', 'coffee', 'grinder', 'kettle', 'dripper', 'french press', 'yoga mat', 'dumbbells', 'foam roller', 'jump rope',
  'watering can', 'pruning shears', 'garden hose', 'gloves', 'skillet', 'dutch oven', 'knife', 'mixing bowl', 'desk', 'lamp',
  'keyboard', 'office chair', 'tent', 'sleeping bag', 'headlamp', 'stove', 'trekking poles', 'puzzle', 'board game', 'train set',
  'plush', 'wireless', 'waterproof', 'cast iron', 'bamboo', 'cork', 'merino wool', 'hiking', 'camping', 'lighthouse',
] as const;

export const PRODUCT_ORDERS = ['name', 'price_asc', 'price_desc', 'rating', 'newest'] as const;

/** Test cards of the simulated payment provider. */
export const CARD_APPROVED = '4242424242424242';
export const CARD_DECLINED = '4000000000000002';
const DECLINE_SHARE = 0.1;

const HOME_SPEEDS = ['standard', 'standard', 'standard', 'express', 'overnight'] as const;
// No carrier crosses a border overnight (the shipping service refuses it).
const ABROAD_SPEEDS = ['standard', 'standard', 'express'] as const;
const ADDRESSES = [
  { address: { recipient: 'Ada Lovelace', address_lines: ['12 Analytical Row'], locality: 'Springfield', administrative_area: 'IL', postal_code: '62701', region_code: 'US', phone: '+12175550100' }, speeds: HOME_SPEEDS },
  { address: { recipient: 'Grace Hopper', address_lines: ['1 Compiler Way', 'Apt 3'], locality: 'Arlington', administrative_area: 'VA', postal_code: '22201', region_code: 'US' }, speeds: HOME_SPEEDS },
  { address: { recipient: 'Alan Turing', address_lines: ['78 High Street'], locality: 'Wilmslow', postal_code: 'SK9 1AA', region_code: 'GB' }, speeds: ABROAD_SPEEDS },
];

/** The catalog as learned at the start of a run. */
export interface CatalogKnowledge {
  categoryIds: string[];
  productIds: string[];
}

export interface ScenarioContext {
  gateway: GatewayClient;
  shoppers: ShopperPool;
  catalog: CatalogKnowledge;
  /** This scenario's own generator (its choices do not depend on other scenarios). */
  rng: Rng;
}

/** An outcome the shop is meant to give. */
export class ExpectedFailure extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'ExpectedFailure';
  }
}

/** Every shopper is busy in another cart-changing scenario: the pool is too small for the rate. */
export class NoFreeShopper extends Error {
  constructor() {
    super('every synthetic shopper is busy (raise the pool size)');
    this.name = 'NoFreeShopper';
  }
}

export const ANONYMOUS = 'client';
const shopperKey = (s: Shopper): string => `user:${s.index}`;
const checkoutKey = (s: Shopper): string => `user:${s.index}:checkout`;

interface Product {
  id?: unknown;
}
interface CartItem {
  product_id?: unknown;
  quantity?: unknown;
}
interface CartAnswer {
  cart?: { items?: CartItem[] };
}
interface OrderAnswer {
  order?: { order_id?: unknown; id?: unknown };
}

function list<T>(value: unknown, route: string, field: string): T[] {
  if (!Array.isArray(value)) throw new ContractError(route, `answer has no ${field} list`);
  return value as T[];
}

function idOf(value: { id?: unknown } | undefined, route: string, field: string): string {
  if (typeof value?.id !== 'string' || value.id === '') throw new ContractError(route, `${field} has no id`);
  return value.id;
}

function orderIdOf(order: { order_id?: unknown; id?: unknown } | undefined, route: string): string {
  const id = order?.order_id ?? order?.id;
  if (typeof id !== 'string' || id === '') throw new ContractError(route, 'answer has no order id');
  return id;
}

function cartItem(answer: CartAnswer, productId: string, route: string): CartItem | undefined {
  return list<CartItem>(answer.cart?.items, route, 'cart.items').find((i) => i.product_id === productId);
}

async function browse(c: ScenarioContext): Promise<void> {
  const cats = await c.gateway.request<{ categories?: unknown }>({ path: '/categories', route: 'GET /categories', expect: [200], limitKey: ANONYMOUS });
  const categories = list<Product>(cats.body?.categories, 'GET /categories', 'categories');
  if (categories.length === 0) throw new ContractError('GET /categories', 'no categories');
  const category = idOf(c.rng.pick(categories), 'GET /categories', 'a category');
  const query = { category, order_by: c.rng.pick(PRODUCT_ORDERS), page_size: 12 };
  const page = await c.gateway.request<{ products?: unknown; next_page_token?: unknown }>({ path: '/products', route: 'GET /products', query, expect: [200], limitKey: ANONYMOUS });
  list(page.body?.products, 'GET /products', 'products');
  const next = page.body?.next_page_token;
  if (typeof next === 'string' && next !== '' && c.rng.chance(0.3)) {
    const more = await c.gateway.request<{ products?: unknown }>({ path: '/products', route: 'GET /products', query: { ...query, page_token: next }, expect: [200], limitKey: ANONYMOUS });
    list(more.body?.products, 'GET /products', 'products');
  }
}

async function search(c: ScenarioContext): Promise<void> {
  const route = 'GET /search';
  const res = await c.gateway.request<{ results?: unknown }>({ path: '/search', route, query: { q: c.rng.pick(SEARCH_TERMS), page_size: 10 }, expect: [200], limitKey: ANONYMOUS });
  const results = list<{ product?: Product }>(res.body?.results, route, 'results');
  if (results.length > 0 && c.rng.chance(0.5)) await viewProduct(c, idOf(results[0]!.product, route, 'results[0].product'));
}

async function viewProduct(c: ScenarioContext, productId = c.rng.pick(c.catalog.productIds)): Promise<void> {
  const route = 'GET /products/{id}';
  const res = await c.gateway.request<{ product?: Product; reviews?: unknown }>({ path: `/products/${encodeURIComponent(productId)}`, route, expect: [200], limitKey: ANONYMOUS });
  if (idOf(res.body?.product, route, 'product') !== productId) throw new ContractError(route, `asked for ${productId}, got another product`);
  if (c.rng.chance(0.3)) {
    const reviewsRoute = 'GET /products/{id}/reviews';
    const reviews = await c.gateway.request<{ reviews?: unknown }>({ path: `/products/${encodeURIComponent(productId)}/reviews`, route: reviewsRoute, query: { page_size: 5 }, expect: [200], limitKey: ANONYMOUS });
    list(reviews.body?.reviews, reviewsRoute, 'reviews');
  }
}

/** A guest (X-Cart-Id, no cookies) puts a product in a new cart, then sometimes changes or removes it. */
async function addToCart(c: ScenarioContext): Promise<void> {
  const productId = c.rng.pick(c.catalog.productIds);
  const cartId = randomUUID();
  await viewProduct(c, productId);
  const quantity = c.rng.int(1, 3);
  const added = await c.gateway.request<CartAnswer>({ path: '/cart/items', route: 'POST /cart/items', cartId, body: { product_id: productId, quantity }, expect: [200, 201], limitKey: ANONYMOUS });
  if (cartItem(added.body, productId, 'POST /cart/items')?.quantity !== quantity) throw new ContractError('POST /cart/items', `the cart does not hold ${quantity} of ${productId}`);
  const itemPath = `/cart/items/${encodeURIComponent(productId)}`;
  if (c.rng.chance(0.3)) {
    const changed = await c.gateway.request<CartAnswer>({ path: itemPath, route: 'PATCH /cart/items/{id}', cartId, body: { quantity: quantity + 1 }, expect: [200], limitKey: ANONYMOUS });
    if (cartItem(changed.body, productId, 'PATCH /cart/items/{id}')?.quantity !== quantity + 1) throw new ContractError('PATCH /cart/items/{id}', 'the quantity did not change');
  }
  if (c.rng.chance(0.2)) {
    const removed = await c.gateway.request<CartAnswer>({ path: itemPath, route: 'DELETE /cart/items/{id}', cartId, expect: [200], limitKey: ANONYMOUS });
    if (cartItem(removed.body, productId, 'DELETE /cart/items/{id}')) throw new ContractError('DELETE /cart/items/{id}', 'the item is still in the cart');
  } else {
    const cart = await c.gateway.request<CartAnswer>({ path: '/cart', route: 'GET /cart', cartId, expect: [200], limitKey: ANONYMOUS });
    if (!cartItem(cart.body, productId, 'GET /cart')) throw new ContractError('GET /cart', `the cart lost ${productId}`);
  }
}

/** A signed-in shopper empties their cart, fills it, maybe asks for shipping quotes, and checks out. */
async function checkout(c: ScenarioContext): Promise<void> {
  // Prefer shoppers not waiting out a checkout Retry-After; a held-back one ends as rate_limited.
  const s = c.shoppers.lease(c.rng, (x) => c.gateway.blockedAt(checkoutKey(x)) === 0);
  if (!s) throw new NoFreeShopper();
  try {
    await c.shoppers.call(s, { path: '/cart', route: 'DELETE /cart', expect: [200], limitKey: shopperKey(s) });
    const lines = c.rng.int(1, 3);
    const chosen = new Set<string>();
    for (let i = 0; i < lines; i++) chosen.add(c.rng.pick(c.catalog.productIds));
    for (const productId of chosen) {
      const res = await c.shoppers.call<CartAnswer>(s, { path: '/cart/items', route: 'POST /cart/items', body: { product_id: productId, quantity: c.rng.int(1, 2) }, expect: [200, 201], limitKey: shopperKey(s) });
      if (!cartItem(res.body, productId, 'POST /cart/items')) throw new ContractError('POST /cart/items', `the cart does not hold ${productId}`);
    }
    const { address, speeds } = c.rng.pick(ADDRESSES);
    let speed: string = c.rng.pick(speeds);
    if (c.rng.chance(0.5)) {
      // As a shopper would: ask for the quotes, then pick one of the speeds offered.
      const route = 'POST /shipping/quotes';
      const res = await c.shoppers.call<{ quotes?: unknown }>(s, { path: '/shipping/quotes', route, body: { address }, expect: [200], limitKey: shopperKey(s) });
      const offered = list<{ speed?: unknown }>(res.body?.quotes, route, 'quotes').map((q) => q.speed).filter((x): x is string => typeof x === 'string');
      if (offered.length === 0) throw new ContractError(route, 'no quotes for a filled cart');
      speed = c.rng.pick(offered);
    }
    const declined = c.rng.chance(DECLINE_SHARE);
    const body = {
      idempotency_key: randomUUID(),
      shipping_address: address,
      shipping_speed: speed,
      card: { number: declined ? CARD_DECLINED : CARD_APPROVED, expiry_month: c.rng.int(1, 12), expiry_year: new Date().getUTCFullYear() + c.rng.int(1, 5), cvc: String(c.rng.int(100, 999)), holder_name: address.recipient },
      email: s.email,
    };
    const route = 'POST /checkout';
    let placed;
    try {
      placed = await c.shoppers.call<OrderAnswer>(s, { path: '/checkout', route, body, expect: [201, 202], limitKey: checkoutKey(s) });
    } catch (err) {
      if (err instanceof HttpError && err.status === 402 && err.code === 'payment_declined' && declined) throw new ExpectedFailure('card declined');
      if (err instanceof HttpError && err.status === 409 && err.code === 'out_of_stock') throw new ExpectedFailure('out of stock');
      // The risk check declines some orders (e.g. a shopper's velocity in a long run): a business answer.
      if (err instanceof HttpError && err.status === 422 && err.code === 'order_declined') throw new ExpectedFailure('declined by risk');
      throw err;
    }
    orderIdOf(placed.body?.order, route);
    if (declined) throw new ContractError(route, `the declined test card was accepted (${placed.status})`);
  } finally {
    c.shoppers.release(s);
  }
}

/** A signed-in shopper lists their orders (the order-history read side) and opens the latest. */
async function viewOrders(c: ScenarioContext): Promise<void> {
  const s = c.shoppers.any(c.rng);
  if (!s) throw new NoFreeShopper();
  const route = 'GET /orders';
  const res = await c.shoppers.call<{ orders?: unknown }>(s, { path: '/orders', route, query: { page_size: 10 }, expect: [200], limitKey: shopperKey(s) });
  const orders = list<{ order_id?: unknown; id?: unknown }>(res.body?.orders, route, 'orders');
  if (orders.length > 0 && c.rng.chance(0.7)) {
    const id = orderIdOf(orders[0], route);
    const one = await c.shoppers.call<OrderAnswer>(s, { path: `/orders/${encodeURIComponent(id)}`, route: 'GET /orders/{id}', expect: [200], limitKey: shopperKey(s) });
    if (orderIdOf(one.body?.order, 'GET /orders/{id}') !== id) throw new ContractError('GET /orders/{id}', `asked for ${id}, got another order`);
  }
}

export const SCENARIO_RUNNERS: Record<ScenarioName, (c: ScenarioContext) => Promise<void>> = {
  browse,
  search,
  view_product: (c) => viewProduct(c),
  add_to_cart: addToCart,
  checkout,
  view_orders: viewOrders,
};
