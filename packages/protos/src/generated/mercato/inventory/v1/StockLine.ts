// Original file: protos/mercato/inventory/v1/inventory.proto

import type { Long } from '@grpc/proto-loader';

export interface StockLine {
  'productId'?: (string);
  /**
   * At least 1.
   */
  'quantity'?: (number | string | Long);
}

export interface StockLine__Output {
  'productId': (string);
  /**
   * At least 1.
   */
  'quantity': (string);
}
