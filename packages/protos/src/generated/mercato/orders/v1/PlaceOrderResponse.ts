// Original file: protos/mercato/orders/v1/orders.proto

import type { Order as _mercato_orders_v1_Order, Order__Output as _mercato_orders_v1_Order__Output } from '../../../mercato/orders/v1/Order';

export interface PlaceOrderResponse {
  'order'?: (_mercato_orders_v1_Order | null);
}

export interface PlaceOrderResponse__Output {
  'order': (_mercato_orders_v1_Order__Output | null);
}
