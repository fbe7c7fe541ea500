// Realistic event sequences as the orders, payments and shipping services write them: one saga
// per order, each step's outcome an event, with the payment and shipment streams alongside.
import { randomUUID } from 'node:crypto';
import { encodeEvent, type Position } from '@mercato/eventsourcing';
import type { EventStoreClient } from '@mercato/eventstore';
import { moneyFromCents, multiplyMoney, sumMoney, type Money } from '@mercato/kit';

export interface Draft {
  stream: string;
  type: string;
  data: object;
}

export interface Line {
  productId: string;
  name: string;
  quantity: number;
  cents: number;
}

export type Outcome =
  | { kind: 'pending' }
  | { kind: 'confirmed'; tracking?: string[]; refundCents?: number }
  | { kind: 'declined' }
  | { kind: 'no-shipping' };

export interface OrderSpec {
  orderId: string;
  customerId: string;
  /** ISO time of OrderPlaced; every later step follows a few seconds apart. */
  placedAt: string;
  lines: Line[];
  shippingCents: number;
  currency?: string;
  outcome: Outcome;
  /** Write the payment stream's events before any of the order's own (cross-stream order). */
  paymentFirst?: boolean;
}

export function timestamp(iso: string, plusSeconds = 0): { seconds: string; nanos: number } {
  const ms = Date.parse(iso) + plusSeconds * 1000;
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

const ADDRESS = { recipient: 'Ada Lovelace', addressLines: ['12 Analytical Row'], locality: 'London', postalCode: 'N1 9GU', regionCode: 'GB' };
const CARD = { brand: 'CARD_BRAND_VISA', last4: '4242', expiryMonth: 12, expiryYear: 2030 };

/** The drafts of one order in the order the services would write them (streams interleaved). */
export function orderEvents(spec: OrderSpec): Draft[] {
  const cur = spec.currency ?? 'USD';
  const { orderId, customerId } = spec;
  const paymentId = `pay-${orderId}`;
  const shipmentId = `shp-${orderId}`;
  let step = 0;
  const at = (): { seconds: string; nanos: number } => timestamp(spec.placedAt, 7 * step++);
  const order = (type: string, data: object): Draft => ({ stream: `order-${orderId}`, type: `mercato.orders.v1.${type}`, data: { orderId, customerId, ...data, eventTime: at() } });
  const payment = (type: string, data: object): Draft => ({ stream: `payment-${paymentId}`, type: `mercato.payments.v1.${type}`, data: { paymentId, orderId, customerId, ...data, eventTime: at() } });
  const shipment = (type: string, data: object): Draft => ({ stream: `shipment-${shipmentId}`, type: `mercato.shipping.v1.${type}`, data: { shipmentId, orderId, ...data, eventTime: at() } });

  const lines = spec.lines.map((l) => {
    const unitPrice = moneyFromCents(l.cents, cur);
    return { productId: l.productId, productName: l.name, quantity: l.quantity, unitPrice, lineTotal: multiplyMoney(unitPrice, l.quantity) };
  });
  const subtotal = sumMoney(lines.map((l) => l.lineTotal), cur);
  const shippingCost = moneyFromCents(spec.shippingCents, cur);
  const total: Money = sumMoney([subtotal, shippingCost], cur);

  const placed = order('OrderPlaced', {
    cartId: `cart-${customerId}`,
    idempotencyKey: randomUUID(),
    shippingAddress: ADDRESS,
    billingAddress: ADDRESS,
    shippingSpeed: 'SHIPPING_SPEED_STANDARD',
    cardToken: `tok-${orderId}`,
    card: CARD,
    cardFingerprint: 'fp-4242',
    email: `${customerId}@example.com`,
  });
  const out: Draft[] = [placed];
  out.push(order('OrderPriced', { lines, subtotal, shippingCost, total }));
  if (spec.outcome.kind === 'pending') return out;
  out.push(order('OrderRiskAssessed', { decision: 'DECISION_APPROVE', score: 0.12, reasons: [{ code: 'new_account', description: 'Account is new' }], modelVersion: 'risk-v1' }));
  out.push(order('OrderStockReserved', {}));
  if (spec.outcome.kind === 'declined') {
    out.push(payment('PaymentDeclined', { idempotencyKey: `auth-${orderId}`, amount: total, card: CARD, cardFingerprint: 'fp-4242', reason: 'DECLINE_REASON_INSUFFICIENT_FUNDS', message: 'Your card has insufficient funds.' }));
    out.push(order('OrderFailed', { step: 'SAGA_STEP_AUTHORIZE_PAYMENT', reason: 'FAILURE_REASON_PAYMENT_DECLINED', message: 'Your card was declined: insufficient funds.' }));
    out.push(order('OrderStockReleased', {}));
    return movePaymentFirst(spec, out);
  }
  out.push(payment('PaymentAuthorized', { idempotencyKey: `auth-${orderId}`, amount: total, card: CARD, cardFingerprint: 'fp-4242' }));
  out.push(order('OrderPaymentAuthorized', { paymentId, amount: total }));
  if (spec.outcome.kind === 'no-shipping') {
    out.push(order('OrderFailed', { step: 'SAGA_STEP_CREATE_SHIPMENT', reason: 'FAILURE_REASON_SHIPPING_UNAVAILABLE', message: 'We cannot ship to this address right now.' }));
    out.push(order('OrderStockReleased', {}));
    out.push(payment('PaymentVoided', {}));
    out.push(order('OrderPaymentVoided', { paymentId }));
    return movePaymentFirst(spec, out);
  }
  const tracking = `TRK${orderId.replace(/\W/g, '').toUpperCase()}`;
  out.push(
    shipment('ShipmentCreated', {
      speed: 'SHIPPING_SPEED_STANDARD',
      carrier: 'Mercato Post',
      trackingNumber: tracking,
      destination: ADDRESS,
      parcels: spec.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitWeightGrams: 250 })),
      cost: shippingCost,
      estimatedDeliveryTime: timestamp(spec.placedAt, 3 * 86_400),
    }),
  );
  out.push(order('OrderShipmentCreated', { shipmentId, trackingNumber: tracking, carrier: 'Mercato Post' }));
  out.push(order('OrderStockCommitted', {}));
  out.push(payment('PaymentCaptured', { amount: total }));
  out.push(order('OrderPaymentCaptured', { paymentId, amount: total }));
  out.push(order('OrderConfirmed', { total }));
  for (const status of spec.outcome.tracking ?? []) out.push(shipment('ShipmentStatusChanged', { status, description: '', location: status === 'SHIPMENT_STATUS_DELIVERED' ? 'Front door' : 'Depot' }));
  if (spec.outcome.refundCents) out.push(payment('PaymentRefunded', { idempotencyKey: `refund-${orderId}`, amount: moneyFromCents(spec.outcome.refundCents, cur), reason: 'Damaged item' }));
  return movePaymentFirst(spec, out);
}

