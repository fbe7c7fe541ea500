// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { PageRequest as _mercato_common_v1_PageRequest, PageRequest__Output as _mercato_common_v1_PageRequest__Output } from '../../../mercato/common/v1/PageRequest';
import type { OrderStatus as _mercato_orders_v1_OrderStatus, OrderStatus__Output as _mercato_orders_v1_OrderStatus__Output } from '../../../mercato/orders/v1/OrderStatus';

export interface ListCustomerOrdersRequest {
  'customerId'?: (string);
  'page'?: (_mercato_common_v1_PageRequest | null);
  /**
   * Only orders in these states; empty for all.
   */
  'statuses'?: (_mercato_orders_v1_OrderStatus)[];
}

export interface ListCustomerOrdersRequest__Output {
  'customerId': (string);
  'page': (_mercato_common_v1_PageRequest__Output | null);
  /**
   * Only orders in these states; empty for all.
   */
  'statuses': (_mercato_orders_v1_OrderStatus__Output)[];
}
