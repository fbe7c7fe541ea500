// Original file: protos/mercato/orders/v1/orders.proto

import type { Order as _mercato_orders_v1_Order, Order__Output as _mercato_orders_v1_Order__Output } from '../../../mercato/orders/v1/Order';

export interface GetOrderResponse {
  'order'?: (_mercato_orders_v1_Order | null);
}

export interface GetOrderResponse__Output {
  'order': (_mercato_orders_v1_Order__Output | null);
}
