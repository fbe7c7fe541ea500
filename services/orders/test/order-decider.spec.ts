// The order decider as a specification: given these events, when this command, then these events.
import { FailedPreconditionError, fold, given } from '@mercato/eventsourcing';
import { moneyFromCents } from '@mercato/kit';
import { nextStep, orderDecider, timestamp, type OrderCommand, type OrderEvent } from '../src';

const NOW = new Date('2026-03-04T05:06:07.089Z');
const at = timestamp(NOW);
const ids = { orderId: 'o1', customerId: 'u1' };
const usd = (cents: number) => moneyFromCents(cents, 'USD');
const address = { recipient: 'Ada', addressLines: ['1 Main St'], locality: 'Springfield', administrativeArea: 'IL', postalCode: '62701', regionCode: 'US', phone: '' };
const line = { productId: 'p1', productName: 'Teapot', quantity: 2, unitPrice: usd(1500), lineTotal: usd(3000) };
const priced = { lines: [line], subtotal: usd(3000), shippingCost: usd(500), total: usd(3500) };
const placed = {
  ...ids,
  cartId: 'c1',
  idempotencyKey: 'k1',
  shippingAddress: address,
  billingAddress: address,
  shippingSpeed: 'SHIPPING_SPEED_STANDARD' as const,
  cardToken: 'tok',
  card: { brand: 'CARD_BRAND_VISA' as const, last4: '4242', expiryMonth: 12, expiryYear: 2030 },
  cardFingerprint: '',
  email: 'ada@example.com',
  accountCreateTime: null,
};

const cmd = <T extends OrderCommand['type']>(type: T, data: Omit<Extract<OrderCommand, { type: T }>['data'], 'now'> = {} as never): OrderCommand =>
  ({ type, data: { ...data, now: NOW } }) as OrderCommand;

const PLACED: OrderEvent[] = orderDecider.decide(cmd('Place', { placed, priced }), orderDecider.initialState());
const RESERVED: OrderEvent = { type: 'mercato.orders.v1.OrderStockReserved', data: { ...ids, eventTime: at } };
const AUTHORIZED: OrderEvent = { type: 'mercato.orders.v1.OrderPaymentAuthorized', data: { ...ids, paymentId: 'pay1', amount: usd(3500), eventTime: at } };
const SHIPPED: OrderEvent = { type: 'mercato.orders.v1.OrderShipmentCreated', data: { ...ids, shipmentId: 's1', trackingNumber: 'T1', carrier: 'Parcelo', eventTime: at } };
const COMMITTED: OrderEvent = { type: 'mercato.orders.v1.OrderStockCommitted', data: { ...ids, eventTime: at } };
const CAPTURED: OrderEvent = { type: 'mercato.orders.v1.OrderPaymentCaptured', data: { ...ids, paymentId: 'pay1', amount: usd(3500), eventTime: at } };
const failedAt = (step: 'SAGA_STEP_AUTHORIZE_PAYMENT' | 'SAGA_STEP_RESERVE_STOCK', reason: 'FAILURE_REASON_PAYMENT_DECLINED' | 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE', message: string): OrderEvent => ({
  type: 'mercato.orders.v1.OrderFailed',
  data: { ...ids, step, reason, message, eventTime: at },
});

