// The events the feature store learns from (service.yaml `consumes`), as one discriminated union
// over the generated protobuf types, and the filter pushed down to the event store.
import type { EventFilter, Message } from '@mercato/eventsourcing';
import type { OrderConfirmed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderConfirmed';
import type { OrderFailed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderFailed';
import type { OrderPlaced__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPlaced';
import type { OrderPriced__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPriced';
import type { OrderRiskAssessed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderRiskAssessed';
import type { PaymentAuthorized__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentAuthorized';
import type { PaymentDeclined__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentDeclined';
import type { PaymentRefunded__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentRefunded';

export type RiskEvent =
  | Message<'mercato.orders.v1.OrderPlaced', OrderPlaced__Output>
  | Message<'mercato.orders.v1.OrderPriced', OrderPriced__Output>
  | Message<'mercato.orders.v1.OrderRiskAssessed', OrderRiskAssessed__Output>
  | Message<'mercato.orders.v1.OrderConfirmed', OrderConfirmed__Output>
  | Message<'mercato.orders.v1.OrderFailed', OrderFailed__Output>
  | Message<'mercato.payments.v1.PaymentAuthorized', PaymentAuthorized__Output>
  | Message<'mercato.payments.v1.PaymentDeclined', PaymentDeclined__Output>
  | Message<'mercato.payments.v1.PaymentRefunded', PaymentRefunded__Output>;

export type RiskEventType = RiskEvent['type'];

/** Stream prefix → the event types consumed from it: the same lists as service.yaml `consumes`. */
export const CONSUMED: Readonly<Record<'order-' | 'payment-', readonly RiskEventType[]>> = {
  'order-': [
    'mercato.orders.v1.OrderPlaced',
    'mercato.orders.v1.OrderPriced',
    'mercato.orders.v1.OrderRiskAssessed',
    'mercato.orders.v1.OrderConfirmed',
    'mercato.orders.v1.OrderFailed',
  ],
  'payment-': ['mercato.payments.v1.PaymentAuthorized', 'mercato.payments.v1.PaymentDeclined', 'mercato.payments.v1.PaymentRefunded'],
};

/** Both lists must match at the store, so "card-" streams and other types never arrive. */
export const RISK_FILTER: EventFilter = { streamPrefixes: Object.keys(CONSUMED), eventTypes: [...new Set(Object.values(CONSUMED).flat())] };

/** Whether a stored event is one of ours: its type is consumed from its stream's prefix. */
export function isConsumed(stream: string, type: string): type is RiskEventType {
  for (const [prefix, types] of Object.entries(CONSUMED)) if (stream.startsWith(prefix)) return (types as readonly string[]).includes(type);
  return false;
}
