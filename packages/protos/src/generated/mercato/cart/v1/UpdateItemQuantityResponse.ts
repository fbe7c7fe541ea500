// Original file: protos/mercato/cart/v1/cart.proto

import type { Cart as _mercato_cart_v1_Cart, Cart__Output as _mercato_cart_v1_Cart__Output } from '../../../mercato/cart/v1/Cart';

export interface UpdateItemQuantityResponse {
  'cart'?: (_mercato_cart_v1_Cart | null);
}

export interface UpdateItemQuantityResponse__Output {
  'cart': (_mercato_cart_v1_Cart__Output | null);
}
