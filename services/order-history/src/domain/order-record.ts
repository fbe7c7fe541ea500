// One order as the read side knows it: the facts gathered from its own stream and from the
// payment and shipment streams that name it. `evolve` is pure and gives the same record whatever
// the order of events ACROSS streams (payment events may land before the order's own): facts from
// different streams never overwrite each other blindly — each fact has one owning stream, the
// other stream only fills a gap — and the timeline is kept sorted by time, then $all position.
import { addMoney, type Money } from '@mercato/kit';
import type { Address__Output as Address } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { OrderLine__Output as OrderLine } from '@mercato/protos/gen/mercato/orders/v1/OrderLine';
import type { CardSummary__Output as CardSummary } from '@mercato/protos/gen/mercato/payments/v1/CardSummary';
import { assertNever } from '@mercato/eventsourcing';
import type { HistoryEvent } from './events';
import { describeEvent } from './timeline';
import { compareTimes, latestTime, type Timestamp } from './time';

/** A place in $all as decimal strings (the record is stored as JSON). */
export interface At {
  commit: string;
  prepare: string;
}

export interface PaymentRecord {
  paymentId: string;
  card: CardSummary | null;
  authorized: Money | null;
  captured: Money | null;
  refunded: Money | null;
  declined: boolean;
  voided: boolean;
  /** The newest event about this payment: picks the payment when the order names none. */
  lastAt: At;
}

export interface ShipmentRecord {
  shipmentId: string;
  carrier: string;
  trackingNumber: string;
  /** A mercato.shipping.v1.ShipmentStatus name; "" before any tracking step. */
  status: string;
  /** Where `status` came from: a later step of the shipment's stream replaces it, an earlier one never. */
  statusAt: At | null;
  estimatedDelivery: Timestamp | null;
  lastAt: At;
}

export interface TimelineRecord {
  eventType: string;
  description: string;
  eventTime: Timestamp;
  at: At;
}

export interface OrderRecord {
  orderId: string;
  customerId: string;
  /** Set by OrderPlaced: until then the order is not shown to anyone. */
  placeTime: Timestamp | null;
  shippingAddress: Address | null;
  card: CardSummary | null;
  lines: OrderLine[];
  subtotal: Money | null;
  shippingCost: Money | null;
  total: Money | null;
  confirmed: { time: Timestamp; total: Money | null } | null;
  failure: { time: Timestamp; step: string; reason: string; message: string } | null;
  /** The payment and shipment the order's own stream names ("" until it does). */
  paymentId: string;
  shipmentId: string;
  payments: Record<string, PaymentRecord>;
  shipments: Record<string, ShipmentRecord>;
  timeline: TimelineRecord[];
  updateTime: Timestamp | null;
}

/** Where an event sits: its $all position and its time (the payload's event_time, else the store's). */
export interface EventMeta {
  at: At;
  time: Timestamp;
}

export function emptyOrder(orderId: string): OrderRecord {
  return {
    orderId,
    customerId: '',
    placeTime: null,
    shippingAddress: null,
    card: null,
    lines: [],
    subtotal: null,
    shippingCost: null,
    total: null,
    confirmed: null,
    failure: null,
    paymentId: '',
    shipmentId: '',
    payments: {},
    shipments: {},
    timeline: [],
    updateTime: null,
  };
}

/** Every consumed event names its order. */
export function orderIdOf(event: HistoryEvent): string {
  return event.data.orderId;
}

const money = (m: Money | null | undefined): Money | null => (m ? { currencyCode: m.currencyCode, units: String(m.units), nanos: m.nanos } : null);

function payment(r: OrderRecord, paymentId: string, at: At): PaymentRecord {
  const p = (r.payments[paymentId] ??= { paymentId, card: null, authorized: null, captured: null, refunded: null, declined: false, voided: false, lastAt: at });
  if (compareAt(at, p.lastAt) > 0) p.lastAt = at;
  return p;
}

function shipment(r: OrderRecord, shipmentId: string, at: At): ShipmentRecord {
  const s = (r.shipments[shipmentId] ??= { shipmentId, carrier: '', trackingNumber: '', status: '', statusAt: null, estimatedDelivery: null, lastAt: at });
  if (compareAt(at, s.lastAt) > 0) s.lastAt = at;
  return s;
}

function setStatus(s: ShipmentRecord, status: string, at: At): void {
  if (s.statusAt && compareAt(at, s.statusAt) <= 0) return;
  s.status = status;
  s.statusAt = at;
}

