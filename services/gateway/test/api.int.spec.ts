// The JSON API over the real commerce services, each its own process as `npm start` runs them,
// with the gateway in-process (its users on the embedded database, then on PostgreSQL with the
// whole stack there too). Recommendations and the assistant are absent, as in today's stack.
import { generateSigningKeys, startService, testServiceEnv, type RunningService } from '@mercato/kit';
import { postgresForTests, testDatabaseIfAvailable, testServerUrl } from '@mercato/db';
import { startStack, type Stack } from '@mercato/runner';
import { clientStore, decodeEvent } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import { gatewayConfig, gatewayOf, setupGateway } from '../src/service';
import fc from 'fast-check';
import { apiRoutes } from '../src/api/routes';
import { bearer, Client, deadPort, eventually } from './support/client';

const COMMERCE = ['eventstore', 'catalog', 'cart', 'inventory', 'payments', 'shipping', 'risk', 'orders', 'order-history'];
const API = '/api/v1';
const PASSWORD = 'correct horse battery';
const STOCK = 20;
const ADDRESS = { recipient: 'Ada Lovelace', address_lines: ['12 Analytical Row'], locality: 'Springfield', administrative_area: 'IL', postal_code: '62701', region_code: 'US' };
const CARD = { number: '4242424242424242', expiry_month: 12, expiry_year: new Date().getFullYear() + 3, cvc: '123', holder_name: 'Ada Lovelace' };
const DECLINED = { ...CARD, number: '4000000000000002' };
let seq = 0;
const unique = (tag: string) => `${tag}-${Date.now().toString(36)}-${seq++}`;

