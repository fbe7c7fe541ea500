// Shipping over real gRPC, on a real event store (embedded PGlite, and PostgreSQL when present):
// quotes, idempotent creation, tracking to delivery, replicas racing, a restart mid-way.
import { status, type ClientReadableStream } from '@grpc/grpc-js';
import { testDatabaseIfAvailable } from '@mercato/db';
import { decodeEvent } from '@mercato/eventsourcing';
import { startTestEventStore, type TestEventStore } from '@mercato/eventstore';
import { asUser, checkHealth, connect, generateSigningKeys, listServices, loadConfig, startService, testServiceEnv, TokenIssuer, type KitClient, type RunningService } from '@mercato/kit';
import type { Address } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { Shipment__Output } from '@mercato/protos/gen/mercato/shipping/v1/Shipment';
import type { ShippingServiceDefinition } from '@mercato/protos/gen/mercato/shipping/v1/ShippingService';
import type { TrackShipmentResponse__Output } from '@mercato/protos/gen/mercato/shipping/v1/TrackShipmentResponse';
import { setupShipping, shippingConfig, SHIPPING_SERVICE, shipmentIdFor, streamOf, trackingNumberFor, type ShippingConfig } from '../src';
import type { ShipmentEvent } from '../src/domain/shipment';

const keys = generateSigningKeys();
const issuer = new TokenIssuer(keys.privateKey);
const ORDER_OF_STATES = ['SHIPMENT_STATUS_LABEL_CREATED', 'SHIPMENT_STATUS_PICKED_UP', 'SHIPMENT_STATUS_IN_TRANSIT', 'SHIPMENT_STATUS_OUT_FOR_DELIVERY', 'SHIPMENT_STATUS_DELIVERED'];

const home: Address = { recipient: 'Ada Lovelace', addressLines: ['1 Main St', 'Apt 2'], locality: 'Springfield', administrativeArea: 'IL', postalCode: '62701', regionCode: 'US' };
const canada: Address = { recipient: 'Grace Hopper', addressLines: ['24 Sussex Dr'], locality: 'Ottawa', administrativeArea: 'ON', postalCode: 'K1M 1M4', regionCode: 'CA' };
const germany: Address = { recipient: 'Emmy Noether', addressLines: ['Unter den Linden 1'], locality: 'Berlin', postalCode: '10117', regionCode: 'DE' };
const parcels = [
  { productId: 'p-1', quantity: 2, unitWeightGrams: 400 },
  { productId: 'p-2', quantity: 1, unitWeightGrams: 0 },
];

type Client = KitClient<ShippingServiceDefinition>;
type Running = RunningService<ShippingConfig>;

