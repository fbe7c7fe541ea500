// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Long } from '@grpc/proto-loader';

export interface ProductSales {
  'productId'?: (string);
  'productName'?: (string);
  'unitsSold'?: (number | string | Long);
  'revenue'?: (_mercato_common_v1_Money | null);
}

export interface ProductSales__Output {
  'productId': (string);
  'productName': (string);
  'unitsSold': (string);
  'revenue': (_mercato_common_v1_Money__Output | null);
}
