// Original file: protos/mercato/cart/v1/cart.proto


export interface ClearCartRequest {
  'cartId'?: (string);
  /**
   * Set by orders when a placed order took the cart's lines: recorded in CartCleared.
   */
  'orderId'?: (string);
}

export interface ClearCartRequest__Output {
  'cartId': (string);
  /**
   * Set by orders when a placed order took the cart's lines: recorded in CartCleared.
   */
  'orderId': (string);
}
