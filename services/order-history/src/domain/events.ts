// The events this read side consumes (service.yaml `consumes`), as one discriminated union over
// the generated protobuf types, and the filter pushed down to the event store's subscription.
import type { EventFilter } from '@mercato/eventsourcing';
import type { OrderConfirmed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderConfirmed';
import type { OrderFailed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderFailed';
import type { OrderPaymentAuthorized__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPaymentAuthorized';
import type { OrderPaymentCaptured__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPaymentCaptured';
import type { OrderPaymentVoided__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPaymentVoided';
import type { OrderPlaced__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPlaced';
import type { OrderPriced__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPriced';
import type { OrderRiskAssessed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderRiskAssessed';
import type { OrderShipmentCreated__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderShipmentCreated';
import type { OrderStockCommitted__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderStockCommitted';
import type { OrderStockReleased__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderStockReleased';
import type { OrderStockReserved__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderStockReserved';
import type { PaymentAuthorized__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentAuthorized';
import type { PaymentCaptured__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentCaptured';
import type { PaymentDeclined__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentDeclined';
import type { PaymentRefunded__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentRefunded';
import type { PaymentVoided__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentVoided';
import type { ShipmentCreated__Output } from '@mercato/protos/gen/mercato/shipping/v1/ShipmentCreated';
import type { ShipmentStatusChanged__Output } from '@mercato/protos/gen/mercato/shipping/v1/ShipmentStatusChanged';

type E<Type extends string, Data> = { type: Type; data: Data };

export type OrderStreamEvent =
  | E<'mercato.orders.v1.OrderPlaced', OrderPlaced__Output>
  | E<'mercato.orders.v1.OrderPriced', OrderPriced__Output>
  | E<'mercato.orders.v1.OrderRiskAssessed', OrderRiskAssessed__Output>
  | E<'mercato.orders.v1.OrderStockReserved', OrderStockReserved__Output>
  | E<'mercato.orders.v1.OrderPaymentAuthorized', OrderPaymentAuthorized__Output>
  | E<'mercato.orders.v1.OrderShipmentCreated', OrderShipmentCreated__Output>
  | E<'mercato.orders.v1.OrderStockCommitted', OrderStockCommitted__Output>
  | E<'mercato.orders.v1.OrderPaymentCaptured', OrderPaymentCaptured__Output>
  | E<'mercato.orders.v1.OrderConfirmed', OrderConfirmed__Output>
  | E<'mercato.orders.v1.OrderFailed', OrderFailed__Output>
  | E<'mercato.orders.v1.OrderStockReleased', OrderStockReleased__Output>
  | E<'mercato.orders.v1.OrderPaymentVoided', OrderPaymentVoided__Output>;

export type PaymentStreamEvent =
  | E<'mercato.payments.v1.PaymentAuthorized', PaymentAuthorized__Output>
  | E<'mercato.payments.v1.PaymentDeclined', PaymentDeclined__Output>
  | E<'mercato.payments.v1.PaymentCaptured', PaymentCaptured__Output>
  | E<'mercato.payments.v1.PaymentVoided', PaymentVoided__Output>
  | E<'mercato.payments.v1.PaymentRefunded', PaymentRefunded__Output>;

export type ShipmentStreamEvent =
  | E<'mercato.shipping.v1.ShipmentCreated', ShipmentCreated__Output>
  | E<'mercato.shipping.v1.ShipmentStatusChanged', ShipmentStatusChanged__Output>;

export type HistoryEvent = OrderStreamEvent | PaymentStreamEvent | ShipmentStreamEvent;
export type HistoryEventType = HistoryEvent['type'];

/** Stream prefix → the event types consumed from it; the same list as service.yaml `consumes`. */
export const CONSUMED: Readonly<Record<'order-' | 'payment-' | 'shipment-', readonly HistoryEventType[]>> = {
  'order-': [
    'mercato.orders.v1.OrderPlaced',
    'mercato.orders.v1.OrderPriced',
    'mercato.orders.v1.OrderRiskAssessed',
    'mercato.orders.v1.OrderStockReserved',
    'mercato.orders.v1.OrderPaymentAuthorized',
    'mercato.orders.v1.OrderShipmentCreated',
    'mercato.orders.v1.OrderStockCommitted',
    'mercato.orders.v1.OrderPaymentCaptured',
    'mercato.orders.v1.OrderConfirmed',
    'mercato.orders.v1.OrderFailed',
    'mercato.orders.v1.OrderStockReleased',
    'mercato.orders.v1.OrderPaymentVoided',
  ],
  'payment-': [
    'mercato.payments.v1.PaymentAuthorized',
    'mercato.payments.v1.PaymentDeclined',
    'mercato.payments.v1.PaymentCaptured',
    'mercato.payments.v1.PaymentVoided',
    'mercato.payments.v1.PaymentRefunded',
  ],
  'shipment-': ['mercato.shipping.v1.ShipmentCreated', 'mercato.shipping.v1.ShipmentStatusChanged'],
};

const TYPES = new Set<string>(Object.values(CONSUMED).flat());

/** Pushed down to the store: both lists must match, so "card-" streams and other types never arrive. */
export const HISTORY_FILTER: EventFilter = { streamPrefixes: Object.keys(CONSUMED), eventTypes: [...TYPES] };

/** Whether a stored event is one of ours: its type is consumed from its stream's prefix. */
export function isConsumed(stream: string, type: string): type is HistoryEventType {
  for (const [prefix, types] of Object.entries(CONSUMED)) if (stream.startsWith(prefix)) return (types as readonly string[]).includes(type);
  return false;
}

const MAX_KEY_LENGTH = 200;

/** Why an event cannot be projected (a key it must carry is missing or absurd), or undefined if it can. */
export function unusableKey(event: HistoryEvent): string | undefined {
  const keys: [string, string][] = [['order_id', event.data.orderId]];
  if ('paymentId' in event.data && event.type.startsWith('mercato.payments.')) keys.push(['payment_id', event.data.paymentId]);
  if ('shipmentId' in event.data && event.type.startsWith('mercato.shipping.')) keys.push(['shipment_id', event.data.shipmentId]);
  for (const [field, value] of keys) {
    if (typeof value !== 'string' || value.length === 0) return `${field} is empty`;
    if (value.length > MAX_KEY_LENGTH) return `${field} is longer than ${MAX_KEY_LENGTH} characters`;
  }
  return undefined;
}
