// Original file: protos/mercato/orders/v1/events.proto

import type { Address as _mercato_common_v1_Address, Address__Output as _mercato_common_v1_Address__Output } from '../../../mercato/common/v1/Address';
import type { ShippingSpeed as _mercato_shipping_v1_ShippingSpeed, ShippingSpeed__Output as _mercato_shipping_v1_ShippingSpeed__Output } from '../../../mercato/shipping/v1/ShippingSpeed';
import type { CardSummary as _mercato_payments_v1_CardSummary, CardSummary__Output as _mercato_payments_v1_CardSummary__Output } from '../../../mercato/payments/v1/CardSummary';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface OrderPlaced {
  'orderId'?: (string);
  'customerId'?: (string);
  'cartId'?: (string);
  'idempotencyKey'?: (string);
  'shippingAddress'?: (_mercato_common_v1_Address | null);
  'billingAddress'?: (_mercato_common_v1_Address | null);
  'shippingSpeed'?: (_mercato_shipping_v1_ShippingSpeed);
  /**
   * From PaymentsService.TokenizeCard: the card number never enters the log.
   */
  'cardToken'?: (string);
  'card'?: (_mercato_payments_v1_CardSummary | null);
  'cardFingerprint'?: (string);
  'email'?: (string);
  'accountCreateTime'?: (_google_protobuf_Timestamp | null);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface OrderPlaced__Output {
  'orderId': (string);
  'customerId': (string);
  'cartId': (string);
  'idempotencyKey': (string);
  'shippingAddress': (_mercato_common_v1_Address__Output | null);
  'billingAddress': (_mercato_common_v1_Address__Output | null);
  'shippingSpeed': (_mercato_shipping_v1_ShippingSpeed__Output);
  /**
   * From PaymentsService.TokenizeCard: the card number never enters the log.
   */
  'cardToken': (string);
  'card': (_mercato_payments_v1_CardSummary__Output | null);
  'cardFingerprint': (string);
  'email': (string);
  'accountCreateTime': (_google_protobuf_Timestamp__Output | null);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