describe('order decider', () => {
  it('places an order as OrderPlaced + OrderPriced, once', () => {
    expect(PLACED.map((e) => e.type)).toEqual(['mercato.orders.v1.OrderPlaced', 'mercato.orders.v1.OrderPriced']);
    expect(PLACED[1]!.data).toMatchObject({ ...ids, total: usd(3500), eventTime: at });
    given(orderDecider, PLACED).when(cmd('Place', { placed, priced })).thenThrows(FailedPreconditionError);
  });

  it('records the happy path step by step, ending confirmed with the total', () => {
    given(orderDecider, PLACED).when(cmd('RecordStockReserved')).then([RESERVED]);
    given(orderDecider, [...PLACED, RESERVED]).when(cmd('RecordPaymentAuthorized', { paymentId: 'pay1', amount: usd(3500) })).then([AUTHORIZED]);
    given(orderDecider, [...PLACED, RESERVED, AUTHORIZED]).when(cmd('RecordShipmentCreated', { shipmentId: 's1', trackingNumber: 'T1', carrier: 'Parcelo' })).then([SHIPPED]);
    given(orderDecider, [...PLACED, RESERVED, AUTHORIZED, SHIPPED]).when(cmd('RecordStockCommitted')).then([COMMITTED]);
    given(orderDecider, [...PLACED, RESERVED, AUTHORIZED, SHIPPED, COMMITTED]).when(cmd('RecordPaymentCaptured', { amount: usd(3500) })).then([CAPTURED]);
    given(orderDecider, [...PLACED, RESERVED, AUTHORIZED, SHIPPED, COMMITTED, CAPTURED])
      .when(cmd('Confirm'))
      .then([{ type: 'mercato.orders.v1.OrderConfirmed', data: { ...ids, total: usd(3500), eventTime: at } }]);
  });

  it('refuses steps out of order and steps on an order never placed', () => {
    given(orderDecider, PLACED).when(cmd('RecordPaymentAuthorized', { paymentId: 'pay1', amount: usd(3500) })).thenThrows(FailedPreconditionError);
    given(orderDecider, [...PLACED, RESERVED]).when(cmd('RecordShipmentCreated', { shipmentId: 's1', trackingNumber: 'T1', carrier: 'x' })).thenThrows(FailedPreconditionError);
    given(orderDecider, [...PLACED, RESERVED, AUTHORIZED]).when(cmd('Confirm')).thenThrows(FailedPreconditionError);
    given(orderDecider).when(cmd('RecordStockReserved')).thenThrows(FailedPreconditionError);
  });

  it('records a repeated step answer once', () => {
    given(orderDecider, [...PLACED, RESERVED]).when(cmd('RecordStockReserved')).then([]);
    given(orderDecider, [...PLACED, RESERVED, AUTHORIZED]).when(cmd('RecordPaymentAuthorized', { paymentId: 'pay2', amount: usd(1) })).then([]);
  });

  it('fails on a risk decline with the reasons, and passes a review', () => {
    const reasons = [{ code: 'velocity', description: 'many orders in an hour', weight: 0.7 }];
    const decline = cmd('RecordRisk', { decision: 'DECISION_DECLINE', score: 0.93, reasons, modelVersion: 'm1' });
    const events = given(orderDecider, PLACED);
    events.when(decline).then([
      { type: 'mercato.orders.v1.OrderRiskAssessed', data: { ...ids, decision: 'DECISION_DECLINE', score: 0.93, reasons, modelVersion: 'm1', eventTime: at } },
      { type: 'mercato.orders.v1.OrderFailed', data: { ...ids, step: 'SAGA_STEP_ASSESS_RISK', reason: 'FAILURE_REASON_RISK_DECLINED', message: 'declined by risk assessment: many orders in an hour', eventTime: at } },
    ]);
    const review = orderDecider.decide(cmd('RecordRisk', { decision: 'DECISION_REVIEW', score: 0.5, reasons, modelVersion: 'm1' }), fold(orderDecider, PLACED));
    expect(review.map((e) => e.type)).toEqual(['mercato.orders.v1.OrderRiskAssessed']);
  });

  it('fails before the shipment, but not after it', () => {
    const fail = cmd('Fail', { step: 'SAGA_STEP_AUTHORIZE_PAYMENT', reason: 'FAILURE_REASON_PAYMENT_DECLINED', message: 'card declined' });
    given(orderDecider, [...PLACED, RESERVED]).when(fail).then([failedAt('SAGA_STEP_AUTHORIZE_PAYMENT', 'FAILURE_REASON_PAYMENT_DECLINED', 'card declined')]);
    given(orderDecider, [...PLACED, RESERVED, AUTHORIZED, SHIPPED]).when(fail).thenThrows(FailedPreconditionError);
  });

  it('ignores late answers after a failure, and compensates what was done, once', () => {
    const failed = [...PLACED, RESERVED, AUTHORIZED, failedAt('SAGA_STEP_RESERVE_STOCK', 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE', 'shipping down')];
    given(orderDecider, failed).when(cmd('RecordShipmentCreated', { shipmentId: 's1', trackingNumber: 'T1', carrier: 'x' })).then([]);
    given(orderDecider, failed).when(cmd('RecordStockReleased')).then([{ type: 'mercato.orders.v1.OrderStockReleased', data: { ...ids, eventTime: at } }]);
    given(orderDecider, failed).when(cmd('RecordPaymentVoided')).then([{ type: 'mercato.orders.v1.OrderPaymentVoided', data: { ...ids, paymentId: 'pay1', eventTime: at } }]);
    const released: OrderEvent = { type: 'mercato.orders.v1.OrderStockReleased', data: { ...ids, eventTime: at } };
    given(orderDecider, [...failed, released]).when(cmd('RecordStockReleased')).then([]);
    given(orderDecider, PLACED).when(cmd('RecordStockReleased')).then([]);
  });
});

describe('nextStep', () => {
  const step = (events: OrderEvent[], riskEnabled = false) => nextStep(fold(orderDecider, events), { riskEnabled });

  it('walks the saga forward, with the risk step only when it exists', () => {
    expect(step([])).toBeUndefined();
    expect(step(PLACED)).toBe('reserve-stock');
    expect(step(PLACED, true)).toBe('assess-risk');
    expect(step([...PLACED, RESERVED])).toBe('authorize-payment');
    expect(step([...PLACED, RESERVED, AUTHORIZED])).toBe('create-shipment');
    expect(step([...PLACED, RESERVED, AUTHORIZED, SHIPPED])).toBe('commit-stock');
    expect(step([...PLACED, RESERVED, AUTHORIZED, SHIPPED, COMMITTED])).toBe('capture-payment');
    expect(step([...PLACED, RESERVED, AUTHORIZED, SHIPPED, COMMITTED, CAPTURED])).toBe('confirm');
  });

  it('compensates in order after a failure, and releases an uncertain reservation', () => {
    const declined = [...PLACED, RESERVED, failedAt('SAGA_STEP_AUTHORIZE_PAYMENT', 'FAILURE_REASON_PAYMENT_DECLINED', 'no')];
    expect(step(declined)).toBe('release-stock');
    expect(step([...declined, { type: 'mercato.orders.v1.OrderStockReleased', data: { ...ids, eventTime: at } }])).toBeUndefined();
    expect(step([...PLACED, failedAt('SAGA_STEP_RESERVE_STOCK', 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE', 'down')])).toBe('release-stock');
    const withPayment = [...PLACED, RESERVED, AUTHORIZED, failedAt('SAGA_STEP_RESERVE_STOCK', 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE', 'x')];
    expect(step([...withPayment, { type: 'mercato.orders.v1.OrderStockReleased', data: { ...ids, eventTime: at } }])).toBe('void-payment');
  });

  it('voids an authorization whose answer was lost, once, and not after a decline', () => {
    const lost = [...PLACED, RESERVED, failedAt('SAGA_STEP_AUTHORIZE_PAYMENT', 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE', 'payments is unavailable')];
    const released = [...lost, { type: 'mercato.orders.v1.OrderStockReleased', data: { ...ids, eventTime: at } } as OrderEvent];
    expect(step(lost)).toBe('release-stock');
    expect(step(released)).toBe('void-payment');
    given(orderDecider, released).when(cmd('RecordPaymentVoided', { paymentId: 'pay-derived' })).then([{ type: 'mercato.orders.v1.OrderPaymentVoided', data: { ...ids, paymentId: 'pay-derived', eventTime: at } }]);
    const voided = [...released, { type: 'mercato.orders.v1.OrderPaymentVoided', data: { ...ids, paymentId: 'pay-derived', eventTime: at } } as OrderEvent];
    expect(step(voided)).toBeUndefined();
    given(orderDecider, voided).when(cmd('RecordPaymentVoided', { paymentId: 'pay-derived' })).then([]);
    // A decline is an answer: nothing was held, nothing to void.
    const declined = [...PLACED, RESERVED, failedAt('SAGA_STEP_AUTHORIZE_PAYMENT', 'FAILURE_REASON_PAYMENT_DECLINED', 'no'), { type: 'mercato.orders.v1.OrderStockReleased', data: { ...ids, eventTime: at } } as OrderEvent];
    expect(step(declined)).toBeUndefined();
    given(orderDecider, declined).when(cmd('RecordPaymentVoided', {})).then([]);
  });
});