/** The record after one event; `record` is not modified. */
export function evolve(record: OrderRecord | undefined, event: HistoryEvent, meta: EventMeta): OrderRecord {
  const r = record ? structuredClone(record) : emptyOrder(orderIdOf(event));
  const at = meta.at;
  // Only the order's own OrderPlaced says whose it is; other events fill the gap until then.
  if (!r.customerId && 'customerId' in event.data) r.customerId = event.data.customerId;
  switch (event.type) {
    case 'mercato.orders.v1.OrderPlaced':
      if (event.data.customerId) r.customerId = event.data.customerId;
      r.placeTime = meta.time;
      r.shippingAddress = event.data.shippingAddress;
      r.card = event.data.card;
      break;
    case 'mercato.orders.v1.OrderPriced':
      r.lines = event.data.lines.map((l) => ({ ...l, unitPrice: money(l.unitPrice), lineTotal: money(l.lineTotal) }));
      r.subtotal = money(event.data.subtotal);
      r.shippingCost = money(event.data.shippingCost);
      r.total = money(event.data.total);
      break;
    case 'mercato.orders.v1.OrderRiskAssessed':
    case 'mercato.orders.v1.OrderStockReserved':
    case 'mercato.orders.v1.OrderStockCommitted':
    case 'mercato.orders.v1.OrderStockReleased':
      break;
    case 'mercato.orders.v1.OrderPaymentAuthorized':
      r.paymentId = event.data.paymentId;
      if (event.data.paymentId) payment(r, event.data.paymentId, at).authorized ??= money(event.data.amount);
      break;
    case 'mercato.orders.v1.OrderPaymentCaptured': {
      const id = event.data.paymentId || r.paymentId;
      if (id) payment(r, id, at).captured ??= money(event.data.amount);
      break;
    }
    case 'mercato.orders.v1.OrderPaymentVoided': {
      const id = event.data.paymentId || r.paymentId;
      if (id) payment(r, id, at).voided = true;
      break;
    }
    case 'mercato.orders.v1.OrderShipmentCreated': {
      r.shipmentId = event.data.shipmentId;
      if (!event.data.shipmentId) break;
      const s = shipment(r, event.data.shipmentId, at);
      s.carrier ||= event.data.carrier;
      s.trackingNumber ||= event.data.trackingNumber;
      break;
    }
    case 'mercato.orders.v1.OrderConfirmed':
      r.confirmed = { time: meta.time, total: money(event.data.total) };
      break;
    case 'mercato.orders.v1.OrderFailed':
      r.failure = { time: meta.time, step: String(event.data.step), reason: String(event.data.reason), message: event.data.message };
      break;
    case 'mercato.payments.v1.PaymentAuthorized': {
      const p = payment(r, event.data.paymentId, at);
      p.authorized = money(event.data.amount);
      p.card = event.data.card ?? p.card;
      break;
    }
    case 'mercato.payments.v1.PaymentDeclined': {
      const p = payment(r, event.data.paymentId, at);
      p.declined = true;
      p.card = event.data.card ?? p.card;
      break;
    }
    case 'mercato.payments.v1.PaymentCaptured':
      payment(r, event.data.paymentId, at).captured = money(event.data.amount);
      break;
    case 'mercato.payments.v1.PaymentVoided':
      payment(r, event.data.paymentId, at).voided = true;
      break;
    case 'mercato.payments.v1.PaymentRefunded': {
      const p = payment(r, event.data.paymentId, at);
      const amount = money(event.data.amount);
      // Refunds add up; one in another currency than the first cannot be added and is left out.
      if (amount && (!p.refunded || p.refunded.currencyCode === amount.currencyCode)) p.refunded = p.refunded ? addMoney(p.refunded, amount) : amount;
      break;
    }
    case 'mercato.shipping.v1.ShipmentCreated': {
      const s = shipment(r, event.data.shipmentId, at);
      s.carrier = event.data.carrier || s.carrier;
      s.trackingNumber = event.data.trackingNumber || s.trackingNumber;
      s.estimatedDelivery = event.data.estimatedDeliveryTime;
      setStatus(s, 'SHIPMENT_STATUS_LABEL_CREATED', at);
      break;
    }
    case 'mercato.shipping.v1.ShipmentStatusChanged':
      setStatus(shipment(r, event.data.shipmentId, at), String(event.data.status), at);
      break;
    default:
      return assertNever(event);
  }
  const description = describeEvent(event);
  if (description !== undefined) {
    r.timeline.push({ eventType: event.type, description, eventTime: meta.time, at });
    r.timeline.sort((a, b) => compareTimes(a.eventTime, b.eventTime) || compareAt(a.at, b.at));
  }
  r.updateTime = latestTime(r.updateTime, meta.time);
  return r;
}

export function compareAt(a: At, b: At): number {
  const d = BigInt(a.commit) - BigInt(b.commit) || BigInt(a.prepare) - BigInt(b.prepare);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}
