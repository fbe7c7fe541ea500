// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { OrderStatus as _mercato_orders_v1_OrderStatus, OrderStatus__Output as _mercato_orders_v1_OrderStatus__Output } from '../../../mercato/orders/v1/OrderStatus';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { ShipmentStatus as _mercato_shipping_v1_ShipmentStatus, ShipmentStatus__Output as _mercato_shipping_v1_ShipmentStatus__Output } from '../../../mercato/shipping/v1/ShipmentStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface OrderSummary {
  'orderId'?: (string);
  'status'?: (_mercato_orders_v1_OrderStatus);
  'total'?: (_mercato_common_v1_Money | null);
  'itemCount'?: (number);
  'shipmentStatus'?: (_mercato_shipping_v1_ShipmentStatus);
  'placeTime'?: (_google_protobuf_Timestamp | null);
}

export interface OrderSummary__Output {
  'orderId': (string);
  'status': (_mercato_orders_v1_OrderStatus__Output);
  'total': (_mercato_common_v1_Money__Output | null);
  'itemCount': (number);
  'shipmentStatus': (_mercato_shipping_v1_ShipmentStatus__Output);
  'placeTime': (_google_protobuf_Timestamp__Output | null);
}