describe.each(['pglite', 'postgres'] as const)('gateway API over the commerce services on %s', (backend) => {
  const keys = generateSigningKeys();
  const dbPrefix = `mercato_gwit_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  let stack: Stack | undefined;
  let gateway: RunningService<unknown> | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  let events: EventStoreClient | undefined;
  let base = '';
  let products: Array<{ id: string; price: { units: number; nanos: number } }> = [];
  let nextProduct = 0;
  /** A product no other test orders, so stock figures are exact. */
  const product = () => products[nextProduct++]!.id;
  const client = (n = 1) => new Client(base, { 'x-forwarded-for': `198.51.100.${n}` });

  beforeAll(async () => {
    if (backend === 'postgres' && !(await postgresForTests())) return;
    stack = await startStack({
      only: COMMERCE,
      randomPorts: true,
      signingKeys: keys,
      ...(backend === 'postgres' ? { postgres: testServerUrl(), databasePrefix: dbPrefix } : {}),
      env: { LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '500' },
      serviceEnv: { inventory: { INVENTORY_INITIAL_STOCK: String(STOCK) }, shipping: { SHIPPING_TRACKING_STEP_SECONDS: '0.2' } },
      output: () => undefined,
      startTimeoutMs: 120_000,
    });
    const addr = (name: string) => `127.0.0.1:${stack!.processes.find((p) => p.name === name)!.grpcPort}`;
    const dead = `127.0.0.1:${await deadPort()}`;
    const env = testServiceEnv({
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: '0',
      JWT_PRIVATE_KEY: keys.privateKey,
      JWT_PUBLIC_KEY: keys.publicKey,
      ADMIN_EMAILS: 'admin@example.com',
      TRUSTED_PROXY_HOPS: '1',
      RATE_LIMIT_CHECKOUT_PER_MINUTE: '3',
      CATALOG_ADDR: addr('catalog'),
      CART_ADDR: addr('cart'),
      ORDERS_ADDR: addr('orders'),
      ORDER_HISTORY_ADDR: addr('order-history'),
      SHIPPING_ADDR: addr('shipping'),
      EVENTSTORE_ADDR: addr('eventstore'),
      RECOMMENDATIONS_ADDR: dead,
      ASSISTANT_ADDR: dead,
    });
    if (backend === 'postgres') {
      const db = await testDatabaseIfAvailable('mercato_gateway');
      dropDb = db!.drop;
      env.DATABASE_URL = db!.url;
    }
    gateway = await startService('gateway', setupGateway, { env, config: gatewayConfig });
    base = `http://127.0.0.1:${gatewayOf(gateway.kit).httpPort}`;
    events = EventStoreClient.connect(addr('eventstore'));
    const listed = await new Client(base).get(`${API}/products?page_size=100`);
    products = listed.json.products;
  }, 180_000);

  afterAll(async () => {
    await gateway?.shutdown();
    events?.rpc.close();
    await stack?.stop();
    await dropDb?.();
    if (backend === 'postgres' && stack) {
      const { default: pg } = await import('pg');
      const admin = new pg.Client({ connectionString: testServerUrl() });
      await admin.connect();
      const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${dbPrefix}%`]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);

  const run = (name: string, fn: () => Promise<void>, timeout = 60_000) =>
    it(
      name,
      async () => {
        if (gateway) await fn();
      },
      timeout,
    );

  async function signUp(c: Client, tag = 'shopper', emailAddress?: string) {
    const res = await c.post(`${API}/auth/signup`, { email: emailAddress ?? `${unique(tag)}@example.com`, password: PASSWORD, name: 'Ada Lovelace' });
    expect(res.status).toBe(201);
    return res.json as { user: { id: string; email: string; roles: string[] }; token: string };
  }

  let admin: Promise<{ token: string; user: { roles: string[] } }> | undefined;
  /** The one admin (ADMIN_EMAILS), signed up on first use. */
  const adminSession = () => (admin ??= signUp(client(90), 'admin', 'admin@example.com'));

  function checkoutBody(key = unique('key'), card = CARD) {
    return { idempotency_key: key, shipping_address: ADDRESS, shipping_speed: 'standard', card };
  }

  run('browses: categories, sorted and paged products, search, a product with its reviews', async () => {
    const c = client();
    const { categories } = (await c.get(`${API}/categories`)).json;
    expect(categories.length).toBeGreaterThanOrEqual(8);
    const category = categories[0].id as string;
    const first = await c.get(`${API}/products?category=${category}&order_by=price_asc&page_size=3`);
    expect(first.status).toBe(200);
    const prices = first.json.products.map((p: { price: { units: number; nanos: number } }) => p.price.units * 1e9 + p.price.nanos);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(first.json.products.every((p: { category_id: string }) => p.category_id === category)).toBe(true);
    expect(first.json.products[0].price).toEqual(expect.objectContaining({ currency_code: 'USD', display: expect.stringMatching(/^\$\d/) }));
    const second = await c.get(`${API}/products?category=${category}&order_by=price_asc&page_size=3&page_token=${encodeURIComponent(first.json.next_page_token)}`);
    expect(second.json.products[0].id).not.toBe(first.json.products[0].id);
    const word = (first.json.products[0].name as string).split(/\s+/).filter((w) => w.length > 4).pop()!;
    const search = await c.get(`${API}/search?q=${encodeURIComponent(word)}`);
    expect(search.json.results.length).toBeGreaterThan(0);
    expect(search.json.results[0]).toEqual(expect.objectContaining({ product: expect.objectContaining({ id: expect.any(String) }), relevance: expect.any(Number) }));
    const detail = await c.get(`${API}/products/${first.json.products[0].id}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toEqual(expect.objectContaining({ product: expect.objectContaining({ id: first.json.products[0].id }), reviews: expect.any(Array), average_rating: expect.any(Number) }));
    expect((await c.get(`${API}/products/NOPE-9999`)).status).toBe(404);
  });

  run('answers without the optional services: no recommendations, no review summary', async () => {
    const c = client();
    const detail = await c.get(`${API}/products/${products[0]!.id}`);
    expect(detail.status).toBe(200);
    expect(detail.json.recommendations).toEqual([]);
    const summary = await c.get(`${API}/products/${products[0]!.id}/review-summary`);
    expect(summary.status).toBe(200);
    expect(summary.json).toEqual({ summary: null });
    const home = await c.get('/', { headers: { accept: 'text/html' } });
    expect(home.status).toBe(200);
    expect(home.text).not.toContain('Recommended for you');
  });

  run('rejects malformed input on every route with 400 naming the field', async () => {
    const admin = await adminSession();
    const user = await signUp(client(), 'validator');
    const u = bearer(user.token);
    const c = client();
    await c.post(`${API}/cart/items`, { product_id: products[0]!.id, quantity: 1 }, { headers: u });
    const cases: Array<[string, string, unknown, Record<string, string>, string]> = [
      ['POST', '/auth/signin', { password: 'x' }, {}, 'email'],
      ['POST', '/auth/signup', { email: 'a@b.co', password: PASSWORD }, {}, 'name'],
      ['GET', '/products?order_by=cheapest', undefined, {}, 'order_by'],
      ['GET', '/products?page_size=0', undefined, {}, 'page_size'],
      ['GET', '/products?page_size=ten', undefined, {}, 'page_size'],
      ['GET', '/products?category=Not%20A%20Slug', undefined, {}, 'category'],
      ['GET', '/products?page_token=garbage', undefined, {}, 'page_token'],
      ['GET', '/search', undefined, {}, 'q'],
      ['GET', `/search?q=${'x'.repeat(201)}`, undefined, {}, 'q'],
      ['GET', '/products/bad%20id', undefined, {}, 'id'],
      ['GET', `/products/${products[0]!.id}/reviews?page_size=1000`, undefined, {}, 'page_size'],
      ['POST', `/products/${products[0]!.id}/reviews`, { rating: 6, title: 'Great', body: 'Really great.' }, u, 'rating'],
      ['POST', `/products/${products[0]!.id}/reviews`, { rating: 5, body: 'Really great.' }, u, 'title'],
      ['GET', '/products/bad!/review-summary', undefined, {}, 'id'],
      ['GET', '/cart', undefined, { 'x-cart-id': 'cart-1' }, 'X-Cart-Id'],
      ['POST', '/cart/items', { product_id: products[0]!.id, quantity: 0 }, u, 'quantity'],
      ['POST', '/cart/items', { product_id: products[0]!.id, quantity: '2' }, u, 'quantity'],
      ['POST', '/cart/items', { quantity: 1 }, u, 'product_id'],
      ['PATCH', `/cart/items/${products[0]!.id}`, { quantity: -1 }, u, 'quantity'],
      ['PATCH', '/cart/items/bad!', { quantity: 1 }, u, 'product_id'],
      ['DELETE', '/cart/items/bad!', undefined, u, 'product_id'],
      ['DELETE', '/cart', undefined, { 'x-cart-id': 'nope' }, 'X-Cart-Id'],
      ['POST', '/shipping/quotes', {}, u, 'address'],
      ['POST', '/shipping/quotes', { address: { ...ADDRESS, region_code: 'usa' } }, u, 'address.region_code'],
      ['POST', '/shipping/quotes', { address: { ...ADDRESS, postal_code: 'ABCDE' } }, u, 'address.postal_code'],
      ['POST', '/checkout', { ...checkoutBody(), idempotency_key: undefined }, u, 'idempotency_key'],
      ['POST', '/checkout', { ...checkoutBody(), shipping_speed: 'teleport' }, u, 'shipping_speed'],
      ['POST', '/checkout', { ...checkoutBody(), shipping_address: { ...ADDRESS, address_lines: [] } }, u, 'shipping_address.address_lines'],
      ['POST', '/checkout', { ...checkoutBody(), card: { ...CARD, number: '4242-4242' } }, u, 'card.number'],
      ['POST', '/checkout', { ...checkoutBody(), card: { ...CARD, number: '4242424242424241' } }, u, 'card.number'],
      ['POST', '/checkout', { ...checkoutBody(), card: { ...CARD, expiry_month: 13 } }, u, 'card.expiry_month'],
      ['POST', '/checkout', { ...checkoutBody(), shipping_address: { ...ADDRESS, administrative_area: undefined } }, u, 'shipping_address.administrative_area'],
      ['GET', '/orders?page_size=101', undefined, u, 'page_size'],
      ['GET', '/orders?page_token=garbage', undefined, u, 'page_token'],
      ['GET', '/orders/not-a-uuid', undefined, u, 'id'],
      ['GET', '/admin/sales?from=yesterday', undefined, bearer(admin.token), 'from'],
      ['GET', '/admin/sales?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z', undefined, bearer(admin.token), 'from'],
    ];
    for (const [method, path, body, headers, field] of cases) {
      const res = await c.request(method, `${API}${path}`, { ...(body !== undefined ? { json: body } : {}), headers, noCookies: true });
      expect({ route: `${method} ${path}`, status: res.status, code: res.json?.error?.code, field: res.json?.error?.field }).toEqual({ route: `${method} ${path}`, status: 400, code: 'invalid_argument', field });
    }
  });

  run('answers any garbage on any route with a 4xx, never a 5xx', async () => {
    const { token } = await signUp(client(), 'fuzzer');
    const routes = apiRoutes({} as never);
    const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string({ maxLength: 12 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }));
    const body = fc.oneof(
      fc.dictionary(fc.constantFrom('email', 'password', 'name', 'product_id', 'quantity', 'rating', 'title', 'body', 'address', 'idempotency_key', 'shipping_address', 'shipping_speed', 'card'), value, { maxKeys: 6 }),
      fc.anything({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.string({ maxLength: 40 }), body, fc.dictionary(fc.constantFrom('page_size', 'page_token', 'order_by', 'category', 'q', 'from', 'to'), fc.string({ maxLength: 30 }), { maxKeys: 3 }), fc.boolean(), async (route, param, json, query, signedIn) => {
        const path = route.path.replace(/\{\w+\}/g, encodeURIComponent(param) || 'x') + `?${new URLSearchParams(query)}`;
        const res = await client(200).request(route.method, path, { ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { json }), headers: signedIn ? bearer(token) : {}, noCookies: true });
        expect({ route: `${route.method} ${path}`, status: res.status < 500 ? 'below 500' : res.status, body: res.status < 500 ? '' : res.text }).toEqual({ route: `${route.method} ${path}`, status: 'below 500', body: '' });
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  run('merges the guest cart of the cookie into the new account at sign-up, and clears the cookie', async () => {
    const c = client();
    const [a, b] = [product(), product()];
    expect((await c.post(`${API}/cart/items`, { product_id: a, quantity: 2 })).status).toBe(200);
    const guestCart = c.cookies.get('mercato_cart')!;
    expect(guestCart).toMatch(/^[0-9a-f-]{36}$/);
    await c.post(`${API}/cart/items`, { product_id: b, quantity: 1 });
    const { user } = await signUp(c, 'merge');
    expect(c.cookies.has('mercato_cart')).toBe(false);
    const cart = (await c.get(`${API}/cart`)).json.cart;
    expect(cart.cart_id).toBe(user.id);
    expect(cart.items.map((i: { product_id: string; quantity: number }) => [i.product_id, i.quantity]).sort()).toEqual([[a, 2], [b, 1]].sort());
    expect(cart.item_count).toBe(3);
  });

  run('merges the guest cart named by X-Cart-Id at sign-in (a script without cookies)', async () => {
    const email = `${unique('script')}@example.com`;
    await signUp(new Client(base), 'script', email);
    const guest = crypto.randomUUID();
    const script = new Client(base, { 'x-forwarded-for': '198.51.100.77' });
    const p = product();
    const added = await script.post(`${API}/cart/items`, { product_id: p, quantity: 3 }, { headers: { 'x-cart-id': guest }, noCookies: true });
    expect(added.json.cart.cart_id).toBe(guest);
    const signedIn = await script.post(`${API}/auth/signin`, { email, password: PASSWORD }, { headers: { 'x-cart-id': guest }, noCookies: true });
    expect(signedIn.status).toBe(200);
    const cart = (await script.get(`${API}/cart`, { headers: bearer(signedIn.json.token), noCookies: true })).json.cart;
    expect(cart.items).toEqual([expect.objectContaining({ product_id: p, quantity: 3 })]);
    // The guest cart is closed: nothing is left to merge twice.
    const again = await script.post(`${API}/auth/signin`, { email, password: PASSWORD }, { headers: { 'x-cart-id': guest }, noCookies: true });
    expect(again.status).toBe(200);
    expect((await script.get(`${API}/cart`, { headers: bearer(again.json.token), noCookies: true })).json.cart.items[0].quantity).toBe(3);
  });

  run('changes, removes and clears cart lines', async () => {
    const { token } = await signUp(client(), 'cart');
    const c = client();
    const h = { headers: bearer(token) };
    const [a, b] = [product(), product()];
    await c.post(`${API}/cart/items`, { product_id: a, quantity: 1 }, h);
    await c.post(`${API}/cart/items`, { product_id: b, quantity: 1 }, h);
    expect((await c.patch(`${API}/cart/items/${a}`, { quantity: 4 }, h)).json.cart.items.find((i: { product_id: string }) => i.product_id === a).quantity).toBe(4);
    expect((await c.delete(`${API}/cart/items/${b}`, h)).json.cart.items.map((i: { product_id: string }) => i.product_id)).toEqual([a]);
    expect((await c.patch(`${API}/cart/items/${a}`, { quantity: 0 }, h)).json.cart.items).toEqual([]);
    await c.post(`${API}/cart/items`, { product_id: a, quantity: 1 }, h);
    expect((await c.delete(`${API}/cart`, h)).json.cart.items).toEqual([]);
    expect((await c.post(`${API}/cart/items`, { product_id: 'NOPE-0000', quantity: 1 }, h)).status).toBe(404);
  });

  run('checks out with a test card: 201 confirmed, idempotent, the cart emptied, in the orders list; 404 for others', async () => {
    const c = client();
    const { token, user } = await signUp(c, 'buyer');
    const h = { headers: bearer(token) };
    const p = product();
    await c.post(`${API}/cart/items`, { product_id: p, quantity: 2 }, h);
    const quotes = (await c.post(`${API}/shipping/quotes`, { address: ADDRESS }, h)).json.quotes;
    expect(quotes.map((q: { speed: string }) => q.speed)).toEqual(['standard', 'express', 'overnight']);
    const body = checkoutBody();
    const placed = await c.post(`${API}/checkout`, body, h);
    expect(placed.status).toBe(201);
    const order = placed.json.order;
    expect(order).toMatchObject({ status: 'confirmed', shipping_speed: 'standard', card: { brand: 'visa', last4: '4242' }, lines: [expect.objectContaining({ product_id: p, quantity: 2 })] });
    const nanos = (m: { units: number; nanos: number }) => BigInt(m.units) * 1_000_000_000n + BigInt(m.nanos);
    expect(nanos(order.total)).toBe(nanos(order.subtotal) + nanos(order.shipping_cost));
    expect(nanos(order.shipping_cost)).toBe(nanos(quotes[0].cost));
    // The same key again: the same order, never a second charge.
    const replay = await c.post(`${API}/checkout`, body, h);
    expect(replay.status).toBe(201);
    expect(replay.json.order.order_id).toBe(order.order_id);
    expect((await c.get(`${API}/cart`, h)).json.cart.items).toEqual([]);
    const listed = await eventually('the order in the read side', async () => {
      const res = await c.get(`${API}/orders`, h);
      return res.json.orders.find((o: { order_id: string }) => o.order_id === order.order_id);
    });
    // Tracking runs fast here (SHIPPING_TRACKING_STEP_SECONDS): the order may have moved on already.
    const placedOrLater = expect.stringMatching(/^(confirmed|shipped|delivered)$/);
    expect(listed).toMatchObject({ status: placedOrLater, item_count: 2, total: order.total });
    const one = await c.get(`${API}/orders/${order.order_id}`, h);
    expect(one.json.order).toMatchObject({ order_id: order.order_id, status: placedOrLater });
    // Someone else asking gets "not found", the same as for an order that does not exist.
    const stranger = await signUp(client(), 'stranger');
    const theirs = await c.get(`${API}/orders/${order.order_id}`, { headers: bearer(stranger.token) });
    expect(theirs.status).toBe(404);
    expect(theirs.json.error.code).toBe('not_found');
    expect((await c.get(`${API}/orders/${crypto.randomUUID()}`, h)).status).toBe(404);
    expect(user.id).toBeTruthy();
  });

  run('answers a declined card with 402 payment_declined and a failed order', async () => {
    const c = client();
    const { token } = await signUp(c, 'declined');
    const h = { headers: bearer(token) };
    await c.post(`${API}/cart/items`, { product_id: product(), quantity: 1 }, h);
    const res = await c.post(`${API}/checkout`, checkoutBody(unique('key'), DECLINED), h);
    expect(res.status).toBe(402);
    expect(res.json.error).toMatchObject({ code: 'payment_declined', message: expect.stringMatching(/declined/i) });
    expect(res.json.order).toMatchObject({ status: 'failed', failure_reason: 'payment_declined' });
    expect((await c.get(`${API}/orders/${res.json.order.order_id}`, h)).json.order.status).toBe('failed');
    // Nothing was taken from the cart: the shopper can try another card.
    expect((await c.get(`${API}/cart`, h)).json.cart.items).toHaveLength(1);
  });

  run('answers 409 out_of_stock when the stock cannot cover the order', async () => {
    const c = client();
    const { token } = await signUp(c, 'greedy');
    const h = { headers: bearer(token) };
    await c.post(`${API}/cart/items`, { product_id: product(), quantity: STOCK + 5 }, h);
    const res = await c.post(`${API}/checkout`, checkoutBody(), h);
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('out_of_stock');
    expect(res.json.order.status).toBe('failed');
  });

  run('rate-limits checkout per user with 429 and Retry-After', async () => {
    const c = client();
    const { token } = await signUp(c, 'hasty');
    const h = { headers: bearer(token) };
    for (let i = 0; i < 3; i++) {
      const res = await c.post(`${API}/checkout`, checkoutBody(), h);
      expect(res.status).toBe(409); // an empty cart: refused, but counted
    }
    const limited = await c.post(`${API}/checkout`, checkoutBody(), h);
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another user is not affected.
    const other = await signUp(client(), 'patient');
    expect((await c.post(`${API}/checkout`, checkoutBody(), { headers: bearer(other.token) })).status).toBe(409);
  });

  run('reviews: signed in only, then listed newest first', async () => {
    const c = client();
    const p = products[1]!.id;
    expect((await c.post(`${API}/products/${p}/reviews`, { rating: 4, title: 'Solid', body: 'Does the job.' })).status).toBe(401);
    const { token } = await signUp(c, 'reviewer');
    const title = unique('Solid');
    const res = await c.post(`${API}/products/${p}/reviews`, { rating: 4, title, body: 'Does the job <b>well</b>.' }, { headers: bearer(token) });
    expect(res.status).toBe(201);
    expect(res.json.review).toMatchObject({ rating: 4, title, author_name: 'Ada Lovelace' });
    expect(res.json.review.author_id).toBeUndefined();
    const page = await c.get(`${API}/products/${p}/reviews?page_size=5`);
    expect(page.json.reviews[0].title).toBe(title);
    const html = await c.get(`/p/${p}`, { headers: { accept: 'text/html' } });
    expect(html.text).toContain('Does the job &lt;b&gt;well&lt;/b&gt;.');
  });

  run('shows sales figures to an admin only', async () => {
    const c = client(5);
    const { token, user } = await adminSession();
    expect(user.roles).toEqual(['admin']);
    const sales = await eventually('a confirmed order in the sales figures', async () => {
      const res = await c.get(`${API}/admin/sales`, { headers: bearer(token) });
      return res.status === 200 && res.json.total_orders > 0 ? res.json : undefined;
    });
    // Hour by hour over the last day: 24 hours, 25 when the day does not start on the hour.
    expect(sales.hours.length).toBeGreaterThanOrEqual(24);
    expect(sales.hours.length).toBeLessThanOrEqual(25);
    expect(sales.total_revenue).toEqual(expect.objectContaining({ currency_code: 'USD' }));
    const customer = await signUp(client(), 'nosy');
    expect((await c.get(`${API}/admin/sales`, { headers: bearer(customer.token) })).status).toBe(403);
    expect((await client().get(`${API}/admin/sales`)).status).toBe(401);
  });

  run('records UserRegistered in the user stream of the event store', async () => {
    const { user } = await signUp(client(), 'events');
    const recorded = await eventually('the user event in the event store', async () => {
      const list = await clientStore(events!).readStream(`user-${user.id}`);
      return list.length ? list : undefined;
    });
    const e = decodeEvent<{ type: string; data: { userId: string; email: string } }>(recorded[0]!);
    expect(e.type).toBe('mercato.gateway.v1.UserRegistered');
    expect(e.data).toMatchObject({ userId: user.id, email: user.email });
    expect(recorded[0]!.metadata['user-id']).toBe(user.id);
  });
});
