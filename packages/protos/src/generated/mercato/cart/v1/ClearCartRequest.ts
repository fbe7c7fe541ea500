// Original file: protos/mercato/cart/v1/cart.proto


export interface ClearCartRequest {
  'cartId'?: (string);
}

export interface ClearCartRequest__Output {
  'cartId': (string);
}
