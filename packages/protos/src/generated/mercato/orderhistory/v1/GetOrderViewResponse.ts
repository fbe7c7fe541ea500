// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { OrderView as _mercato_orderhistory_v1_OrderView, OrderView__Output as _mercato_orderhistory_v1_OrderView__Output } from '../../../mercato/orderhistory/v1/OrderView';
import type { Long } from '@grpc/proto-loader';

export interface GetOrderViewResponse {
  'order'?: (_mercato_orderhistory_v1_OrderView | null);
  /**
   * The $all commit position the read model has applied up to.
   */
  'checkpointCommit'?: (number | string | Long);
}

export interface GetOrderViewResponse__Output {
  'order': (_mercato_orderhistory_v1_OrderView__Output | null);
  /**
   * The $all commit position the read model has applied up to.
   */
  'checkpointCommit': (string);
}
