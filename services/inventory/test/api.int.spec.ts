// The inventory over real gRPC, against a real event store on PGlite and on PostgreSQL.
import { status } from '@grpc/grpc-js';
import { loadSeed } from '@mercato/catalog';
import { asUser, checkHealth, connect, generateSigningKeys, listServices, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import type { InventoryServiceDefinition } from '@mercato/protos/gen/mercato/inventory/v1/InventoryService';
import { INITIAL_STOCK_ID, INVENTORY_SERVICE, reservationStream, stockStream, type InventoryConfig } from '../src';
import { BACKENDS, eventCounts, foldedStock, openEventStore, startInventory, type EventStoreFixture } from './support';

const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const admin = asUser(issuer, 'root', ['admin']);

describe.each(BACKENDS)('inventory over gRPC on %s', (backend) => {
  let fx: EventStoreFixture | undefined;
  let svc: RunningService<InventoryConfig> | undefined;
  let client: KitClient<InventoryServiceDefinition>;

  beforeAll(async () => {
    fx = await openEventStore(backend);
    if (!fx) return;
    svc = await startInventory(fx.es.address, { JWT_PUBLIC_KEY: keys.publicKey, INVENTORY_INITIAL_STOCK: '0' });
    client = connect<InventoryServiceDefinition>(INVENTORY_SERVICE, `127.0.0.1:${svc.grpcPort}`);
  });
  afterAll(async () => {
    client?.close();
    await svc?.shutdown();
    await fx?.close();
  });
  const run = (name: string, fn: (fx: EventStoreFixture) => Promise<void>) =>
    it(name, async () => {
      if (fx && svc) await fn(fx);
    });

  const lines = (...l: Array<[string, number]>) => l.map(([productId, quantity]) => ({ productId, quantity: String(quantity) }));
  const replenish = (replenishmentId: string, ...l: Array<[string, number]>) => client.call('Replenish', { replenishmentId, lines: lines(...l) }, admin);
  const reserve = async (orderId: string, ...l: Array<[string, number]>) => (await client.call('ReserveStock', { orderId, lines: lines(...l) })).reservation!;
  const release = async (orderId: string) => (await client.call('ReleaseStock', { orderId })).reservation!;
  const commit = async (orderId: string) => (await client.call('CommitStock', { orderId })).reservation!;
  const stock = async (...ids: string[]) => {
    const { levels } = await client.call('GetStock', { productIds: ids });
    return Object.fromEntries(levels.map((l) => [l.productId, { onHand: Number(l.onHand), reserved: Number(l.reserved), available: Number(l.available) }]));
  };
  const streams = (orderId: string, ...products: string[]) => [reservationStream(orderId), ...products.map(stockStream)];

  run('is SERVING and describes itself through reflection', async () => {
    const address = `127.0.0.1:${svc!.grpcPort}`;
    await expect(checkHealth(address)).resolves.toBe('SERVING');
    await expect(listServices(address)).resolves.toEqual([INVENTORY_SERVICE]);
  });

  run('answers zero for products it never stocked (no seed when INVENTORY_INITIAL_STOCK is 0)', async () => {
    const { levels } = await client.call('GetStock', { productIds: ['APP-0001', 'NEVER-1'] });
    expect(levels).toEqual([
      { productId: 'APP-0001', onHand: '0', reserved: '0', available: '0', revision: '0' },
      { productId: 'NEVER-1', onHand: '0', reserved: '0', available: '0', revision: '0' },
    ]);
  });

  run('replenishes for admins only, once per replenishment id', async () => {
    const req = { replenishmentId: 'delivery-1', lines: lines(['R-A', 5], ['R-B', 2], ['R-A', 1]) };
    await expect(client.call('Replenish', req)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
    await expect(client.call('Replenish', req, asUser(issuer, 'u-1'))).rejects.toMatchObject({ code: status.PERMISSION_DENIED });
    const first = await client.call('Replenish', req, admin);
    expect(first.levels).toEqual([
      { productId: 'R-A', onHand: '6', reserved: '0', available: '6', revision: '0' },
      { productId: 'R-B', onHand: '2', reserved: '0', available: '2', revision: '0' },
    ]);
    await expect(client.call('Replenish', req, admin)).resolves.toEqual(first);
    await replenish('delivery-2', ['R-A', 4]);
    expect(await stock('R-A', 'R-B')).toEqual({ 'R-A': { onHand: 10, reserved: 0, available: 10 }, 'R-B': { onHand: 2, reserved: 0, available: 2 } });
  });

  run('reserves every line, then commits: on hand and reserved both drop, once', async ({ store }) => {
    await replenish('c-in', ['C-A', 10], ['C-B', 5]);
    const r = await reserve('order-c1', ['C-B', 2], ['C-A', 3], ['C-A', 1]);
    expect(r).toEqual({ orderId: 'order-c1', status: 'RESERVATION_STATUS_RESERVED', lines: lines(['C-A', 4], ['C-B', 2]), shortages: [] });
    expect(await stock('C-A', 'C-B')).toEqual({ 'C-A': { onHand: 10, reserved: 4, available: 6 }, 'C-B': { onHand: 5, reserved: 2, available: 3 } });

    expect(await commit('order-c1')).toMatchObject({ status: 'RESERVATION_STATUS_COMMITTED', lines: lines(['C-A', 4], ['C-B', 2]) });
    expect(await stock('C-A', 'C-B')).toEqual({ 'C-A': { onHand: 6, reserved: 0, available: 6 }, 'C-B': { onHand: 3, reserved: 0, available: 3 } });
    const written = await eventCounts(store, streams('order-c1', 'C-A', 'C-B'));
    expect(await commit('order-c1')).toMatchObject({ status: 'RESERVATION_STATUS_COMMITTED' });
    expect(await reserve('order-c1', ['C-A', 4], ['C-B', 2])).toMatchObject({ status: 'RESERVATION_STATUS_COMMITTED' });
    await expect(client.call('ReleaseStock', { orderId: 'order-c1' })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await eventCounts(store, streams('order-c1', 'C-A', 'C-B'))).toEqual(written);
  });

  run('releases a reservation once; a late reserve or commit of it changes nothing', async ({ store }) => {
    await replenish('l-in', ['L-A', 3]);
    await reserve('order-l1', ['L-A', 3]);
    expect(await stock('L-A')).toEqual({ 'L-A': { onHand: 3, reserved: 3, available: 0 } });
    expect(await release('order-l1')).toEqual({ orderId: 'order-l1', status: 'RESERVATION_STATUS_RELEASED', lines: lines(['L-A', 3]), shortages: [] });
    expect(await stock('L-A')).toEqual({ 'L-A': { onHand: 3, reserved: 0, available: 3 } });

    const written = await eventCounts(store, streams('order-l1', 'L-A'));
    expect(await release('order-l1')).toMatchObject({ status: 'RESERVATION_STATUS_RELEASED' });
    expect(await reserve('order-l1', ['L-A', 3])).toMatchObject({ status: 'RESERVATION_STATUS_RELEASED' });
    await expect(client.call('CommitStock', { orderId: 'order-l1' })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await eventCounts(store, streams('order-l1', 'L-A'))).toEqual(written);
    expect(await stock('L-A')).toEqual({ 'L-A': { onHand: 3, reserved: 0, available: 3 } });
  });

  run('is all or nothing: a short line reserves nothing anywhere, and a retry stays REJECTED after stock arrives', async ({ store }) => {
    await replenish('n-in', ['N-A', 10], ['N-B', 1]);
    const r = await reserve('order-n1', ['N-A', 2], ['N-B', 3], ['N-C', 1]);
    expect(r).toEqual({
      orderId: 'order-n1',
      status: 'RESERVATION_STATUS_REJECTED',
      lines: lines(['N-A', 2], ['N-B', 3], ['N-C', 1]),
      shortages: [
        { productId: 'N-B', requested: '3', available: '1' },
        { productId: 'N-C', requested: '1', available: '0' },
      ],
    });
    expect(await stock('N-A', 'N-B', 'N-C')).toEqual({
      'N-A': { onHand: 10, reserved: 0, available: 10 },
      'N-B': { onHand: 1, reserved: 0, available: 1 },
      'N-C': { onHand: 0, reserved: 0, available: 0 },
    });
    // The line after the refused one was never touched.
    expect((await foldedStock(store, 'N-C')).events).toBe(0);

    await replenish('n-more', ['N-B', 10], ['N-C', 10]);
    const written = await eventCounts(store, streams('order-n1', 'N-A', 'N-B', 'N-C'));
    expect(await reserve('order-n1', ['N-A', 2], ['N-B', 3], ['N-C', 1])).toEqual(r);
    expect(await release('order-n1')).toMatchObject({ status: 'RESERVATION_STATUS_RELEASED', shortages: [] });
    await expect(client.call('CommitStock', { orderId: 'order-n1' })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await eventCounts(store, streams('order-n1', 'N-A', 'N-B', 'N-C'))).toEqual(written);
    expect(await stock('N-A', 'N-B')).toEqual({ 'N-A': { onHand: 10, reserved: 0, available: 10 }, 'N-B': { onHand: 11, reserved: 0, available: 11 } });
  });

  run('answers a retry with the first outcome, writing nothing; other lines under the same order are refused', async ({ store }) => {
    await replenish('i-in', ['I-A', 5], ['I-B', 5]);
    const first = await reserve('order-i1', ['I-A', 1], ['I-B', 2]);
    const written = await eventCounts(store, streams('order-i1', 'I-A', 'I-B'));
    await expect(reserve('order-i1', ['I-B', 2], ['I-A', 1])).resolves.toEqual(first);
    await expect(Promise.all([reserve('order-i1', ['I-A', 1], ['I-B', 2]), reserve('order-i1', ['I-A', 1], ['I-B', 2])])).resolves.toEqual([first, first]);
    await expect(client.call('ReserveStock', { orderId: 'order-i1', lines: lines(['I-A', 2], ['I-B', 2]) })).rejects.toMatchObject({ code: status.FAILED_PRECONDITION });
    expect(await eventCounts(store, streams('order-i1', 'I-A', 'I-B'))).toEqual(written);
    expect(await stock('I-A', 'I-B')).toEqual({ 'I-A': { onHand: 5, reserved: 1, available: 4 }, 'I-B': { onHand: 5, reserved: 2, available: 3 } });
  });

  run('answers RELEASED for an order that holds nothing, writing nothing; committing it is NOT_FOUND', async ({ store }) => {
    expect(await release('order-nothing')).toEqual({ orderId: 'order-nothing', status: 'RESERVATION_STATUS_RELEASED', lines: [], shortages: [] });
    expect(await release('order-nothing')).toMatchObject({ status: 'RESERVATION_STATUS_RELEASED' });
    await expect(client.call('CommitStock', { orderId: 'order-nothing' })).rejects.toMatchObject({ code: status.NOT_FOUND });
    expect(await eventCounts(store, [reservationStream('order-nothing')])).toEqual([0]);
  });

  run('never oversells: 20 orders race for 10 units', async ({ store }) => {
    await replenish('race-in', ['HOT-1', 10]);
    const outcomes = await Promise.all(Array.from({ length: 20 }, (_, i) => reserve(`race-${i}`, ['HOT-1', 1])));
    const count = (s: string) => outcomes.filter((r) => r.status === s).length;
    expect([count('RESERVATION_STATUS_RESERVED'), count('RESERVATION_STATUS_REJECTED')]).toEqual([10, 10]);
    for (const r of outcomes.filter((o) => o.status === 'RESERVATION_STATUS_REJECTED')) expect(r.shortages).toEqual([{ productId: 'HOT-1', requested: '1', available: '0' }]);
    expect(await stock('HOT-1')).toEqual({ 'HOT-1': { onHand: 10, reserved: 10, available: 0 } });
    // 1 replenishment + 10 reservations + 10 rejections, and the level is their fold.
    expect(await foldedStock(store, 'HOT-1')).toEqual({ onHand: 10, reserved: 10, events: 21 });
  });

  run('answers INVALID_ARGUMENT naming the field, and writes nothing', async ({ store }) => {
    const bad = async (method: 'ReserveStock' | 'GetStock' | 'Replenish' | 'ReleaseStock', req: object, field: RegExp) =>
      expect(client.call(method as 'ReserveStock', req as never, admin)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(field) });
    const ok = lines(['V-A', 1]);
    await bad('ReserveStock', { orderId: '', lines: ok }, /^order_id: is required/);
    await bad('ReserveStock', { orderId: 'x'.repeat(129), lines: ok }, /^order_id: /);
    await bad('ReserveStock', { orderId: 'o/../x', lines: ok }, /^order_id: /);
    await bad('ReserveStock', { orderId: 'order-v1', lines: [] }, /^lines: must have at least 1 item/);
    await bad('ReserveStock', { orderId: 'order-v1', lines: Array.from({ length: 101 }, (_, i) => ({ productId: `V-${i}`, quantity: '1' })) }, /^lines: must have at most 100/);
    await bad('ReserveStock', { orderId: 'order-v1', lines: lines(['V-A', 1], ['V-B', 1], ['V-C', 0]) }, /^lines\[2\]\.quantity: must be at least 1/);
    await bad('ReserveStock', { orderId: 'order-v1', lines: lines(['V-A', 1_000_001]) }, /^lines\[0\]\.quantity: must be at most 1000000/);
    await bad('ReserveStock', { orderId: 'order-v1', lines: lines(['V-A', 600_000], ['V-A', 600_000]) }, /^lines\[1\]\.quantity: /);
    await bad('ReserveStock', { orderId: 'order-v1', lines: [{ productId: 'V-A', quantity: '-5' }] }, /^lines\[0\]\.quantity: /);
    await bad('ReserveStock', { orderId: 'order-v1', lines: lines(['V-A', 1], ['', 1]) }, /^lines\[1\]\.product_id: is required/);
    await bad('ReserveStock', { orderId: 'order-v1', lines: lines(['bad id', 1]) }, /^lines\[0\]\.product_id: /);
    await bad('ReleaseStock', { orderId: '' }, /^order_id: /);
    await bad('GetStock', { productIds: Array.from({ length: 101 }, (_, i) => `V-${i}`) }, /^product_ids: must have at most 100/);
    await bad('GetStock', { productIds: ['V-A', 'x'.repeat(65)] }, /^product_ids\[1\]: /);
    await bad('Replenish', { replenishmentId: '', lines: ok }, /^replenishment_id: is required/);
    await bad('Replenish', { replenishmentId: 'r\u0000x', lines: ok }, /^replenishment_id: /);
    await bad('Replenish', { replenishmentId: 'v-in', lines: lines(['V-A', 0]) }, /^lines\[0\]\.quantity: /);
    expect(await eventCounts(store, streams('order-v1', 'V-A', 'V-B'))).toEqual([0, 0, 0]);
  });

  run('seeds every catalog product once, across restarts and changed settings', async ({ es, store }) => {
    const productIds = (await loadSeed()).products.map((p) => p.id);
    expect(productIds.length).toBeGreaterThanOrEqual(120);
    const seeded = await startInventory(es.address, { INVENTORY_INITIAL_STOCK: '7' });
    try {
      await expect(checkHealth(`127.0.0.1:${seeded.grpcPort}`)).resolves.toBe('SERVING');
    } finally {
      await seeded.shutdown();
    }
    const levels = async () => (await client.call('GetStock', { productIds: productIds.slice(0, 100) })).levels.concat((await client.call('GetStock', { productIds: productIds.slice(100) })).levels);
    const first = await levels();
    expect(first).toHaveLength(productIds.length);
    for (const l of first) expect(l).toMatchObject({ onHand: '7', reserved: '0', available: '7' });
    const written = await eventCounts(store, productIds.map(stockStream));
    expect(written.every((n) => n === 1)).toBe(true);

    const again = await startInventory(es.address, { INVENTORY_INITIAL_STOCK: '9' });
    await again.shutdown();
    expect(await eventCounts(store, productIds.map(stockStream))).toEqual(written);
    expect(await levels()).toEqual(first);
    expect(INITIAL_STOCK_ID).toBe('initial-stock');
  });
});
