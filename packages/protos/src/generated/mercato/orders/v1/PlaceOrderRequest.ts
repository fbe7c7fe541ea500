// Original file: protos/mercato/orders/v1/orders.proto

import type { Address as _mercato_common_v1_Address, Address__Output as _mercato_common_v1_Address__Output } from '../../../mercato/common/v1/Address';
import type { ShippingSpeed as _mercato_shipping_v1_ShippingSpeed, ShippingSpeed__Output as _mercato_shipping_v1_ShippingSpeed__Output } from '../../../mercato/shipping/v1/ShippingSpeed';
import type { PaymentCard as _mercato_payments_v1_PaymentCard, PaymentCard__Output as _mercato_payments_v1_PaymentCard__Output } from '../../../mercato/payments/v1/PaymentCard';

export interface PlaceOrderRequest {
  /**
   * The cart to check out; the caller must own it.
   */
  'cartId'?: (string);
  /**
   * Client-chosen, unique per checkout attempt (e.g. a UUID made when the checkout page opened).
   */
  'idempotencyKey'?: (string);
  'shippingAddress'?: (_mercato_common_v1_Address | null);
  /**
   * Unset when the same as the shipping address.
   */
  'billingAddress'?: (_mercato_common_v1_Address | null);
  'shippingSpeed'?: (_mercato_shipping_v1_ShippingSpeed);
  'card'?: (_mercato_payments_v1_PaymentCard | null);
  /**
   * For the order confirmation.
   */
  'email'?: (string);
}

export interface PlaceOrderRequest__Output {
  /**
   * The cart to check out; the caller must own it.
   */
  'cartId': (string);
  /**
   * Client-chosen, unique per checkout attempt (e.g. a UUID made when the checkout page opened).
   */
  'idempotencyKey': (string);
  'shippingAddress': (_mercato_common_v1_Address__Output | null);
  /**
   * Unset when the same as the shipping address.
   */
  'billingAddress': (_mercato_common_v1_Address__Output | null);
  'shippingSpeed': (_mercato_shipping_v1_ShippingSpeed__Output);
  'card': (_mercato_payments_v1_PaymentCard__Output | null);
  /**
   * For the order confirmation.
   */
  'email': (string);
}
