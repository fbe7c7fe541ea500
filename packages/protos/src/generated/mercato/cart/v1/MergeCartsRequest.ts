// Original file: protos/mercato/cart/v1/cart.proto


export interface MergeCartsRequest {
  /**
   * The guest cart to empty and close.
   */
  'guestCartId'?: (string);
  /**
   * The signed-in user's cart that receives the lines.
   */
  'cartId'?: (string);
}

export interface MergeCartsRequest__Output {
  /**
   * The guest cart to empty and close.
   */
  'guestCartId': (string);
  /**
   * The signed-in user's cart that receives the lines.
   */
  'cartId': (string);
}
