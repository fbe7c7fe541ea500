// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { OrderStatus as _mercato_orders_v1_OrderStatus, OrderStatus__Output as _mercato_orders_v1_OrderStatus__Output } from '../../../mercato/orders/v1/OrderStatus';
import type { OrderLine as _mercato_orders_v1_OrderLine, OrderLine__Output as _mercato_orders_v1_OrderLine__Output } from '../../../mercato/orders/v1/OrderLine';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Address as _mercato_common_v1_Address, Address__Output as _mercato_common_v1_Address__Output } from '../../../mercato/common/v1/Address';
import type { PaymentView as _mercato_orderhistory_v1_PaymentView, PaymentView__Output as _mercato_orderhistory_v1_PaymentView__Output } from '../../../mercato/orderhistory/v1/PaymentView';
import type { ShipmentView as _mercato_orderhistory_v1_ShipmentView, ShipmentView__Output as _mercato_orderhistory_v1_ShipmentView__Output } from '../../../mercato/orderhistory/v1/ShipmentView';
import type { FailureReason as _mercato_orders_v1_FailureReason, FailureReason__Output as _mercato_orders_v1_FailureReason__Output } from '../../../mercato/orders/v1/FailureReason';
import type { TimelineEntry as _mercato_orderhistory_v1_TimelineEntry, TimelineEntry__Output as _mercato_orderhistory_v1_TimelineEntry__Output } from '../../../mercato/orderhistory/v1/TimelineEntry';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface OrderView {
  'orderId'?: (string);
  'customerId'?: (string);
  'status'?: (_mercato_orders_v1_OrderStatus);
  'lines'?: (_mercato_orders_v1_OrderLine)[];
  'subtotal'?: (_mercato_common_v1_Money | null);
  'shippingCost'?: (_mercato_common_v1_Money | null);
  'total'?: (_mercato_common_v1_Money | null);
  'shippingAddress'?: (_mercato_common_v1_Address | null);
  'payment'?: (_mercato_orderhistory_v1_PaymentView | null);
  'shipment'?: (_mercato_orderhistory_v1_ShipmentView | null);
  'failureReason'?: (_mercato_orders_v1_FailureReason);
  'failureMessage'?: (string);
  /**
   * Oldest first.
   */
  'timeline'?: (_mercato_orderhistory_v1_TimelineEntry)[];
  'placeTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface OrderView__Output {
  'orderId': (string);
  'customerId': (string);
  'status': (_mercato_orders_v1_OrderStatus__Output);
  'lines': (_mercato_orders_v1_OrderLine__Output)[];
  'subtotal': (_mercato_common_v1_Money__Output | null);
  'shippingCost': (_mercato_common_v1_Money__Output | null);
  'total': (_mercato_common_v1_Money__Output | null);
  'shippingAddress': (_mercato_common_v1_Address__Output | null);
  'payment': (_mercato_orderhistory_v1_PaymentView__Output | null);
  'shipment': (_mercato_orderhistory_v1_ShipmentView__Output | null);
  'failureReason': (_mercato_orders_v1_FailureReason__Output);
  'failureMessage': (string);
  /**
   * Oldest first.
   */
  'timeline': (_mercato_orderhistory_v1_TimelineEntry__Output)[];
  'placeTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
