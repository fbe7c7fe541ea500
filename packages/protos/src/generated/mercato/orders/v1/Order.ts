// Original file: protos/mercato/orders/v1/orders.proto

import type { OrderStatus as _mercato_orders_v1_OrderStatus, OrderStatus__Output as _mercato_orders_v1_OrderStatus__Output } from '../../../mercato/orders/v1/OrderStatus';
import type { OrderLine as _mercato_orders_v1_OrderLine, OrderLine__Output as _mercato_orders_v1_OrderLine__Output } from '../../../mercato/orders/v1/OrderLine';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Address as _mercato_common_v1_Address, Address__Output as _mercato_common_v1_Address__Output } from '../../../mercato/common/v1/Address';
import type { ShippingSpeed as _mercato_shipping_v1_ShippingSpeed, ShippingSpeed__Output as _mercato_shipping_v1_ShippingSpeed__Output } from '../../../mercato/shipping/v1/ShippingSpeed';
import type { CardSummary as _mercato_payments_v1_CardSummary, CardSummary__Output as _mercato_payments_v1_CardSummary__Output } from '../../../mercato/payments/v1/CardSummary';
import type { SagaStep as _mercato_orders_v1_SagaStep, SagaStep__Output as _mercato_orders_v1_SagaStep__Output } from '../../../mercato/orders/v1/SagaStep';
import type { FailureReason as _mercato_orders_v1_FailureReason, FailureReason__Output as _mercato_orders_v1_FailureReason__Output } from '../../../mercato/orders/v1/FailureReason';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Order {
  'orderId'?: (string);
  'customerId'?: (string);
  'status'?: (_mercato_orders_v1_OrderStatus);
  'lines'?: (_mercato_orders_v1_OrderLine)[];
  'subtotal'?: (_mercato_common_v1_Money | null);
  'shippingCost'?: (_mercato_common_v1_Money | null);
  'total'?: (_mercato_common_v1_Money | null);
  'shippingAddress'?: (_mercato_common_v1_Address | null);
  'shippingSpeed'?: (_mercato_shipping_v1_ShippingSpeed);
  'card'?: (_mercato_payments_v1_CardSummary | null);
  /**
   * Set once authorized.
   */
  'paymentId'?: (string);
  /**
   * Set once the shipment exists.
   */
  'shipmentId'?: (string);
  'trackingNumber'?: (string);
  /**
   * The last step reached (or the one that failed).
   */
  'step'?: (_mercato_orders_v1_SagaStep);
  /**
   * Set when status is FAILED.
   */
  'failureReason'?: (_mercato_orders_v1_FailureReason);
  /**
   * For the shopper, e.g. "Your card was declined: insufficient funds."
   */
  'failureMessage'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface Order__Output {
  'orderId': (string);
  'customerId': (string);
  'status': (_mercato_orders_v1_OrderStatus__Output);
  'lines': (_mercato_orders_v1_OrderLine__Output)[];
  'subtotal': (_mercato_common_v1_Money__Output | null);
  'shippingCost': (_mercato_common_v1_Money__Output | null);
  'total': (_mercato_common_v1_Money__Output | null);
  'shippingAddress': (_mercato_common_v1_Address__Output | null);
  'shippingSpeed': (_mercato_shipping_v1_ShippingSpeed__Output);
  'card': (_mercato_payments_v1_CardSummary__Output | null);
  /**
   * Set once authorized.
   */
  'paymentId': (string);
  /**
   * Set once the shipment exists.
   */
  'shipmentId': (string);
  'trackingNumber': (string);
  /**
   * The last step reached (or the one that failed).
   */
  'step': (_mercato_orders_v1_SagaStep__Output);
  /**
   * Set when status is FAILED.
   */
  'failureReason': (_mercato_orders_v1_FailureReason__Output);
  /**
   * For the shopper, e.g. "Your card was declined: insufficient funds."
   */
  'failureMessage': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
