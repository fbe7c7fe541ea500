// The recommendations service over real gRPC, learning from a real event store and reading a real
// catalog, on the embedded database and on PostgreSQL: what it learns from cart and order events,
// who may ask, the snapshot a restart loads (and the catch-up after it, exactly once), and the
// degraded answers while the catalog is down.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { catalogConfig, setupCatalog } from '@mercato/catalog';
import { testDatabaseIfAvailable } from '@mercato/db';
import { encodeEvent } from '@mercato/eventsourcing';
import { startTestEventStore, type TestEventStore } from '@mercato/eventstore';
import { asUser, checkHealth, connect, generateSigningKeys, listServices, moneyFromCents, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import type { RecommendationsServiceDefinition } from '@mercato/protos/gen/mercato/recommendations/v1/RecommendationsService';
import type { Recommendation__Output } from '@mercato/protos/gen/mercato/recommendations/v1/Recommendation';
import { RECOMMENDATIONS_SERVICE, recommendationsConfig, setupRecommendations, type RecommendationsConfig } from '../src';

const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const as = (userId: string) => asUser(issuer, userId);
const admin = () => asUser(issuer, 'root', ['admin']);

const TENT = 'OUT-0001';
const SLEEPING_BAG = 'OUT-0002';
const HEADLAMP = 'OUT-0003';
const POLES = 'OUT-0004';
const STOVE = 'OUT-0005';
const NEW_TENT = 'OUT-0006'; // nobody has bought or carted it: cold start
const GRINDER = 'COF-0002';
const KETTLE = 'COF-0003';
const BEANS = 'COF-0004';

interface Draft {
  stream: string;
  type: string;
  data: object;
}

const at = { seconds: '1741600000', nanos: 0 };
const price = moneyFromCents(2500, 'USD');

const cartAdd = (cartId: string, ownerId: string, productId: string): Draft => ({
  stream: `cart-${cartId}`,
  type: 'mercato.cart.v1.CartItemAdded',
  data: { cartId, ownerId, productId, productName: productId, quantity: 1, unitPrice: price, eventTime: at },
});
const cartRemove = (cartId: string, ownerId: string, productId: string): Draft => ({ stream: `cart-${cartId}`, type: 'mercato.cart.v1.CartItemRemoved', data: { cartId, ownerId, productId, eventTime: at } });

/** A signed-in user's cart filled and checked out, as the cart and orders services write it. */
function checkout(orderId: string, userId: string, productIds: string[], outcome: 'confirmed' | 'failed'): Draft[] {
  const order = (type: string, data: object): Draft => ({ stream: `order-${orderId}`, type: `mercato.orders.v1.${type}`, data: { orderId, customerId: userId, ...data, eventTime: at } });
  const lines = productIds.map((productId) => ({ productId, productName: productId, quantity: 1, unitPrice: price, lineTotal: price }));
  return [
    ...productIds.map((p) => cartAdd(userId, userId, p)),
    order('OrderPlaced', { cartId: userId, idempotencyKey: randomUUID(), email: `${userId}@example.com` }), // not consumed: filtered out
    order('OrderPriced', { lines, subtotal: price, shippingCost: price, total: price }),
    outcome === 'confirmed' ? order('OrderConfirmed', { total: price }) : order('OrderFailed', { step: 'SAGA_STEP_AUTHORIZE_PAYMENT', reason: 'FAILURE_REASON_PAYMENT_DECLINED', message: 'declined' }),
    { stream: `cart-${userId}`, type: 'mercato.cart.v1.CartCleared', data: { cartId: userId, ownerId: userId, orderId, eventTime: at } }, // not consumed
  ];
}

function scenario(): Draft[] {
  return [
    ...checkout('o-ann-1', 'ann', [TENT, SLEEPING_BAG], 'confirmed'),
    ...checkout('o-bob-1', 'bob', [TENT, SLEEPING_BAG, HEADLAMP], 'confirmed'),
    ...checkout('o-cid-1', 'cid', [GRINDER, BEANS], 'confirmed'),
    ...checkout('o-dee-1', 'dee', [GRINDER, BEANS], 'confirmed'),
    ...checkout('o-eve-1', 'eve', [TENT, GRINDER], 'failed'),
    cartAdd('guest-1', '', TENT),
    cartAdd('guest-1', '', STOVE),
    cartAdd('fay', 'fay', POLES),
    cartRemove('fay', 'fay', POLES),
    {
      stream: 'cart-gus',
      type: 'mercato.cart.v1.GuestCartMerged',
      data: { cartId: 'gus', ownerId: 'gus', guestCartId: 'guest-2', items: [{ productId: KETTLE, productName: KETTLE, quantity: 1, unitPrice: price }], eventTime: at },
    },
  ];
}

const CONSUMED_TYPES = new Set(['CartItemAdded', 'CartItemQuantityChanged', 'CartItemRemoved', 'GuestCartMerged', 'OrderPriced', 'OrderConfirmed', 'OrderFailed']);
const consumed = (drafts: Draft[]): number => drafts.filter((d) => CONSUMED_TYPES.has(d.type.split('.').pop()!)).length;

async function append(store: TestEventStore, drafts: Draft[]): Promise<void> {
  for (const d of drafts) {
    const e = encodeEvent({ type: d.type, data: d.data }, randomUUID(), { 'correlation-id': d.stream });
    await store.client.append({ stream: d.stream, expectedRevision: { any: {} }, events: [{ id: e.id, type: e.type, data: Buffer.from(e.data), metadata: e.metadata, contentType: e.contentType ?? '' }] });
  }
}

/** An OrderPriced whose bytes are not protobuf: the model must skip it, not stop. */
async function appendBroken(store: TestEventStore): Promise<void> {
  await store.client.append({ stream: 'order-broken', expectedRevision: { any: {} }, events: [{ id: randomUUID(), type: 'mercato.orders.v1.OrderPriced', data: Buffer.from([0xff, 0xff, 0xff, 0xff]), metadata: {}, contentType: 'application/x-protobuf' }] });
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A local address where nothing listens. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `127.0.0.1:${port}`;
}

/** The value of a Prometheus series whose labels include `labels`; 0 when absent. */
async function metric(svc: RunningService<unknown>, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${svc.metricsPort}/metrics`)).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = new Map([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1]!, x[2]!]));
    if (Object.entries(labels).every(([k, v]) => have.get(k) === v)) sum += Number(m[3]);
  }
  return sum;
}

const pairs = (recs: Recommendation__Output[]): Array<[string, string]> => recs.map((r) => [r.productId, r.strategy]);

describe.each(['pglite', 'postgres'] as const)('recommendations over gRPC on %s', (backend) => {
  let store: TestEventStore | undefined;
  let catalog: RunningService<unknown> | undefined;
  let svc: RunningService<RecommendationsConfig> | undefined;
  let client: KitClient<RecommendationsServiceDefinition> | undefined;
  const drops: Array<() => Promise<void>> = [];
  let ownDb: Record<string, string> = {};
  let expectedVersion = 0;

  async function start(extra: Record<string, string> = {}): Promise<void> {
    client?.close();
    await svc?.shutdown();
    svc = await startService('recommendations', setupRecommendations, {
      config: recommendationsConfig,
      env: testServiceEnv({ JWT_PUBLIC_KEY: keys.publicKey, EVENTSTORE_ADDR: store!.address, CATALOG_ADDR: `127.0.0.1:${catalog!.grpcPort}`, RECOMMENDATIONS_SNAPSHOT_EVERY: '5', ...ownDb, ...extra }),
    });
    client = connect<RecommendationsServiceDefinition>(RECOMMENDATIONS_SERVICE, `127.0.0.1:${svc.grpcPort}`);
  }

  const version = async (): Promise<string> => (await client!.call('Recommend', {})).modelVersion;
  const caughtUp = async (): Promise<boolean> => (await metric(svc!, 'mercato_recommendations_model_live')) === 1;

  beforeAll(async () => {
    let storeUrl: string | undefined;
    if (backend === 'postgres') {
      const esDb = await testDatabaseIfAvailable('mercato_recs_es');
      const recDb = await testDatabaseIfAvailable('mercato_recs');
      if (!esDb || !recDb) return;
      drops.push(esDb.drop, recDb.drop);
      storeUrl = esDb.url;
      ownDb = { DATABASE_URL: recDb.url };
    } else {
      // On disk, so a restart finds its snapshot.
      const dir = await mkdtemp(join(tmpdir(), 'mercato-recs-'));
      drops.push(() => rm(dir, { recursive: true, force: true }));
      ownDb = { DATA_DIR: dir };
    }
    store = await startTestEventStore(storeUrl ? { databaseUrl: storeUrl } : {});
    catalog = await startService('catalog', setupCatalog, { config: catalogConfig, env: testServiceEnv() });
    await start();
  });

  afterAll(async () => {
    client?.close();
    await svc?.shutdown();
    await catalog?.shutdown();
    await store?.stop();
    for (const drop of drops.reverse()) await drop();
  });

  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (store) await fn();
    });

  run('is SERVING and describes itself through reflection', async () => {
    const address = `127.0.0.1:${svc!.grpcPort}`;
    await expect(checkHealth(address, '', 10_000)).resolves.toBe('SERVING');
    await expect(listServices(address, 10_000)).resolves.toEqual([RECOMMENDATIONS_SERVICE]);
  });

  run('learns every consumed cart and order event, skipping an unreadable one', async () => {
    const drafts = scenario();
    await append(store!, drafts);
    await appendBroken(store!);
    expectedVersion = consumed(drafts);
    await waitUntil('the model to apply the scenario', async () => (await version()) === `1.${expectedVersion}` && (await caughtUp()));
    // The catalog read runs alongside; the content-similarity answers below need it.
    await waitUntil('the catalog read', async () => (await metric(svc!, 'mercato_recommendations_content_degraded')) === 0);
    expect(await metric(svc!, 'mercato_recommendations_events_total', { outcome: 'skipped' })).toBe(1);
    expect(await metric(svc!, 'mercato_recommendations_events_total', { outcome: 'applied' })).toBe(expectedVersion);
  });

  run('answers "bought together" from confirmed orders, then carts, then content; never from a failed order', async () => {
    const { recommendations, modelVersion } = await client!.call('BoughtTogether', { productId: TENT, limit: 10 });
    expect(modelVersion).toBe(`1.${expectedVersion}`);
    expect(pairs(recommendations).slice(0, 2)).toEqual([
      [SLEEPING_BAG, 'STRATEGY_BOUGHT_TOGETHER'],
      [HEADLAMP, 'STRATEGY_BOUGHT_TOGETHER'],
    ]);
    const grinder = recommendations.find((r) => r.productId === GRINDER);
    expect(grinder?.strategy).toBe('STRATEGY_ITEM_TO_ITEM'); // eve carted them together; her order failed
    expect(recommendations.find((r) => r.productId === STOVE)?.strategy).toBe('STRATEGY_ITEM_TO_ITEM');
    expect(recommendations.map((r) => r.productId)).not.toContain(TENT);
    expect(recommendations.some((r) => r.strategy === 'STRATEGY_CONTENT_SIMILARITY')).toBe(true);
    // The default limit is 5.
    expect((await client!.call('BoughtTogether', { productId: TENT })).recommendations).toHaveLength(5);
  });

  run('recommends from a user’s own history, only to that user (or an admin)', async () => {
    const mine = await client!.call('Recommend', { userId: 'ann', limit: 5 }, as('ann'));
    expect(pairs(mine.recommendations)[0]).toEqual([HEADLAMP, 'STRATEGY_PERSONAL']);
    expect(mine.recommendations.map((r) => r.productId)).not.toContain(TENT);
    expect(mine.recommendations.map((r) => r.productId)).not.toContain(SLEEPING_BAG);
    await expect(client!.call('Recommend', { userId: 'ann' })).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(client!.call('Recommend', { userId: 'ann' }, as('bob'))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    await expect(client!.call('Recommend', { userId: 'ann', limit: 5 }, admin())).resolves.toEqual(mine);
  });

  run('serves guests: what goes with the product in view, popularity with nothing in view, content for a new product', async () => {
    const withGrinder = await client!.call('Recommend', { contextProductId: GRINDER, limit: 5 });
    expect(pairs(withGrinder.recommendations)[0]).toEqual([BEANS, 'STRATEGY_ITEM_TO_ITEM']);
    const popular = await client!.call('Recommend', { limit: 3 });
    expect(pairs(popular.recommendations)[0]).toEqual([TENT, 'STRATEGY_POPULARITY']);
    const cold = await client!.call('Recommend', { contextProductId: NEW_TENT, limit: 3, excludeProductIds: [TENT] });
    expect(cold.recommendations[0]!.strategy).toBe('STRATEGY_CONTENT_SIMILARITY');
    expect(cold.recommendations[0]!.productId).toMatch(/^OUT-/);
    expect(cold.recommendations.map((r) => r.productId)).not.toContain(TENT);
    expect(cold.recommendations.map((r) => r.productId)).not.toContain(NEW_TENT);
  });

  run('answers NOT_FOUND for a product the catalog does not have, INVALID_ARGUMENT naming the field', async () => {
    await expect(client!.call('BoughtTogether', { productId: 'NOPE-0000' })).rejects.toMatchObject({ code: status.NOT_FOUND, details: expect.stringMatching(/^product_id: /) });
    await expect(client!.call('Recommend', { contextProductId: 'NOPE-0000' })).rejects.toMatchObject({ code: status.NOT_FOUND, details: expect.stringMatching(/^context_product_id: /) });
    await expect(client!.call('Recommend', { limit: 51 })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^limit: /) });
    await expect(client!.call('Recommend', { excludeProductIds: ['OK-1', 'not ok'] })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^exclude_product_ids\[1\]: /) });
    await expect(client!.call('BoughtTogether', { productId: '' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^product_id: /) });
    await expect(checkHealth(`127.0.0.1:${svc!.grpcPort}`, '', 10_000)).resolves.toBe('SERVING');
  });

  run('reports which source served, and snapshots every RECOMMENDATIONS_SNAPSHOT_EVERY events', async () => {
    expect(await metric(svc!, 'mercato_recommendations_served_total', { method: 'Recommend', source: 'model' })).toBeGreaterThan(0);
    expect(await metric(svc!, 'mercato_recommendations_served_total', { method: 'Recommend', source: 'popularity' })).toBeGreaterThan(0);
    expect(await metric(svc!, 'mercato_recommendations_served_total', { method: 'Recommend', source: 'content' })).toBeGreaterThan(0);
    expect(await metric(svc!, 'mercato_recommendations_items_total', { strategy: 'bought_together' })).toBeGreaterThan(0);
    // Every 5 events (the unreadable one counts towards the position too).
    expect(await metric(svc!, 'mercato_recommendations_snapshots_total', { outcome: 'saved' })).toBeGreaterThanOrEqual(Math.floor((expectedVersion + 1) / 5));
    expect(await metric(svc!, 'mercato_recommendations_content_degraded')).toBe(0);
    expect(await metric(svc!, 'mercato_recommendations_model_size', { kind: 'users' })).toBeGreaterThan(0);
  });

  run('restarts from its snapshot: the same model answers even while the event store is away', async () => {
    const before = await client!.call('Recommend', { userId: 'ann', limit: 5 }, as('ann'));
    await start({ EVENTSTORE_ADDR: await deadAddress() });
    expect(await metric(svc!, 'mercato_recommendations_snapshots_total', { outcome: 'loaded' })).toBe(1);
    expect(await version()).toBe(`1.${expectedVersion}`);
    // Content similarity comes with the catalog read, which runs alongside: wait for it to compare whole answers.
    await waitUntil('the catalog read', async () => (await metric(svc!, 'mercato_recommendations_content_degraded')) === 0);
    await expect(client!.call('Recommend', { userId: 'ann', limit: 5 }, as('ann'))).resolves.toEqual(before);
    expect(await caughtUp()).toBe(false);
  });

  run('resumes after the snapshot’s position: new events count, old ones are not counted twice', async () => {
    const more = checkout('o-hal-1', 'hal', [TENT, HEADLAMP], 'confirmed');
    await append(store!, more);
    await start();
    expectedVersion += consumed(more);
    await waitUntil('the model to catch up', caughtUp);
    expect(await version()).toBe(`1.${expectedVersion}`);
    expect(await metric(svc!, 'mercato_recommendations_events_total', { outcome: 'applied' })).toBe(consumed(more));
    const { recommendations } = await client!.call('BoughtTogether', { productId: TENT, limit: 2 });
    // Headlamp now went with the tent in two orders, like the sleeping bag: a tie broken by id.
    expect(recommendations.map((r) => r.productId).sort()).toEqual([SLEEPING_BAG, HEADLAMP].sort());
    expect(recommendations[0]!.score).toBeCloseTo(recommendations[1]!.score, 9);
  });

  run('degrades while the catalog is down: behaviour and popularity still answer, content does not', async () => {
    await start({ CATALOG_ADDR: await deadAddress() });
    await waitUntil('the model to catch up', caughtUp);
    await waitUntil('the catalog load to fail', async () => (await metric(svc!, 'mercato_recommendations_content_degraded')) === 1);
    const withGrinder = await client!.call('Recommend', { contextProductId: GRINDER, limit: 5 });
    expect(pairs(withGrinder.recommendations)[0]).toEqual([BEANS, 'STRATEGY_ITEM_TO_ITEM']);
    expect(withGrinder.recommendations.every((r) => r.strategy !== 'STRATEGY_CONTENT_SIMILARITY')).toBe(true);
    // A product only the catalog could vouch for: not refused, answered from popularity.
    const cold = await client!.call('Recommend', { contextProductId: NEW_TENT, limit: 3 });
    expect(cold.recommendations.length).toBe(3);
    expect(cold.recommendations.every((r) => r.strategy === 'STRATEGY_POPULARITY')).toBe(true);
    const together = await client!.call('BoughtTogether', { productId: TENT, limit: 10 });
    expect(together.recommendations.every((r) => r.strategy !== 'STRATEGY_CONTENT_SIMILARITY')).toBe(true);
    expect(together.recommendations[0]!.strategy).toBe('STRATEGY_BOUGHT_TOGETHER');
  });
});
