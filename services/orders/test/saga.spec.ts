// The checkout saga's driver against stand-in dependencies and the in-process event store: an order
// just placed is driven without reading its stream, the stock commit and the capture run together,
// and their outcomes and the confirmation are one append, in the order the stream always had.
import { openDatabase, type Database } from '@mercato/db';
import { decodeEvent, engineStore, handleCommand, inSequence, type EventStorePort } from '@mercato/eventsourcing';
import { EventStore } from '@mercato/eventstore';
import { moneyFromCents, type Logger } from '@mercato/kit';
import { ROOT_CONTEXT } from '@opentelemetry/api';
import { status } from '@grpc/grpc-js';
import { GrpcError } from '@mercato/kit';
import { paymentIdFor } from '@mercato/payments';
import { CheckoutSaga, orderDecider, orderStream, type OrderCommand, type OrderEvent, type SagaClients } from '../src';
import { authorizationKey, authorizationPaymentId } from '../src/saga';

const usd = (cents: number) => moneyFromCents(cents, 'USD');
const address = { recipient: 'Ada', addressLines: ['1 Main St'], locality: 'Springfield', administrativeArea: 'IL', postalCode: '62701', regionCode: 'US', phone: '' };
const line = { productId: 'p1', productName: 'Teapot', quantity: 2, unitPrice: usd(1500), lineTotal: usd(3000) };

function place(orderId: string): Extract<OrderCommand, { type: 'Place' }> {
  return {
    type: 'Place',
    data: {
      now: new Date(),
      placed: {
        orderId,
        customerId: 'u1',
        cartId: 'c1',
        idempotencyKey: orderId,
        shippingAddress: address,
        billingAddress: address,
        shippingSpeed: 'SHIPPING_SPEED_STANDARD',
        cardToken: 'tok',
        card: { brand: 'CARD_BRAND_VISA', last4: '4242', expiryMonth: 12, expiryYear: 2030 },
        cardFingerprint: '',
        email: 'ada@example.com',
        accountCreateTime: null,
      },
      priced: { lines: [line], subtotal: usd(3000), shippingCost: usd(500), total: usd(3500) },
    },
  };
}

/** Stand-ins answering like the real services; `calls` records each call's start and end. */
function dependencies(calls: string[]): SagaClients {
  const answer =
    (answers: Record<string, unknown>) =>
    async (method: string): Promise<unknown> => {
      calls.push(`${method} start`);
      await new Promise((r) => setTimeout(r, 20));
      calls.push(`${method} end`);
      return answers[method];
    };
  const client = (answers: Record<string, unknown>) => ({ call: answer(answers) }) as never;
  return {
    catalog: client({ BatchGetProducts: { products: [{ id: 'p1', categoryId: 'kitchen', weightGrams: 900 }], missingProductIds: [] } }),
    risk: client({ Assess: { decision: 'DECISION_APPROVE', score: 0.1, reasons: [], modelVersion: 'm1' } }),
    inventory: client({ ReserveStock: { reservation: { status: 'RESERVATION_STATUS_RESERVED', shortages: [] } }, CommitStock: { reservation: { status: 'RESERVATION_STATUS_COMMITTED' } } }),
    payments: client({ Authorize: { payment: { paymentId: 'pay1', status: 'PAYMENT_STATUS_AUTHORIZED', authorizedAmount: usd(3500) } }, Capture: { payment: { capturedAmount: usd(3500) } } }),
    shipping: client({ CreateShipment: { shipment: { shipmentId: 's1', trackingNumber: 'T1', carrier: 'Parcelo' } } }),
  };
}

const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined } as unknown as Logger;

// One in-process event store for the file: order ids differ per test.
let db: Database;
let engine: EventStore;
let store: EventStorePort;
beforeAll(async () => {
  db = await openDatabase();
  engine = new EventStore(db);
  await engine.migrate();
  store = engineStore(engine);
});
afterAll(async () => {
  await engine.close();
  await db.close();
});