describe.each(['pglite', 'postgres'] as const)('shipping over gRPC on %s', (backend) => {
  let es: TestEventStore | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  let svc: Running;
  let client: Client;
  const instances = new Set<{ running: Running; client: Client }>();

  async function startShipping(stepSeconds: string): Promise<{ running: Running; client: Client }> {
    const env = testServiceEnv({ EVENTSTORE_ADDR: es!.address, SHIPPING_TRACKING_STEP_SECONDS: stepSeconds, JWT_PUBLIC_KEY: keys.publicKey });
    const running = await startService('shipping', setupShipping, { env, config: shippingConfig });
    const instance = { running, client: connect<ShippingServiceDefinition>(SHIPPING_SERVICE, `127.0.0.1:${running.grpcPort}`) };
    instances.add(instance);
    return instance;
  }

  async function stopShipping(instance: { running: Running; client: Client }): Promise<void> {
    instances.delete(instance);
    instance.client.close();
    await instance.running.shutdown();
  }

  beforeAll(async () => {
    let databaseUrl: string | undefined;
    if (backend === 'postgres') {
      const db = await testDatabaseIfAvailable('mercato_shipping');
      if (!db) return;
      dropDb = db.drop;
      databaseUrl = db.url;
    }
    es = await startTestEventStore(databaseUrl ? { databaseUrl } : {});
    ({ running: svc, client } = await startShipping('0.05'));
  });
  afterAll(async () => {
    for (const instance of [...instances]) await stopShipping(instance);
    await es?.stop();
    await dropDb?.();
  });
  const run = (name: string, fn: () => Promise<void>) =>
    it(name, async () => {
      if (es) await fn();
    });

  /** The shipment's stored events, decoded. */
  async function storedEvents(shipmentId: string): Promise<ShipmentEvent[]> {
    try {
      const { events } = await es!.client.readStream({ stream: streamOf(shipmentId), direction: 'READ_DIRECTION_FORWARDS', start: {}, maxCount: 100 });
      return events.map((e) => decodeEvent<ShipmentEvent>(e));
    } catch (err) {
      if ((err as { code?: number }).code === status.NOT_FOUND) return [];
      throw err;
    }
  }

  const statesOf = (events: ShipmentEvent[]): string[] => events.map((e) => (e.type === 'mercato.shipping.v1.ShipmentCreated' ? 'SHIPMENT_STATUS_LABEL_CREATED' : e.data.status));

  /** Reads a TrackShipment stream until it ends, or cancels it once `stopWhen` holds. */
  async function follow(stream: ClientReadableStream<TrackShipmentResponse__Output>, stopWhen?: (s: Shipment__Output) => boolean): Promise<{ updates: Shipment__Output[]; ended: boolean }> {
    const updates: Shipment__Output[] = [];
    for await (const message of stream as AsyncIterable<TrackShipmentResponse__Output>) {
      updates.push(message.shipment!);
      if (stopWhen?.(message.shipment!)) {
        stream.cancel();
        return { updates, ended: false };
      }
    }
    return { updates, ended: true };
  }

  const createRequest = (orderId: string, over: Record<string, unknown> = {}) => ({ orderId, destination: home, parcels, speed: 'SHIPPING_SPEED_STANDARD' as const, currencyCode: 'USD', ...over });

  run('is SERVING and describes itself through reflection', async () => {
    const address = `127.0.0.1:${svc.grpcPort}`;
    await expect(checkHealth(address)).resolves.toBe('SERVING');
    await expect(listServices(address)).resolves.toEqual([SHIPPING_SERVICE]);
  });

  run('quotes every speed at home, no overnight abroad, cheapest first, in USD or EUR', async () => {
    // 2 x 400 g + 1 unit of unknown weight (500 g) = 1300 g: three 500 g steps.
    const domestic = await client.call('GetQuote', { destination: home, parcels, currencyCode: 'USD' });
    expect(domestic.quotes.map((q) => [q.speed, q.cost, q.carrier, q.minTransitDays, q.maxTransitDays])).toEqual([
      ['SHIPPING_SPEED_STANDARD', { currencyCode: 'USD', units: '7', nanos: 990_000_000 }, 'Mercato Post', 3, 5],
      ['SHIPPING_SPEED_EXPRESS', { currencyCode: 'USD', units: '17', nanos: 990_000_000 }, 'Parcelwise Express', 1, 2],
      ['SHIPPING_SPEED_OVERNIGHT', { currencyCode: 'USD', units: '34', nanos: 990_000_000 }, 'Nightjar Overnight', 1, 1],
    ]);
    const regional = await client.call('GetQuote', { destination: canada, parcels, currencyCode: 'EUR' });
    expect(regional.quotes.map((q) => [q.speed, q.cost])).toEqual([
      ['SHIPPING_SPEED_STANDARD', { currencyCode: 'EUR', units: '15', nanos: 630_000_000 }], // 16.99 x 0.92
      ['SHIPPING_SPEED_EXPRESS', { currencyCode: 'EUR', units: '33', nanos: 110_000_000 }], // 35.99 x 0.92
    ]);
    const international = await client.call('GetQuote', { destination: germany, parcels, currencyCode: 'USD' });
    expect(international.quotes.map((q) => q.speed)).toEqual(['SHIPPING_SPEED_STANDARD', 'SHIPPING_SPEED_EXPRESS']);
    await expect(client.call('GetQuote', { destination: germany, parcels, currencyCode: 'USD' })).resolves.toEqual(international);
  });

  run('quotes from the configured origin country (SHIPPING_ORIGIN_COUNTRY)', async () => {
    const env = testServiceEnv({ EVENTSTORE_ADDR: es!.address, SHIPPING_ORIGIN_COUNTRY: 'DE', SHIPPING_TRACKING_STEP_SECONDS: '3600' });
    const running = await startService('shipping', setupShipping, { env, config: shippingConfig });
    const german = { running, client: connect<ShippingServiceDefinition>(SHIPPING_SERVICE, `127.0.0.1:${running.grpcPort}`) };
    instances.add(german);
    const speeds = async (destination: Address) => (await german.client.call('GetQuote', { destination, parcels, currencyCode: 'EUR' })).quotes.map((q) => q.speed);
    expect(await speeds(germany)).toEqual(['SHIPPING_SPEED_STANDARD', 'SHIPPING_SPEED_EXPRESS', 'SHIPPING_SPEED_OVERNIGHT']);
    const france: Address = { recipient: 'Marie Curie', addressLines: ['1 Rue de la Paix'], locality: 'Paris', postalCode: '75002', regionCode: 'FR' };
    const fromGermany = await german.client.call('GetQuote', { destination: france, parcels, currencyCode: 'EUR' });
    const fromUs = await client.call('GetQuote', { destination: france, parcels, currencyCode: 'EUR' });
    // Regional from Germany, international from the US: cheaper, and no overnight either way.
    expect(fromGermany.quotes.map((q) => [q.speed, q.cost])).toEqual([
      ['SHIPPING_SPEED_STANDARD', { currencyCode: 'EUR', units: '15', nanos: 630_000_000 }],
      ['SHIPPING_SPEED_EXPRESS', { currencyCode: 'EUR', units: '33', nanos: 110_000_000 }],
    ]);
    expect(fromUs.quotes.map((q) => q.carrier)).toEqual(['Globe Freight', 'Parcelwise International']);
    await stopShipping(german);
  });

  run('creates one shipment per order: a repeat answers the same one and writes nothing', async () => {
    const first = await client.call('CreateShipment', createRequest('order-idem-1', { speed: 'SHIPPING_SPEED_EXPRESS' }));
    const shipmentId = shipmentIdFor('order-idem-1');
    expect(first.shipment).toMatchObject({
      shipmentId,
      orderId: 'order-idem-1',
      speed: 'SHIPPING_SPEED_EXPRESS',
      carrier: 'Parcelwise Express',
      trackingNumber: trackingNumberFor(shipmentId),
      cost: { currencyCode: 'USD', units: '17', nanos: 990_000_000 },
      status: 'SHIPMENT_STATUS_LABEL_CREATED',
      destination: { recipient: '', addressLines: [], locality: 'Springfield', regionCode: 'US' },
    });
    // The estimate is the speed's longest transit (2 days) after creation.
    expect(Number(first.shipment!.estimatedDeliveryTime!.seconds) - Number(first.shipment!.createTime!.seconds)).toBe(2 * 86_400);

    const again = await client.call('CreateShipment', createRequest('order-idem-1', { speed: 'SHIPPING_SPEED_EXPRESS' }));
    expect(again.shipment).toMatchObject({ shipmentId, trackingNumber: first.shipment!.trackingNumber, createTime: first.shipment!.createTime, cost: first.shipment!.cost });
    // Different details for the same order still answer the existing shipment.
    const different = await client.call('CreateShipment', createRequest('order-idem-1', { destination: canada }));
    expect(different.shipment).toMatchObject({ shipmentId, speed: 'SHIPPING_SPEED_EXPRESS', destination: { regionCode: 'US' } });
    // Two at once: still one.
    await Promise.all([client.call('CreateShipment', createRequest('order-idem-2')), client.call('CreateShipment', createRequest('order-idem-2'))]);

    for (const orderId of ['order-idem-1', 'order-idem-2']) {
      const created = (await storedEvents(shipmentIdFor(orderId))).filter((e) => e.type === 'mercato.shipping.v1.ShipmentCreated');
      expect(created).toHaveLength(1);
    }
  });

  run('finds a shipment by id or by order id; public reads keep personal data for admins', async () => {
    const { shipment } = await client.call('CreateShipment', createRequest('order-get-1'));
    const byId = await client.call('GetShipment', { shipmentId: shipment!.shipmentId });
    const byOrder = await client.call('GetShipment', { orderId: 'order-get-1' });
    expect(byId.shipment).toMatchObject({ shipmentId: shipment!.shipmentId, trackingNumber: shipment!.trackingNumber, orderId: 'order-get-1' });
    expect(byOrder.shipment!.shipmentId).toBe(shipment!.shipmentId);
    expect(byId.shipment!.destination).toEqual({ recipient: '', addressLines: [], locality: 'Springfield', administrativeArea: 'IL', postalCode: '', regionCode: 'US', phone: '' });
    const asAdmin = await client.call('GetShipment', { shipmentId: shipment!.shipmentId }, asUser(issuer, 'root', ['admin']));
    expect(asAdmin.shipment!.destination).toMatchObject({ recipient: 'Ada Lovelace', addressLines: ['1 Main St', 'Apt 2'], postalCode: '62701' });
    const asCustomer = await client.call('GetShipment', { orderId: 'order-get-1' }, asUser(issuer, 'u-1'));
    expect(asCustomer.shipment!.destination).toMatchObject({ recipient: '', addressLines: [], phone: '' });
    // What was stored is the whole address.
    const [created] = await storedEvents(shipment!.shipmentId);
    expect(created!.data).toMatchObject({ destination: { recipient: 'Ada Lovelace', addressLines: ['1 Main St', 'Apt 2'], postalCode: '62701' } });

    await expect(client.call('GetShipment', { orderId: 'order-never-placed' })).rejects.toMatchObject({ code: status.NOT_FOUND });
    await expect(client.call('GetShipment', { shipmentId: shipmentIdFor('order-never-placed') })).rejects.toMatchObject({ code: status.NOT_FOUND });
  });

  run('tracks a shipment through every state to delivered, then the stream ends', async () => {
    const { shipment } = await client.call('CreateShipment', createRequest('order-track-1'));
    const { updates, ended } = await follow(client.stream('TrackShipment', { shipmentId: shipment!.shipmentId }));
    expect(ended).toBe(true);
    // Updates come in order, never repeat a state, and the last is delivered (two quick steps may
    // show as one update).
    const seen = updates.map((u) => ORDER_OF_STATES.indexOf(u.status));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    const last = updates[updates.length - 1]!;
    expect(last.status).toBe('SHIPMENT_STATUS_DELIVERED');
    expect(last.tracking.map((t) => t.status)).toEqual(ORDER_OF_STATES);
    expect(last.tracking.map((t) => t.description)).toEqual(['Shipping label created', 'Picked up by Mercato Post', 'In transit', 'Out for delivery', 'Delivered']);
    const times = last.tracking.map((t) => Number(t.eventTime!.seconds) * 1000 + t.eventTime!.nanos / 1e6);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(statesOf(await storedEvents(shipment!.shipmentId))).toEqual(ORDER_OF_STATES);

    // Tracking a delivered shipment: the shipment once, then the end.
    const done = await follow(client.stream('TrackShipment', { shipmentId: shipment!.shipmentId }));
    expect(done).toMatchObject({ ended: true, updates: [{ status: 'SHIPMENT_STATUS_DELIVERED' }] });
  });

  run('refuses overnight abroad without writing anything', async () => {
    await expect(client.call('CreateShipment', createRequest('order-overnight-de', { destination: germany, speed: 'SHIPPING_SPEED_OVERNIGHT' }))).rejects.toMatchObject({
      code: status.FAILED_PRECONDITION,
      message: expect.stringContaining('overnight shipping is only available within the origin country'),
    });
    expect(await storedEvents(shipmentIdFor('order-overnight-de'))).toEqual([]);
  });

  run('answers INVALID_ARGUMENT naming the field, and writes nothing', async () => {
    const bad: [string, Record<string, unknown>, RegExp][] = [
      ['order_id', createRequest(''), /^order_id: is required/],
      ['order_id', createRequest('bad id with spaces'), /^order_id: /],
      ['destination', createRequest('order-bad-1', { destination: null }), /^destination: is required/],
      ['destination.region_code', createRequest('order-bad-1', { destination: { ...home, regionCode: 'XX' } }), /^destination\.region_code: "XX" is not an ISO 3166-1 alpha-2/],
      ['destination.region_code', createRequest('order-bad-1', { destination: { ...home, regionCode: 'usa' } }), /^destination\.region_code: must be an ISO 3166-1 alpha-2/],
      ['destination.recipient', createRequest('order-bad-1', { destination: { ...home, recipient: '' } }), /^destination\.recipient: is required/],
      ['destination.address_lines', createRequest('order-bad-1', { destination: { ...home, addressLines: [] } }), /^destination\.address_lines: must have at least 1 item/],
      ['destination.address_lines[1]', createRequest('order-bad-1', { destination: { ...home, addressLines: ['1 Main St', ''] } }), /^destination\.address_lines\[1\]: is required/],
      ['destination.locality', createRequest('order-bad-1', { destination: { ...home, locality: '' } }), /^destination\.locality: is required/],
      ['destination.administrative_area', createRequest('order-bad-1', { destination: { ...home, administrativeArea: '' } }), /^destination\.administrative_area: is required/],
      ['destination.postal_code', createRequest('order-bad-1', { destination: { ...home, postalCode: 'ABCDE' } }), /^destination\.postal_code: must be a ZIP code/],
      ['destination.phone', createRequest('order-bad-1', { destination: { ...home, phone: '555-0100' } }), /^destination\.phone: must be an E\.164 number/],
      ['parcels', createRequest('order-bad-1', { parcels: [] }), /^parcels: must have at least 1 item/],
      ['parcels[1].quantity', createRequest('order-bad-1', { parcels: [parcels[0], { productId: 'p-2', quantity: 0, unitWeightGrams: 10 }] }), /^parcels\[1\]\.quantity: must be at least 1/],
      ['parcels[0].unit_weight_grams', createRequest('order-bad-1', { parcels: [{ productId: 'p-1', quantity: 1, unitWeightGrams: -5 }] }), /^parcels\[0\]\.unit_weight_grams: must be at least 0/],
      ['parcels', createRequest('order-bad-1', { parcels: [{ productId: 'p-1', quantity: 10_000, unitWeightGrams: 100_000 }] }), /^parcels: weigh 1000000000 g in total/],
      ['speed', createRequest('order-bad-1', { speed: 'SHIPPING_SPEED_UNSPECIFIED' }), /^speed: is required/],
      ['speed', createRequest('order-bad-1', { speed: 7 }), /^speed: must be one of/],
      ['currency_code', createRequest('order-bad-1', { currencyCode: '' }), /^currency_code: is required/],
      ['currency_code', createRequest('order-bad-1', { currencyCode: 'GBP' }), /^currency_code: GBP is not supported/],
      ['currency_code', createRequest('order-bad-1', { currencyCode: 'usd' }), /^currency_code: must be a three-letter ISO 4217 code/],
    ];
    for (const [field, request, message] of bad) {
      await expect(client.call('CreateShipment', request as never)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(message) });
      if (field !== 'order_id') {
        // The quote checks the same fields the same way.
        const { orderId: _o, speed: _s, ...quote } = request;
        if (field !== 'speed') await expect(client.call('GetQuote', quote as never)).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(message) });
      }
    }
    expect(await storedEvents(shipmentIdFor('order-bad-1'))).toEqual([]);

    await expect(client.call('GetShipment', {})).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^shipment_id: set shipment_id or order_id/) });
    await expect(client.call('GetShipment', { shipmentId: 'nope' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^shipment_id: must be a shipment id/) });
    await expect(client.call('GetShipment', { orderId: '' })).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, message: expect.stringMatching(/^order_id: is required/) });
    await expect(follow(client.stream('TrackShipment', { shipmentId: '' }))).rejects.toMatchObject({ code: status.INVALID_ARGUMENT, details: expect.stringMatching(/^shipment_id: is required/) });
    await expect(follow(client.stream('TrackShipment', { shipmentId: shipmentIdFor('order-never-placed') }))).rejects.toMatchObject({ code: status.NOT_FOUND });
    // A malformed token is refused, even on public methods.
    const forged = asUser(issuer, 'u-1');
    forged.metadata.set('authorization', 'Bearer not.a.token');
    await expect(client.call('GetQuote', { destination: home, parcels, currencyCode: 'USD' }, forged)).rejects.toMatchObject({ code: status.UNAUTHENTICATED });
  });

  run('two replicas racing over the same shipments write every state once', async () => {
    const replica = await startShipping('0.05');
    const orders = ['order-race-1', 'order-race-2', 'order-race-3'];
    await Promise.all(orders.map((o, i) => (i % 2 ? client : replica.client).call('CreateShipment', createRequest(o))));
    for (const orderId of orders) {
      // Followed through the other replica: its wake-ups come from its own subscription.
      const { updates, ended } = await follow(replica.client.stream('TrackShipment', { shipmentId: shipmentIdFor(orderId) }));
      expect({ ended, status: updates[updates.length - 1]!.status }).toEqual({ ended: true, status: 'SHIPMENT_STATUS_DELIVERED' });
      expect(statesOf(await storedEvents(shipmentIdFor(orderId)))).toEqual(ORDER_OF_STATES);
    }
    await stopShipping(replica);
  });

  run('after a restart mid-way, tracking goes on from the stream without repeating a state', async () => {
    // Only the instances of this test may move this shipment on.
    await stopShipping([...instances].find((i) => i.running === svc)!);
    const slow = await startShipping('1');
    const { shipment } = await slow.client.call('CreateShipment', createRequest('order-restart-1'));
    const shipmentId = shipment!.shipmentId;
    // A backlog too: more shipments than the replica moves on at once, all due when it restarts.
    const backlog = Array.from({ length: 24 }, (_, i) => `order-restart-backlog-${i}`);
    await Promise.all(backlog.map((o) => slow.client.call('CreateShipment', createRequest(o))));
    const before = await follow(slow.client.stream('TrackShipment', { shipmentId }), (s) => s.status === 'SHIPMENT_STATUS_PICKED_UP');
    expect(before.updates[before.updates.length - 1]!.status).toBe('SHIPMENT_STATUS_PICKED_UP');
    await stopShipping(slow);
    const atStop = statesOf(await storedEvents(shipmentId));
    expect(atStop).not.toContain('SHIPMENT_STATUS_DELIVERED');

    // The new instance finds the undelivered shipment from the streams alone.
    const fresh = await startShipping('0.05');
    const after = await follow(fresh.client.stream('TrackShipment', { shipmentId }));
    expect(after.ended).toBe(true);
    expect(after.updates[after.updates.length - 1]!.status).toBe('SHIPMENT_STATUS_DELIVERED');
    expect(statesOf(await storedEvents(shipmentId))).toEqual(ORDER_OF_STATES);
    for (const orderId of backlog) {
      const { ended } = await follow(fresh.client.stream('TrackShipment', { shipmentId: shipmentIdFor(orderId) }));
      expect(ended).toBe(true);
      expect(statesOf(await storedEvents(shipmentIdFor(orderId)))).toEqual(ORDER_OF_STATES);
    }
  });
});

