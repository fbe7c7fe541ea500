// Original file: protos/mercato/orders/v1/events.proto

import type { OrderLine as _mercato_orders_v1_OrderLine, OrderLine__Output as _mercato_orders_v1_OrderLine__Output } from '../../../mercato/orders/v1/OrderLine';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface OrderPriced {
  'orderId'?: (string);
  'customerId'?: (string);
  'lines'?: (_mercato_orders_v1_OrderLine)[];
  'subtotal'?: (_mercato_common_v1_Money | null);
  'shippingCost'?: (_mercato_common_v1_Money | null);
  'total'?: (_mercato_common_v1_Money | null);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface OrderPriced__Output {
  'orderId': (string);
  'customerId': (string);
  'lines': (_mercato_orders_v1_OrderLine__Output)[];
  'subtotal': (_mercato_common_v1_Money__Output | null);
  'shippingCost': (_mercato_common_v1_Money__Output | null);
  'total': (_mercato_common_v1_Money__Output | null);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