describe('the checkout saga driver', () => {

  it('drives a placed order to confirmed with six appends and no read, committing and capturing together', async () => {
    const seen = { reads: 0, appends: [] as string[][] };
    const counting: EventStorePort = {
      readStream: (s, o) => (seen.reads++, store.readStream(s, o)),
      append: (s, events, x) => (seen.appends.push(events.map((e) => e.type.replace('mercato.orders.v1.', ''))), store.append(s, events, x)),
    };
    const calls: string[] = [];
    const outcomes: string[] = [];
    const saga = new CheckoutSaga({ store: counting, clients: dependencies(calls), log: quiet, stepAttempts: 3, backoffMs: 10, observe: (action, outcome) => outcomes.push(`${action}:${outcome}`) });
    const placed = await saga.place('o1', place('o1'), 'u1');
    const final = await saga.drive('o1', ROOT_CONTEXT, placed);

    expect(final.phase).toBe('confirmed');
    expect(seen.reads).toBe(0);
    expect(seen.appends).toEqual([
      ['OrderPlaced', 'OrderPriced'],
      ['OrderRiskAssessed'],
      ['OrderStockReserved'],
      ['OrderPaymentAuthorized'],
      ['OrderShipmentCreated'],
      ['OrderStockCommitted', 'OrderPaymentCaptured', 'OrderConfirmed'],
    ]);
    // Both started before either finished.
    expect(calls.indexOf('Capture start')).toBeLessThan(calls.indexOf('CommitStock end'));
    expect(calls.indexOf('CommitStock start')).toBeLessThan(calls.indexOf('Capture end'));
    // One catalog lookup serves both the risk and the shipment step.
    expect(calls.filter((c) => c === 'BatchGetProducts start')).toHaveLength(1);
    expect(outcomes).toEqual(['assess-risk:ok', 'reserve-stock:ok', 'authorize-payment:ok', 'create-shipment:ok', 'commit-stock:ok', 'capture-payment:ok', 'confirm:ok']);
    const stored = (await store.readStream(orderStream('o1'))).map((e) => decodeEvent<OrderEvent>(e).type.replace('mercato.orders.v1.', ''));
    expect(stored).toEqual(['OrderPlaced', 'OrderPriced', 'OrderRiskAssessed', 'OrderStockReserved', 'OrderPaymentAuthorized', 'OrderShipmentCreated', 'OrderStockCommitted', 'OrderPaymentCaptured', 'OrderConfirmed']);
  });

  it('a second placement of the same order is refused as FAILED_PRECONDITION, writing nothing', async () => {
    const saga = new CheckoutSaga({ store, clients: dependencies([]), log: quiet, stepAttempts: 3, backoffMs: 10 });
    await saga.place('o2', place('o2'), 'u1');
    await expect(saga.place('o2', place('o2'), 'u1')).rejects.toMatchObject({ code: 'FAILED_PRECONDITION' });
    expect(await store.readStream(orderStream('o2'))).toHaveLength(2);
  });

  it('resumes an order a crashed driver recorded up to the shipment: reads it, then commits, captures and confirms', async () => {
    const now = new Date();
    const first = new CheckoutSaga({ store, clients: dependencies([]), log: quiet, stepAttempts: 3, backoffMs: 10 });
    const placed = await first.place('o3', place('o3'), 'u1');
    const recorded: OrderCommand[] = [
      { type: 'RecordRisk', data: { decision: 'DECISION_APPROVE', score: 0.1, reasons: [], modelVersion: 'm1', now } },
      { type: 'RecordStockReserved', data: { now } },
      { type: 'RecordPaymentAuthorized', data: { paymentId: 'pay1', amount: usd(3500), now } },
      { type: 'RecordShipmentCreated', data: { shipmentId: 's1', trackingNumber: 'T1', carrier: 'Parcelo', now } },
    ];
    await handleCommand(store, inSequence(orderDecider), orderStream('o3'), recorded, { known: placed });
    const calls: string[] = [];
    const final = await new CheckoutSaga({ store, clients: dependencies(calls), log: quiet, stepAttempts: 3, backoffMs: 10 }).drive('o3');
    expect(final.phase).toBe('confirmed');
    expect(calls.filter((c) => c.endsWith('start')).sort()).toEqual(['Capture start', 'CommitStock start']);
    const stored = (await store.readStream(orderStream('o3'))).map((e) => e.type.replace('mercato.orders.v1.', ''));
    expect(stored.slice(-3)).toEqual(['OrderStockCommitted', 'OrderPaymentCaptured', 'OrderConfirmed']);
  });
});

describe('an authorization whose answer was lost', () => {

  it('is looked for under the id payments derives from the key the saga authorizes with', () => {
    expect(authorizationPaymentId('o-x')).toBe(paymentIdFor(authorizationKey('o-x')));
  });

  /** Payments that records each authorization but whose answers never arrive (UNAVAILABLE). */
  function lostAnswers(authorizeHappens: boolean) {
    const held = new Map<string, string>();
    const voids: string[] = [];
    const payments = {
      call: async (method: string, req: { idempotencyKey?: string; paymentId?: string }) => {
        if (method === 'Authorize') {
          if (authorizeHappens) held.set(paymentIdFor(req.idempotencyKey!), 'authorized');
          throw new GrpcError(status.UNAVAILABLE, 'payments is unavailable');
        }
        if (method === 'Void') {
          voids.push(req.paymentId!);
          if (!held.has(req.paymentId!)) throw new GrpcError(status.NOT_FOUND, `payment ${req.paymentId} not found`);
          held.set(req.paymentId!, 'voided');
          return { payment: { paymentId: req.paymentId, status: 'PAYMENT_STATUS_VOIDED' } };
        }
        throw new Error(`unexpected ${method}`);
      },
    } as never;
    return { clients: { ...dependencies([]), payments }, held, voids };
  }

  it.each([
    ['was made: it is voided', true, 'voided'],
    ['never arrived: the void finds nothing, and the order still finishes', false, undefined],
  ])('an authorization that %s', async (_name, happens, heldAfter) => {
    const orderId = `lost-${happens}`;
    const { clients, held, voids } = lostAnswers(happens);
    const saga = new CheckoutSaga({ store, clients, log: quiet, stepAttempts: 2, backoffMs: 5 });
    const final = await saga.drive(orderId, ROOT_CONTEXT, await saga.place(orderId, place(orderId), 'u1'));
    expect(final).toMatchObject({ phase: 'failed', failure: { step: 'SAGA_STEP_AUTHORIZE_PAYMENT', reason: 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE' }, stockReleased: true, paymentVoided: true });
    expect(voids).toEqual([authorizationPaymentId(orderId)]);
    expect(held.get(authorizationPaymentId(orderId))).toBe(heldAfter);
    const stored = (await store.readStream(orderStream(orderId))).map((e) => decodeEvent<OrderEvent>(e));
    expect(stored.at(-1)).toMatchObject({ type: 'mercato.orders.v1.OrderPaymentVoided', data: { paymentId: authorizationPaymentId(orderId) } });
  });
});
