// Original file: protos/mercato/cart/v1/cart.proto


export interface RemoveItemRequest {
  'cartId'?: (string);
  'productId'?: (string);
}

export interface RemoveItemRequest__Output {
  'cartId': (string);
  'productId': (string);
}
