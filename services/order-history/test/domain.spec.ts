// The functional core without a database: evolve, status and sales rules, the timeline, page
// tokens, and the consumed-event list against service.yaml.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { encodeEvent, type StoredEvent } from '@mercato/eventsourcing';
import { ConfigError, moneyFromCents } from '@mercato/kit';
import { loadTopology } from '@mercato/topology';
import { CONSUMED, HISTORY_FILTER, isConsumed, unusableKey, type HistoryEvent } from '../src/domain/events';
import { emptyOrder, evolve, type OrderRecord } from '../src/domain/order-record';
import { decodeOrdersToken, encodeOrdersToken, statusFilterKey } from '../src/domain/paging';
import { hoursCovering, salesContribution } from '../src/domain/sales';
import { fromDate, hourOf, toNanos } from '../src/domain/time';
import { orderStatus, paymentStatus, toOrderSummary, toOrderView } from '../src/domain/view';
import { rebuildCommand } from '../src/rebuild';
import { decodeHistoryEvent } from '../src/store/read-model';
import { orderEvents, timestamp, type Draft, type OrderSpec } from './support/scenario';

/** Drafts as the store would hand them back, positions in the given order. */
function stored(drafts: Draft[]): StoredEvent[] {
  return drafts.map((d, i) => {
    const e = encodeEvent({ type: d.type, data: d.data }, randomUUID());
    return { id: e.id, stream: d.stream, type: d.type, revision: 0n, position: { commit: BigInt(100 + i), prepare: 0n }, data: e.data, metadata: {}, contentType: e.contentType!, createdAt: new Date(0) };
  });
}

function fold(events: StoredEvent[]): OrderRecord {
  let r: OrderRecord | undefined;
  for (const s of events) {
    const event = decodeHistoryEvent(s);
    r = evolve(r, event, { at: { commit: String(s.position.commit), prepare: '0' }, time: event.data.eventTime ?? fromDate(s.createdAt) });
  }
  return r!;
}

const DELIVERED: OrderSpec = {
  orderId: 'o-1',
  customerId: 'alice',
  placedAt: '2025-03-10T09:05:00.000Z',
  lines: [
    { productId: 'MUG', name: 'Mug', quantity: 2, cents: 1250 },
    { productId: 'TEE', name: 'Tee', quantity: 1, cents: 2000 },
  ],
  shippingCents: 500,
  outcome: { kind: 'confirmed', tracking: ['SHIPMENT_STATUS_PICKED_UP', 'SHIPMENT_STATUS_DELIVERED'], refundCents: 1250 },
};