function movePaymentFirst(spec: OrderSpec, drafts: Draft[]): Draft[] {
  if (!spec.paymentFirst) return drafts;
  const isPayment = (d: Draft): boolean => d.stream.startsWith('payment-');
  return [...drafts.filter(isPayment), ...drafts.filter((d) => !isPayment(d))];
}

/** Interleaves several orders' drafts round-robin, keeping each order's own sequence. */
export function interleave(...orders: Draft[][]): Draft[] {
  const out: Draft[] = [];
  const queues = orders.map((o) => [...o]);
  while (queues.some((q) => q.length)) for (const q of queues) if (q.length) out.push(q.shift()!);
  return out;
}

/** Appends each draft on its own (one commit per event, as the saga's steps are); returns the last position. */
export async function append(client: EventStoreClient, drafts: Draft[]): Promise<Position> {
  let last: Position = { commit: 0n, prepare: 0n };
  for (const d of drafts) {
    const e = encodeEvent({ type: d.type, data: d.data }, randomUUID(), { 'correlation-id': d.stream });
    const r = await client.append({
      stream: d.stream,
      expectedRevision: { any: {} },
      events: [{ id: e.id, type: e.type, data: Buffer.from(e.data), metadata: e.metadata, contentType: e.contentType ?? '' }],
    });
    last = { commit: BigInt(r.position!.commit), prepare: BigInt(r.position!.prepare) };
  }
  return last;
}

