// What a person reads for each event on an order's timeline. Payment and shipment events that
// only mirror an event of the order's own stream (authorized, captured, voided, shipment created)
// are left out, so a step shows once.
import { assertNever } from '@mercato/eventsourcing';
import { formatMoney, type Money } from '@mercato/kit';
import type { HistoryEvent } from './events';

const amount = (m: Money | null): string => (m ? ` of ${formatMoney({ ...m, units: String(m.units) })}` : '');

/** Enum names for people: "SHIPMENT_STATUS_OUT_FOR_DELIVERY" → "out for delivery". */
export function enumWords(value: unknown, prefix: string): string {
  return String(value).replace(prefix, '').toLowerCase().replace(/_/g, ' ');
}

const RISK: Record<string, string> = {
  DECISION_APPROVE: 'Fraud check passed',
  DECISION_REVIEW: 'Fraud check: flagged for review',
  DECISION_DECLINE: 'Fraud check: declined',
};

const SHIPMENT: Record<string, string> = {
  SHIPMENT_STATUS_LABEL_CREATED: 'Shipping label created',
  SHIPMENT_STATUS_PICKED_UP: 'Picked up by the carrier',
  SHIPMENT_STATUS_IN_TRANSIT: 'In transit',
  SHIPMENT_STATUS_OUT_FOR_DELIVERY: 'Out for delivery',
  SHIPMENT_STATUS_DELIVERED: 'Delivered',
  SHIPMENT_STATUS_EXCEPTION: 'Delivery problem',
};

/** The timeline line of an event, or undefined when the event is not shown. */
export function describeEvent(event: HistoryEvent): string | undefined {
  switch (event.type) {
    case 'mercato.orders.v1.OrderPlaced':
      return 'Order placed';
    case 'mercato.orders.v1.OrderPriced':
      return `Order priced${event.data.total ? `: ${formatMoney(event.data.total)}` : ''}`;
    case 'mercato.orders.v1.OrderRiskAssessed':
      return RISK[String(event.data.decision)] ?? 'Fraud check done';
    case 'mercato.orders.v1.OrderStockReserved':
      return 'Items reserved';
    case 'mercato.orders.v1.OrderPaymentAuthorized':
      return `Payment${amount(event.data.amount)} authorized`;
    case 'mercato.orders.v1.OrderShipmentCreated':
      return `Shipment created${event.data.carrier ? ` with ${event.data.carrier}` : ''}${event.data.trackingNumber ? `, tracking number ${event.data.trackingNumber}` : ''}`;
    case 'mercato.orders.v1.OrderStockCommitted':
      return 'Items set aside for shipping';
    case 'mercato.orders.v1.OrderPaymentCaptured':
      return `Payment${amount(event.data.amount)} captured`;
    case 'mercato.orders.v1.OrderConfirmed':
      return 'Order confirmed';
    case 'mercato.orders.v1.OrderFailed':
      return event.data.message ? `Order failed: ${event.data.message}` : `Order failed (${enumWords(event.data.reason, 'FAILURE_REASON_')})`;
    case 'mercato.orders.v1.OrderStockReleased':
      return 'Reserved items released';
    case 'mercato.orders.v1.OrderPaymentVoided':
      return 'Payment authorization voided';
    case 'mercato.payments.v1.PaymentDeclined':
      return event.data.message ? `Payment declined: ${event.data.message}` : `Payment declined (${enumWords(event.data.reason, 'DECLINE_REASON_')})`;
    case 'mercato.payments.v1.PaymentRefunded':
      return `Refund${amount(event.data.amount)}${event.data.reason ? `: ${event.data.reason}` : ''}`;
    case 'mercato.shipping.v1.ShipmentStatusChanged': {
      const what = event.data.description || SHIPMENT[String(event.data.status)] || enumWords(event.data.status, 'SHIPMENT_STATUS_');
      return event.data.location ? `${what} (${event.data.location})` : what;
    }
    case 'mercato.payments.v1.PaymentAuthorized':
    case 'mercato.payments.v1.PaymentCaptured':
    case 'mercato.payments.v1.PaymentVoided':
    case 'mercato.shipping.v1.ShipmentCreated':
      return undefined;
    default:
      return assertNever(event);
  }
}
