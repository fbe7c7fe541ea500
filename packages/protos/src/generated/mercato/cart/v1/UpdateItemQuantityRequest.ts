// Original file: protos/mercato/cart/v1/cart.proto


export interface UpdateItemQuantityRequest {
  'cartId'?: (string);
  'productId'?: (string);
  /**
   * 0 removes the line.
   */
  'quantity'?: (number);
}

export interface UpdateItemQuantityRequest__Output {
  'cartId': (string);
  'productId': (string);
  /**
   * 0 removes the line.
   */
  'quantity': (number);
}