describe('an order record', () => {
  it('gathers the order, its payment and its shipment into one view', () => {
    const view = toOrderView(fold(stored(orderEvents(DELIVERED))));
    expect(view).toMatchObject({
      orderId: 'o-1',
      customerId: 'alice',
      status: 'ORDER_STATUS_DELIVERED',
      total: { currencyCode: 'USD', units: '50', nanos: 0 },
      subtotal: { currencyCode: 'USD', units: '45', nanos: 0 },
      payment: { paymentId: 'pay-o-1', status: 'PAYMENT_STATUS_PARTIALLY_REFUNDED', refundedAmount: { units: '12', nanos: 500_000_000 }, card: { last4: '4242' } },
      shipment: { shipmentId: 'shp-o-1', status: 'SHIPMENT_STATUS_DELIVERED', carrier: 'Mercato Post', trackingNumber: 'TRKO1' },
      failureReason: 'FAILURE_REASON_UNSPECIFIED',
      placeTime: timestamp(DELIVERED.placedAt),
    });
    const lines = view.timeline!.map((t) => t.description);
    expect(lines[0]).toBe('Order placed');
    expect(lines).toContain('Payment of USD 50.00 captured');
    expect(lines).toContain('Delivered (Front door)');
    expect(lines.at(-1)).toBe('Refund of USD 12.50: Damaged item');
    // Mirrors of the order's own steps are not repeated.
    expect(view.timeline!.filter((t) => t.eventType === 'mercato.payments.v1.PaymentCaptured')).toEqual([]);
    expect(toOrderSummary(fold(stored(orderEvents(DELIVERED))))).toMatchObject({ itemCount: 3, shipmentStatus: 'SHIPMENT_STATUS_DELIVERED' });
  });

  it('ends the same whatever the order of events across streams', () => {
    const drafts = orderEvents(DELIVERED);
    const streams = [...new Set(drafts.map((d) => d.stream))].map((s) => drafts.filter((d) => d.stream === s));
    const expected = toOrderView(fold(stored(drafts)));
    fc.assert(
      fc.property(fc.array(fc.nat(streams.length - 1), { minLength: drafts.length, maxLength: drafts.length }), (picks) => {
        // Merge the streams in the order the picks say, each stream's own order kept.
        const queues = streams.map((s) => [...s]);
        const merged: Draft[] = [];
        for (const p of picks) {
          const q = queues.find((x, i) => i >= p && x.length) ?? queues.find((x) => x.length)!;
          merged.push(q.shift()!);
        }
        expect(toOrderView(fold(stored(merged)))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('derives the order status from the facts', () => {
    const at = (n: number) => ({ at: { commit: String(n), prepare: '0' }, time: timestamp('2025-03-10T10:00:00Z', n) });
    const e = (type: string, data: object): HistoryEvent => ({ type, data: { orderId: 'o', customerId: 'c', ...data } }) as unknown as HistoryEvent;
    let r = evolve(undefined, e('mercato.orders.v1.OrderPlaced', { card: null, shippingAddress: null }), at(1));
    expect(orderStatus(r)).toBe('ORDER_STATUS_PENDING');
    // A delivered shipment does not make an unconfirmed order delivered...
    r = evolve(r, e('mercato.shipping.v1.ShipmentStatusChanged', { shipmentId: 's', status: 'SHIPMENT_STATUS_DELIVERED' }), at(3));
    expect(orderStatus(r)).toBe('ORDER_STATUS_PENDING');
    // ...until the order is confirmed, whichever came first.
    r = evolve(r, e('mercato.orders.v1.OrderConfirmed', { total: moneyFromCents(100, 'USD') }), at(2));
    expect(orderStatus(r)).toBe('ORDER_STATUS_DELIVERED');
    // An older tracking step arriving late does not move the shipment back.
    r = evolve(r, e('mercato.shipping.v1.ShipmentStatusChanged', { shipmentId: 's', status: 'SHIPMENT_STATUS_IN_TRANSIT' }), at(2));
    expect(orderStatus(r)).toBe('ORDER_STATUS_DELIVERED');
    expect(orderStatus({ ...r, failure: { time: timestamp('2025-03-10T10:00:00Z'), step: 'SAGA_STEP_CONFIRM', reason: 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE', message: '' } })).toBe('ORDER_STATUS_FAILED');
  });

  it('derives the payment status, refunds included', () => {
    const p = { paymentId: 'p', card: null, authorized: moneyFromCents(1000, 'USD'), captured: null, refunded: null, declined: false, voided: false, lastAt: { commit: '1', prepare: '0' } };
    expect(paymentStatus(p)).toBe('PAYMENT_STATUS_AUTHORIZED');
    expect(paymentStatus({ ...p, voided: true })).toBe('PAYMENT_STATUS_VOIDED');
    expect(paymentStatus({ ...p, declined: true })).toBe('PAYMENT_STATUS_DECLINED');
    const captured = { ...p, captured: moneyFromCents(1000, 'USD') };
    expect(paymentStatus(captured)).toBe('PAYMENT_STATUS_CAPTURED');
    expect(paymentStatus({ ...captured, refunded: moneyFromCents(400, 'USD') })).toBe('PAYMENT_STATUS_PARTIALLY_REFUNDED');
    expect(paymentStatus({ ...captured, refunded: moneyFromCents(1000, 'USD') })).toBe('PAYMENT_STATUS_REFUNDED');
  });
});

describe('sales contribution', () => {
  it('counts a confirmed order in the hour it was placed, with its lines', () => {
    const c = salesContribution(fold(stored(orderEvents(DELIVERED))))!;
    expect(c).toMatchObject({ hour: Date.parse('2025-03-10T09:00:00Z') / 1000, currency: 'USD', orders: 1, failedOrders: 0, revenueNanos: 50_000_000_000n });
    expect(c.products).toEqual([
      { productId: 'MUG', productName: 'Mug', currency: 'USD', units: 2, revenueNanos: 25_000_000_000n },
      { productId: 'TEE', productName: 'Tee', currency: 'USD', units: 1, revenueNanos: 20_000_000_000n },
    ]);
  });

  it('counts failed orders without revenue and pending ones not at all', () => {
    const failed = salesContribution(fold(stored(orderEvents({ ...DELIVERED, outcome: { kind: 'declined' } }))))!;
    expect(failed).toMatchObject({ orders: 0, failedOrders: 1, revenueNanos: 0n, products: [] });
    expect(salesContribution(fold(stored(orderEvents({ ...DELIVERED, outcome: { kind: 'pending' } }))))).toBeUndefined();
    expect(salesContribution(emptyOrder('nothing-placed'))).toBeUndefined();
  });

  it('buckets hours exactly, before 1970 too', () => {
    expect(hourOf({ seconds: '7199', nanos: 999_999_999 })).toBe(3600);
    expect(hourOf({ seconds: '-1', nanos: 0 })).toBe(-3600);
    expect(hoursCovering(3600, 3 * 3600)).toEqual([3600, 7200]);
    expect(hoursCovering(3700, 3 * 3600 + 1)).toEqual([3600, 7200, 10800]);
    expect(toNanos(fromDate(new Date(1500)))).toBe(1_500_000_000n);
  });
});

describe('events this read side consumes', () => {
  it('are exactly those service.yaml declares', () => {
    const declared = loadTopology().get('order-history').consumes;
    expect(Object.fromEntries(declared.map((c) => [c.streamPrefix, [...c.events].sort()]))).toEqual(Object.fromEntries(Object.entries(CONSUMED).map(([p, t]) => [p, [...t].sort()])));
    expect(HISTORY_FILTER.eventTypes).toHaveLength(19);
  });

  it('are recognized by stream and type, and need their keys', () => {
    expect(isConsumed('order-1', 'mercato.orders.v1.OrderPlaced')).toBe(true);
    expect(isConsumed('payment-1', 'mercato.orders.v1.OrderPlaced')).toBe(false);
    expect(isConsumed('card-1', 'mercato.payments.v1.CardTokenized')).toBe(false);
    const refund = { type: 'mercato.payments.v1.PaymentRefunded', data: { orderId: 'o', paymentId: '' } } as unknown as HistoryEvent;
    expect(unusableKey(refund)).toBe('payment_id is empty');
    expect(unusableKey({ ...refund, data: { orderId: 'x'.repeat(201), paymentId: 'p' } } as unknown as HistoryEvent)).toMatch(/order_id is longer/);
    expect(() => decodeHistoryEvent({ ...stored(orderEvents(DELIVERED))[0]!, data: Uint8Array.from([0xff, 0xff, 0xff]) })).toThrow();
  });

  it('read a JSON payload with every field present, as a protobuf one would be', () => {
    const json = { ...stored(orderEvents(DELIVERED))[1]!, contentType: 'application/json', data: Buffer.from(JSON.stringify({ orderId: 'o-j', customerId: 'c', total: { currencyCode: 'USD', units: '3', nanos: 0 } })) };
    const event = decodeHistoryEvent(json);
    expect(event).toMatchObject({ type: 'mercato.orders.v1.OrderPriced', data: { orderId: 'o-j', lines: [], subtotal: null, total: { units: '3' }, eventTime: null } });
  });
});

describe('page tokens', () => {
  const cursor = { customerId: 'alice', filter: statusFilterKey(['ORDER_STATUS_PENDING']), placeNs: '1741597500000000000', orderId: 'o-9' };

  it('continue only the listing they came from', () => {
    const token = encodeOrdersToken(cursor);
    expect(decodeOrdersToken(token, cursor)).toEqual(cursor);
    expect(decodeOrdersToken('', cursor)).toBeUndefined();
    expect(decodeOrdersToken(token, { ...cursor, customerId: 'bob' })).toBe('other-request');
    expect(decodeOrdersToken(token, { ...cursor, filter: '' })).toBe('other-request');
    expect(decodeOrdersToken('not a token!', cursor)).toBe('malformed');
    expect(decodeOrdersToken(Buffer.from('{"v":1}').toString('base64url'), cursor)).toBe('malformed');
    expect(statusFilterKey(['B', 'A', 'B'])).toBe('A,B');
  });
});

describe('the rebuild command', () => {
  it('refuses to start without its settings, naming the variable', async () => {
    await expect(rebuildCommand({}, { write: () => undefined })).rejects.toThrow(ConfigError);
    await expect(rebuildCommand({}, { write: () => undefined })).rejects.toThrow(/EVENTSTORE_ADDR/);
    await expect(rebuildCommand({ EVENTSTORE_ADDR: 'not an address' }, { write: () => undefined })).rejects.toThrow(/EVENTSTORE_ADDR/);
    await expect(rebuildCommand({ EVENTSTORE_ADDR: '127.0.0.1:1' }, { write: () => undefined })).rejects.toThrow(/DATABASE_URL/);
    await expect(rebuildCommand({ EVENTSTORE_ADDR: '127.0.0.1:1', DATABASE_URL: 'mysql://x' }, { write: () => undefined })).rejects.toThrow(/DATABASE_URL/);
  });
});