const MUG: Omit<Line, 'quantity'> = { productId: 'MUG-001', name: 'Stoneware Mug', cents: 1250 };
const TEE: Omit<Line, 'quantity'> = { productId: 'TEE-002', name: 'Organic Tee', cents: 2000 };
const LAMP: Omit<Line, 'quantity'> = { productId: 'LAMP-003', name: 'Desk Lamp', cents: 4599 };
const PEN: Omit<Line, 'quantity'> = { productId: 'PEN-004', name: 'Fountain Pen', cents: 899 };

export const DAY = '2025-03-10';

/** Three customers; confirmed, shipped, delivered, refunded, pending and failed orders, one in EUR. */
export function storeDay(): OrderSpec[] {
  const at = (hhmm: string): string => `${DAY}T${hhmm}:00.000Z`;
  const specs: OrderSpec[] = [
    { orderId: 'o-alice-1', customerId: 'alice', placedAt: at('09:05'), lines: [{ ...MUG, quantity: 2 }, { ...TEE, quantity: 1 }], shippingCents: 500, outcome: { kind: 'confirmed', tracking: ['SHIPMENT_STATUS_PICKED_UP', 'SHIPMENT_STATUS_IN_TRANSIT', 'SHIPMENT_STATUS_OUT_FOR_DELIVERY', 'SHIPMENT_STATUS_DELIVERED'] } },
    { orderId: 'o-alice-2', customerId: 'alice', placedAt: at('10:20'), lines: [{ ...LAMP, quantity: 1 }], shippingCents: 700, outcome: { kind: 'confirmed', tracking: ['SHIPMENT_STATUS_PICKED_UP', 'SHIPMENT_STATUS_IN_TRANSIT'] }, paymentFirst: true },
    { orderId: 'o-bob-1', customerId: 'bob', placedAt: at('09:40'), lines: [{ ...TEE, quantity: 3 }], shippingCents: 500, outcome: { kind: 'declined' }, paymentFirst: true },
    { orderId: 'o-bob-2', customerId: 'bob', placedAt: at('10:50'), lines: [{ ...PEN, quantity: 4 }, { ...MUG, quantity: 1 }], shippingCents: 0, outcome: { kind: 'confirmed', tracking: ['SHIPMENT_STATUS_PICKED_UP', 'SHIPMENT_STATUS_DELIVERED'], refundCents: 899 } },
    { orderId: 'o-carol-1', customerId: 'carol', placedAt: at('11:10'), lines: [{ ...LAMP, quantity: 2 }], shippingCents: 900, outcome: { kind: 'pending' } },
    { orderId: 'o-carol-2', customerId: 'carol', placedAt: at('11:30'), lines: [{ ...MUG, quantity: 6 }], shippingCents: 500, outcome: { kind: 'no-shipping' } },
    { orderId: 'o-carol-3', customerId: 'carol', placedAt: at('13:15'), lines: [{ ...PEN, quantity: 2 }], shippingCents: 300, currency: 'EUR', outcome: { kind: 'confirmed' } },
  ];
  // Alice orders often: enough for several pages.
  for (let i = 3; i <= 9; i++) {
    specs.push({ orderId: `o-alice-${i}`, customerId: 'alice', placedAt: at(`1${i % 3}:${String(10 + i * 5).padStart(2, '0')}`), lines: [{ ...(i % 2 ? PEN : MUG), quantity: i }], shippingCents: 400, outcome: i === 6 ? { kind: 'pending' } : { kind: 'confirmed', tracking: i % 3 === 0 ? ['SHIPMENT_STATUS_PICKED_UP'] : [] } });
  }
  // Placed in the same second as o-alice-4: paging must still order them and lose neither.
  specs.push({ orderId: 'o-alice-10', customerId: 'alice', placedAt: at('11:30'), lines: [{ ...TEE, quantity: 1 }], shippingCents: 400, outcome: { kind: 'confirmed' } });
  return specs;
}
