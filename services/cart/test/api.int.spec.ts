// The cart over real gRPC, with the real catalog and event store started in-process, on the
// embedded store and on PostgreSQL.
import { status } from '@grpc/grpc-js';
import { createServer } from 'node:net';
import { randomUUID } from 'node:crypto';
import { asUser, connect, generateSigningKeys, multiplyMoney, startService, testServiceEnv, TokenIssuer, toNanos, type KitClient, type RunningService } from '@mercato/kit';
import { testDatabaseIfAvailable } from '@mercato/db';
import { clientStore, handleCommand, type EventStorePort } from '@mercato/eventsourcing';
import { startTestEventStore, type TestEventStore } from '@mercato/eventstore';
import { catalogConfig, setupCatalog } from '@mercato/catalog';
import type { CartServiceDefinition } from '@mercato/protos/gen/mercato/cart/v1/CartService';
import type { CatalogServiceDefinition } from '@mercato/protos/gen/mercato/catalog/v1/CatalogService';
import type { Product__Output } from '@mercato/protos/gen/mercato/catalog/v1/Product';
import { cartConfig, setupCart } from '../src/service';
import { cartStream, mergeCommandIds } from '../src/api';
import { cartDecider } from '../src/domain/cart';

const CART = 'mercato.cart.v1.CartService';
const CATALOG = 'mercato.catalog.v1.CatalogService';
const LIMITS = { maxLines: 4, maxQuantity: 20 };
const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const as = (userId: string, roles: string[] = []) => asUser(issuer, userId, roles);

