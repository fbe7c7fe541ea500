// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { HourlySales as _mercato_orderhistory_v1_HourlySales, HourlySales__Output as _mercato_orderhistory_v1_HourlySales__Output } from '../../../mercato/orderhistory/v1/HourlySales';
import type { ProductSales as _mercato_orderhistory_v1_ProductSales, ProductSales__Output as _mercato_orderhistory_v1_ProductSales__Output } from '../../../mercato/orderhistory/v1/ProductSales';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Long } from '@grpc/proto-loader';

export interface GetSalesFiguresResponse {
  /**
   * Oldest first, one per hour of the range (including empty hours).
   */
  'hours'?: (_mercato_orderhistory_v1_HourlySales)[];
  /**
   * Best selling first, by units.
   */
  'topProducts'?: (_mercato_orderhistory_v1_ProductSales)[];
  'totalOrders'?: (number | string | Long);
  'totalRevenue'?: (_mercato_common_v1_Money | null);
  'averageOrderValue'?: (_mercato_common_v1_Money | null);
}

export interface GetSalesFiguresResponse__Output {
  /**
   * Oldest first, one per hour of the range (including empty hours).
   */
  'hours': (_mercato_orderhistory_v1_HourlySales__Output)[];
  /**
   * Best selling first, by units.
   */
  'topProducts': (_mercato_orderhistory_v1_ProductSales__Output)[];
  'totalOrders': (string);
  'totalRevenue': (_mercato_common_v1_Money__Output | null);
  'averageOrderValue': (_mercato_common_v1_Money__Output | null);
}