describe('shipping settings', () => {
  const load = (env: Record<string, string>) => loadConfig(shippingConfig, env);

  it('takes a fractional tracking step and an origin country, with defaults', () => {
    expect(load({})).toEqual({ SHIPPING_TRACKING_STEP_SECONDS: 30, SHIPPING_ORIGIN_COUNTRY: 'US' });
    expect(load({ SHIPPING_TRACKING_STEP_SECONDS: '0.05', SHIPPING_ORIGIN_COUNTRY: 'DE' })).toEqual({ SHIPPING_TRACKING_STEP_SECONDS: 0.05, SHIPPING_ORIGIN_COUNTRY: 'DE' });
  });

  it.each(['0', '-1', 'abc', 'Infinity', '1e9'])('refuses SHIPPING_TRACKING_STEP_SECONDS=%s', (value) => {
    expect(() => load({ SHIPPING_TRACKING_STEP_SECONDS: value })).toThrow(/SHIPPING_TRACKING_STEP_SECONDS must be a positive number/);
  });

  it.each(['XX', 'us', 'USA'])('refuses SHIPPING_ORIGIN_COUNTRY=%s', (value) => {
    expect(() => load({ SHIPPING_ORIGIN_COUNTRY: value })).toThrow(/SHIPPING_ORIGIN_COUNTRY must be an ISO 3166-1 alpha-2 country code/);
  });
});