/** A port nothing listens on: the catalog of a cart that must find it down. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `127.0.0.1:${port}`;
}

const code = (c: status, message?: RegExp) => expect.objectContaining({ code: c, ...(message ? { message: expect.stringMatching(message) } : {}) });

describe.each(['pglite', 'postgres'] as const)('cart over gRPC on %s', (backend) => {
  let es: TestEventStore | undefined;
  let catalogService: RunningService<unknown> | undefined;
  let cartService: RunningService<unknown> | undefined;
  let blindCartService: RunningService<unknown> | undefined;
  let cart: KitClient<CartServiceDefinition>;
  let blindCart: KitClient<CartServiceDefinition>;
  let catalog: KitClient<CatalogServiceDefinition>;
  let store: EventStorePort;
  let products: Product__Output[] = [];
  const drops: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    let esUrl: string | undefined;
    let catalogUrl: string | undefined;
    if (backend === 'postgres') {
      const esDb = await testDatabaseIfAvailable('mercato_cart_es');
      if (!esDb) return;
      drops.push(esDb.drop);
      const catalogDb = (await testDatabaseIfAvailable('mercato_cart_catalog'))!;
      drops.push(catalogDb.drop);
      esUrl = esDb.url;
      catalogUrl = catalogDb.url;
    }
    es = await startTestEventStore({ ...(esUrl ? { databaseUrl: esUrl } : {}) });
    store = clientStore(es.client);
    catalogService = await startService('catalog', setupCatalog, { config: catalogConfig, env: testServiceEnv({ DATABASE_URL: catalogUrl, JWT_PUBLIC_KEY: keys.publicKey }) });
    const cartEnv = { EVENTSTORE_ADDR: es.address, JWT_PUBLIC_KEY: keys.publicKey, CART_MAX_LINES: String(LIMITS.maxLines), CART_MAX_QUANTITY: String(LIMITS.maxQuantity) };
    cartService = await startService('cart', setupCart, { config: cartConfig, env: testServiceEnv({ ...cartEnv, CATALOG_ADDR: `127.0.0.1:${catalogService.grpcPort}` }) });
    blindCartService = await startService('cart', setupCart, { config: cartConfig, env: testServiceEnv({ ...cartEnv, CATALOG_ADDR: await deadAddress() }) });
    cart = connect<CartServiceDefinition>(CART, `127.0.0.1:${cartService.grpcPort}`);
    blindCart = connect<CartServiceDefinition>(CART, `127.0.0.1:${blindCartService.grpcPort}`);
    catalog = connect<CatalogServiceDefinition>(CATALOG, `127.0.0.1:${catalogService.grpcPort}`);
    products = (await catalog.call('ListProducts', { page: { pageSize: 8 } })).products;
  });
  afterAll(async () => {
    cart?.close();
    blindCart?.close();
    catalog?.close();
    await blindCartService?.shutdown();
    await cartService?.shutdown();
    await catalogService?.shutdown();
    await es?.stop();
    for (const drop of drops) await drop();
  });
  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (es) await fn();
    });
  const product = (i: number): Product__Output => products[i]!;
  const eventTypes = async (cartId: string) => (await store.readStream(cartStream(cartId))).map((e) => e.type.replace('mercato.cart.v1.', ''));

  run('adds, changes, removes and clears lines, priced by the catalog', async () => {
    const [p0, p1, p2] = [product(0), product(1), product(2)];
    const alice = as('alice');
    let { cart: c } = await cart.call('AddItem', { cartId: 'alice', productId: p0.id, quantity: 2 }, alice);
    expect(c).toMatchObject({ cartId: 'alice', ownerId: 'alice', itemCount: 2, revision: '0' });
    expect(c!.items).toEqual([{ productId: p0.id, productName: p0.name, quantity: 2, unitPrice: p0.price, lineTotal: multiplyMoney(p0.price!, 2) }]);
    expect(c!.subtotal).toEqual(multiplyMoney(p0.price!, 2));
    expect(Number(c!.updateTime!.seconds)).toBeGreaterThan(0);

    ({ cart: c } = await cart.call('AddItem', { cartId: 'alice', productId: p1.id, quantity: 1 }, alice));
    ({ cart: c } = await cart.call('AddItem', { cartId: 'alice', productId: p0.id, quantity: 1 }, alice));
    expect(c!.items.map((i) => [i.productId, i.quantity])).toEqual([[p0.id, 3], [p1.id, 1]]);
    expect(toNanos(c!.subtotal!)).toBe(toNanos(p0.price!) * 3n + toNanos(p1.price!));
    expect(c!.revision).toBe('2');

    ({ cart: c } = await cart.call('UpdateItemQuantity', { cartId: 'alice', productId: p0.id, quantity: 5 }, alice));
    expect(c!.items[0]).toMatchObject({ productId: p0.id, quantity: 5 });

    // The catalog changes p1's price: the next change of the line takes the new one.
    const { product: full } = await catalog.call('GetProduct', { productId: p1.id });
    const newPrice = { currencyCode: full!.price!.currencyCode, units: String(Number(full!.price!.units) + 7), nanos: 250_000_000 };
    await catalog.call('UpsertProduct', { product: { ...full!, price: newPrice } }, as('root', ['admin']));
    ({ cart: c } = await cart.call('UpdateItemQuantity', { cartId: 'alice', productId: p1.id, quantity: 2 }, alice));
    expect(c!.items[1]).toMatchObject({ productId: p1.id, quantity: 2, unitPrice: newPrice, lineTotal: multiplyMoney(newPrice, 2) });

    ({ cart: c } = await cart.call('RemoveItem', { cartId: 'alice', productId: p0.id }, alice));
    const afterRemove = c!.revision;
    ({ cart: c } = await cart.call('RemoveItem', { cartId: 'alice', productId: p0.id }, alice));
    expect(c!.revision).toBe(afterRemove);
    ({ cart: c } = await cart.call('UpdateItemQuantity', { cartId: 'alice', productId: p1.id, quantity: 0 }, alice));
    expect(c!.items).toEqual([]);
    expect(c!.subtotal).toBeNull();

    await cart.call('AddItem', { cartId: 'alice', productId: p2.id, quantity: 4 }, alice);
    ({ cart: c } = await cart.call('ClearCart', { cartId: 'alice' }, alice));
    expect(c).toMatchObject({ items: [], itemCount: 0 });
    const cleared = c!.revision;
    ({ cart: c } = await cart.call('ClearCart', { cartId: 'alice' }, alice));
    expect(c!.revision).toBe(cleared);
    expect(await eventTypes('alice')).toEqual([
      'CartItemAdded', 'CartItemAdded', 'CartItemAdded', 'CartItemQuantityChanged', 'CartItemQuantityChanged',
      'CartItemRemoved', 'CartItemRemoved', 'CartItemAdded', 'CartCleared',
    ]);
    const { cart: got } = await cart.call('GetCart', { cartId: 'alice' }, alice);
    expect(got).toEqual(c);
  });

  run('answers an empty cart for a cart never written', async () => {
    await expect(cart.call('GetCart', { cartId: 'bob' }, as('bob'))).resolves.toMatchObject({ cart: { cartId: 'bob', ownerId: 'bob', items: [], itemCount: 0, revision: '0', subtotal: null } });
    const guest = randomUUID();
    await expect(cart.call('GetCart', { cartId: guest })).resolves.toMatchObject({ cart: { cartId: guest, ownerId: '', items: [] } });
  });

  run('answers NOT_FOUND naming an unknown product, writing nothing', async () => {
    await expect(cart.call('AddItem', { cartId: 'nobody', productId: 'NOPE-0042', quantity: 1 }, as('nobody'))).rejects.toEqual(code(status.NOT_FOUND, /NOPE-0042/));
    await expect(cart.call('UpdateItemQuantity', { cartId: 'nobody', productId: 'NOPE-0042', quantity: 1 }, as('nobody'))).rejects.toEqual(code(status.NOT_FOUND, /NOPE-0042/));
    expect(await eventTypes('nobody')).toEqual([]);
  });

  run('answers INVALID_ARGUMENT naming the field, writing nothing', async () => {
    const p = product(0).id;
    const ivan = as('ivan');
    const invalid = async (call: Promise<unknown>, field: RegExp) => expect(call).rejects.toEqual(code(status.INVALID_ARGUMENT, field));
    await invalid(cart.call('AddItem', { cartId: '', productId: p, quantity: 1 }, ivan), /^cart_id: is required/);
    await invalid(cart.call('AddItem', { cartId: 'ivan cart', productId: p, quantity: 1 }, ivan), /^cart_id: /);
    await invalid(cart.call('GetCart', { cartId: 'x'.repeat(129) }, ivan), /^cart_id: must be at most 128/);
    await invalid(cart.call('AddItem', { cartId: 'ivan', productId: '', quantity: 1 }, ivan), /^product_id: is required/);
    await invalid(cart.call('AddItem', { cartId: 'ivan', productId: 'no such id!', quantity: 1 }, ivan), /^product_id: /);
    await invalid(cart.call('AddItem', { cartId: 'ivan', productId: p, quantity: 0 }, ivan), /^quantity: must be at least 1/);
    await invalid(cart.call('AddItem', { cartId: 'ivan', productId: p, quantity: 21 }, ivan), /^quantity: must be at most 20/);
    await invalid(cart.call('UpdateItemQuantity', { cartId: 'ivan', productId: p, quantity: -1 }, ivan), /^quantity: must be at least 0/);
    await invalid(cart.call('RemoveItem', { cartId: 'ivan', productId: '../x' }, ivan), /^product_id: /);
    await invalid(cart.call('AddItem', { cartId: 'my-guest-cart', productId: p, quantity: 1 }), /^cart_id: a guest cart id must be a UUID/);
    await invalid(cart.call('MergeCarts', { guestCartId: 'not-a-uuid', cartId: 'ivan' }, ivan), /^guest_cart_id: must be a UUID/);
    const guest = randomUUID();
    await invalid(cart.call('MergeCarts', { guestCartId: guest, cartId: guest }, ivan), /^cart_id: must differ from guest_cart_id/);
    await invalid(cart.call('MergeCarts', { guestCartId: guest, cartId: '' }, ivan), /^cart_id: is required/);
    await expect(cart.call('MergeCarts', { guestCartId: guest, cartId: 'ivan' })).rejects.toEqual(code(status.UNAUTHENTICATED));
    expect(await eventTypes('ivan')).toEqual([]);
    expect(await eventTypes('my-guest-cart')).toEqual([]);
    expect(await eventTypes(guest)).toEqual([]);
  });

  run('refuses past the most lines and units a cart may hold', async () => {
    const judy = as('judy');
    await cart.call('AddItem', { cartId: 'judy', productId: product(0).id, quantity: 20 }, judy);
    await expect(cart.call('AddItem', { cartId: 'judy', productId: product(0).id, quantity: 1 }, judy)).rejects.toEqual(code(status.FAILED_PRECONDITION, /at most 20 of one product/));
    for (let i = 1; i < LIMITS.maxLines; i++) await cart.call('AddItem', { cartId: 'judy', productId: product(i).id, quantity: 1 }, judy);
    await expect(cart.call('AddItem', { cartId: 'judy', productId: product(LIMITS.maxLines).id, quantity: 1 }, judy)).rejects.toEqual(code(status.FAILED_PRECONDITION, /at most 4 different products/));
    expect(await eventTypes('judy')).toHaveLength(LIMITS.maxLines);
  });

  run('keeps a user\'s cart from other users and from anonymous callers', async () => {
    const p = product(0).id;
    await cart.call('AddItem', { cartId: 'kate', productId: p, quantity: 1 }, as('kate'));
    const leo = as('leo');
    const denied = code(status.PERMISSION_DENIED);
    await expect(cart.call('GetCart', { cartId: 'kate' }, leo)).rejects.toEqual(denied);
    await expect(cart.call('AddItem', { cartId: 'kate', productId: p, quantity: 1 }, leo)).rejects.toEqual(denied);
    await expect(cart.call('UpdateItemQuantity', { cartId: 'kate', productId: p, quantity: 3 }, leo)).rejects.toEqual(denied);
    await expect(cart.call('RemoveItem', { cartId: 'kate', productId: p }, leo)).rejects.toEqual(denied);
    await expect(cart.call('ClearCart', { cartId: 'kate' }, leo)).rejects.toEqual(denied);
    await expect(cart.call('GetCart', { cartId: 'kate' })).rejects.toEqual(code(status.UNAUTHENTICATED));
    await expect(cart.call('ClearCart', { cartId: 'kate' })).rejects.toEqual(code(status.UNAUTHENTICATED));
    // Nobody can claim another user's cart id before that user writes it.
    await expect(cart.call('AddItem', { cartId: 'mia', productId: p, quantity: 1 }, leo)).rejects.toEqual(denied);
    expect(await eventTypes('mia')).toEqual([]);
    expect(await eventTypes('kate')).toEqual(['CartItemAdded']);
    await expect(cart.call('GetCart', { cartId: 'kate' }, as('support', ['admin']))).resolves.toMatchObject({ cart: { ownerId: 'kate', itemCount: 1 } });
  });

  run('merges a guest cart into the user\'s cart on sign-in, once however often it is retried', async () => {
    const [p0, p1] = [product(0), product(1)];
    const guest = randomUUID();
    await cart.call('AddItem', { cartId: guest, productId: p0.id, quantity: 2 });
    await cart.call('AddItem', { cartId: guest, productId: p1.id, quantity: 1 });
    // Signed in, the shopper may still use the guest cart, which stays a guest cart.
    const { cart: g } = await cart.call('AddItem', { cartId: guest, productId: p1.id, quantity: 1 }, as('nina'));
    expect(g).toMatchObject({ ownerId: '', itemCount: 4 });
    const nina = as('nina');
    await cart.call('AddItem', { cartId: 'nina', productId: p0.id, quantity: 1 }, nina);

    const { cart: merged } = await cart.call('MergeCarts', { guestCartId: guest, cartId: 'nina' }, nina);
    expect(merged!.items.map((i) => [i.productId, i.quantity])).toEqual([[p0.id, 3], [p1.id, 2]]);
    expect(merged).toMatchObject({ ownerId: 'nina', itemCount: 5 });
    const again = await cart.call('MergeCarts', { guestCartId: guest, cartId: 'nina' }, nina);
    expect(again.cart).toEqual(merged);
    expect(await eventTypes('nina')).toEqual(['CartItemAdded', 'GuestCartMerged']);
    expect(await eventTypes(guest)).toEqual(['CartItemAdded', 'CartItemAdded', 'CartItemAdded', 'CartMergedInto']);

    // The guest cart is closed: it reads empty and refuses commands, from anyone.
    await expect(cart.call('GetCart', { cartId: guest })).resolves.toMatchObject({ cart: { items: [], ownerId: '' } });
    const closed = code(status.FAILED_PRECONDITION, /closed/);
    await expect(cart.call('AddItem', { cartId: guest, productId: p0.id, quantity: 1 })).rejects.toEqual(closed);
    await expect(cart.call('RemoveItem', { cartId: guest, productId: p0.id }, nina)).rejects.toEqual(closed);
    await expect(cart.call('ClearCart', { cartId: guest })).rejects.toEqual(closed);
    // Nor can it be merged a second time into another user's cart.
    await expect(cart.call('MergeCarts', { guestCartId: guest, cartId: 'oscar' }, as('oscar'))).rejects.toEqual(code(status.FAILED_PRECONDITION, /^guest_cart_id: .*already merged/));
    expect(await eventTypes('oscar')).toEqual([]);
  });

  run('refuses to merge into a cart the caller does not own, before closing the guest cart', async () => {
    const guest = randomUUID();
    await cart.call('AddItem', { cartId: guest, productId: product(0).id, quantity: 1 });
    await cart.call('AddItem', { cartId: 'paul', productId: product(1).id, quantity: 1 }, as('paul'));
    await expect(cart.call('MergeCarts', { guestCartId: guest, cartId: 'paul' }, as('quinn'))).rejects.toEqual(code(status.PERMISSION_DENIED));
    await expect(cart.call('MergeCarts', { guestCartId: guest, cartId: 'rita' }, as('quinn'))).rejects.toEqual(code(status.PERMISSION_DENIED));
    expect(await eventTypes(guest)).toEqual(['CartItemAdded']);
  });

  run('completes a merge interrupted between its two appends', async () => {
    const guest = randomUUID();
    await cart.call('AddItem', { cartId: guest, productId: product(2).id, quantity: 3 });
    // The guest half as the service writes it, as if the process died right after.
    const command = { type: 'CloseIntoCart' as const, data: { cartId: guest, targetCartId: 'sam', actor: { userId: 'sam', admin: false }, now: new Date() } };
    await handleCommand(store, cartDecider(LIMITS), cartStream(guest), command, { commandId: mergeCommandIds(guest, 'sam').close });
    await expect(cart.call('GetCart', { cartId: 'sam' }, as('sam'))).resolves.toMatchObject({ cart: { items: [] } });

    const { cart: merged } = await cart.call('MergeCarts', { guestCartId: guest, cartId: 'sam' }, as('sam'));
    expect(merged!.items).toEqual([expect.objectContaining({ productId: product(2).id, quantity: 3 })]);
    expect(await eventTypes(guest)).toEqual(['CartItemAdded', 'CartMergedInto']);
    expect(await eventTypes('sam')).toEqual(['GuestCartMerged']);
  });

  run('fails UNAVAILABLE when the catalog is down, writing nothing', async () => {
    const tom = as('tom');
    const unavailable = code(status.UNAVAILABLE, /catalog/);
    await expect(blindCart.call('AddItem', { cartId: 'tom', productId: product(0).id, quantity: 1 }, tom)).rejects.toEqual(unavailable);
    expect(await eventTypes('tom')).toEqual([]);
    await cart.call('AddItem', { cartId: 'tom', productId: product(0).id, quantity: 1 }, tom);
    await expect(blindCart.call('UpdateItemQuantity', { cartId: 'tom', productId: product(0).id, quantity: 2 }, tom)).rejects.toEqual(unavailable);
    // Removing needs no prices.
    await expect(blindCart.call('UpdateItemQuantity', { cartId: 'tom', productId: product(0).id, quantity: 0 }, tom)).resolves.toMatchObject({ cart: { items: [] } });
    const guest = randomUUID();
    await cart.call('AddItem', { cartId: guest, productId: product(1).id, quantity: 1 });
    await expect(blindCart.call('MergeCarts', { guestCartId: guest, cartId: 'tom' }, tom)).rejects.toEqual(unavailable);
    expect(await eventTypes(guest)).toEqual(['CartItemAdded']);
    expect(await eventTypes('tom')).toEqual(['CartItemAdded', 'CartItemRemoved']);
  });

  run('lands every one of many concurrent adds to one cart', async () => {
    const uma = as('uma');
    const n = 12;
    await Promise.all(Array.from({ length: n }, (_, i) => cart.call('AddItem', { cartId: 'uma', productId: product(i % 2).id, quantity: 1 }, uma)));
    const { cart: c } = await cart.call('GetCart', { cartId: 'uma' }, uma);
    expect(c!.items.map((i) => i.quantity)).toEqual([n / 2, n / 2]);
    expect(c!.revision).toBe(String(n - 1));
    expect((await store.readStream(cartStream('uma'))).map((e) => e.revision)).toEqual(Array.from({ length: n }, (_, i) => BigInt(i)));
  });
});
