// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { OrderSummary as _mercato_orderhistory_v1_OrderSummary, OrderSummary__Output as _mercato_orderhistory_v1_OrderSummary__Output } from '../../../mercato/orderhistory/v1/OrderSummary';
import type { PageResponse as _mercato_common_v1_PageResponse, PageResponse__Output as _mercato_common_v1_PageResponse__Output } from '../../../mercato/common/v1/PageResponse';

export interface ListCustomerOrdersResponse {
  'orders'?: (_mercato_orderhistory_v1_OrderSummary)[];
  'page'?: (_mercato_common_v1_PageResponse | null);
}

export interface ListCustomerOrdersResponse__Output {
  'orders': (_mercato_orderhistory_v1_OrderSummary__Output)[];
  'page': (_mercato_common_v1_PageResponse__Output | null);
}
