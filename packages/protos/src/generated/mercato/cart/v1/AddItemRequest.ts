// Original file: protos/mercato/cart/v1/cart.proto


export interface AddItemRequest {
  'cartId'?: (string);
  'productId'?: (string);
  /**
   * At least 1.
   */
  'quantity'?: (number);
}

export interface AddItemRequest__Output {
  'cartId': (string);
  'productId': (string);
  /**
   * At least 1.
   */
  'quantity': (number);
}
