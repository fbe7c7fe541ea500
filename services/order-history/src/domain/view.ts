// What callers see of an order record: its status derived from the facts (so it cannot depend on
// which stream's event came first), the payment and shipment it refers to, and its summary.
import { subtractMoney, toNanos } from '@mercato/kit';
import type { OrderStatus__Output as OrderStatus } from '@mercato/protos/gen/mercato/orders/v1/OrderStatus';
import type { OrderSummary } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderSummary';
import type { OrderView } from '@mercato/protos/gen/mercato/orderhistory/v1/OrderView';
import type { PaymentView } from '@mercato/protos/gen/mercato/orderhistory/v1/PaymentView';
import type { ShipmentView } from '@mercato/protos/gen/mercato/orderhistory/v1/ShipmentView';
import type { PaymentStatus__Output as PaymentStatus } from '@mercato/protos/gen/mercato/payments/v1/PaymentStatus';
import type { ShipmentStatus__Output as ShipmentStatus } from '@mercato/protos/gen/mercato/shipping/v1/ShipmentStatus';
import type { FailureReason__Output as FailureReason } from '@mercato/protos/gen/mercato/orders/v1/FailureReason';
import { compareAt, type OrderRecord, type PaymentRecord, type ShipmentRecord } from './order-record';

export const ORDER_STATUSES = ['ORDER_STATUS_PENDING', 'ORDER_STATUS_CONFIRMED', 'ORDER_STATUS_FAILED', 'ORDER_STATUS_SHIPPED', 'ORDER_STATUS_DELIVERED'] as const satisfies readonly OrderStatus[];

const ON_ITS_WAY = new Set(['SHIPMENT_STATUS_PICKED_UP', 'SHIPMENT_STATUS_IN_TRANSIT', 'SHIPMENT_STATUS_OUT_FOR_DELIVERY', 'SHIPMENT_STATUS_EXCEPTION']);

/** Whether callers can see the order: its OrderPlaced has been projected. */
export function isPlaced(r: OrderRecord): r is OrderRecord & { placeTime: NonNullable<OrderRecord['placeTime']> } {
  return r.placeTime !== null;
}

/** The order's payment: the one its stream names, else the one with the newest event. */
export function currentPayment(r: OrderRecord): PaymentRecord | undefined {
  return r.payments[r.paymentId] ?? newest(Object.values(r.payments));
}

export function currentShipment(r: OrderRecord): ShipmentRecord | undefined {
  return r.shipments[r.shipmentId] ?? newest(Object.values(r.shipments));
}

function newest<T extends { lastAt: PaymentRecord['lastAt'] }>(items: T[]): T | undefined {
  return items.reduce<T | undefined>((best, x) => (!best || compareAt(x.lastAt, best.lastAt) > 0 ? x : best), undefined);
}

/** FAILED and CONFIRMED come from the order's stream; SHIPPED and DELIVERED from its shipment, once confirmed. */
export function orderStatus(r: OrderRecord): OrderStatus {
  if (r.failure) return 'ORDER_STATUS_FAILED';
  if (!r.confirmed) return 'ORDER_STATUS_PENDING';
  const shipped = currentShipment(r)?.status ?? '';
  if (shipped === 'SHIPMENT_STATUS_DELIVERED') return 'ORDER_STATUS_DELIVERED';
  if (ON_ITS_WAY.has(shipped)) return 'ORDER_STATUS_SHIPPED';
  return 'ORDER_STATUS_CONFIRMED';
}

export function paymentStatus(p: PaymentRecord): PaymentStatus {
  if (p.declined) return 'PAYMENT_STATUS_DECLINED';
  if (p.refunded && toNanos(p.refunded) > 0n) {
    const left = p.captured && p.captured.currencyCode === p.refunded.currencyCode ? toNanos(subtractMoney(p.captured, p.refunded)) : 0n;
    return left > 0n ? 'PAYMENT_STATUS_PARTIALLY_REFUNDED' : 'PAYMENT_STATUS_REFUNDED';
  }
  if (p.voided) return 'PAYMENT_STATUS_VOIDED';
  if (p.captured) return 'PAYMENT_STATUS_CAPTURED';
  if (p.authorized) return 'PAYMENT_STATUS_AUTHORIZED';
  return 'PAYMENT_STATUS_UNSPECIFIED';
}

function paymentView(r: OrderRecord): PaymentView | null {
  const p = currentPayment(r);
  // Before any payment event the card from checkout is still worth showing.
  if (!p) return r.card ? { paymentId: '', status: 'PAYMENT_STATUS_UNSPECIFIED', card: r.card, authorizedAmount: null, capturedAmount: null, refundedAmount: null } : null;
  return { paymentId: p.paymentId, status: paymentStatus(p), card: p.card ?? r.card, authorizedAmount: p.authorized, capturedAmount: p.captured, refundedAmount: p.refunded };
}

function shipmentStatus(s: ShipmentRecord | undefined): ShipmentStatus {
  return (s?.status || 'SHIPMENT_STATUS_UNSPECIFIED') as ShipmentStatus;
}

function shipmentView(r: OrderRecord): ShipmentView | null {
  const s = currentShipment(r);
  if (!s) return null;
  return { shipmentId: s.shipmentId, status: shipmentStatus(s), carrier: s.carrier, trackingNumber: s.trackingNumber, estimatedDeliveryTime: s.estimatedDelivery };
}

export function itemCount(r: OrderRecord): number {
  return r.lines.reduce((n, l) => n + l.quantity, 0);
}

export function toOrderView(r: OrderRecord): OrderView {
  return {
    orderId: r.orderId,
    customerId: r.customerId,
    status: orderStatus(r),
    lines: r.lines,
    subtotal: r.subtotal,
    shippingCost: r.shippingCost,
    total: r.confirmed?.total ?? r.total,
    shippingAddress: r.shippingAddress,
    payment: paymentView(r),
    shipment: shipmentView(r),
    failureReason: (r.failure?.reason ?? 'FAILURE_REASON_UNSPECIFIED') as FailureReason,
    failureMessage: r.failure?.message ?? '',
    timeline: r.timeline.map((t) => ({ eventType: t.eventType, description: t.description, eventTime: t.eventTime })),
    placeTime: r.placeTime,
    updateTime: r.updateTime,
  };
}

export function toOrderSummary(r: OrderRecord): OrderSummary {
  return {
    orderId: r.orderId,
    status: orderStatus(r),
    total: r.confirmed?.total ?? r.total,
    itemCount: itemCount(r),
    shipmentStatus: shipmentStatus(currentShipment(r)),
    placeTime: r.placeTime,
  };
}
