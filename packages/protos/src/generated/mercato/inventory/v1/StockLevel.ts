// Original file: protos/mercato/inventory/v1/inventory.proto

import type { Long } from '@grpc/proto-loader';

export interface StockLevel {
  'productId'?: (string);
  /**
   * Physically in the warehouse, including reserved units.
   */
  'onHand'?: (number | string | Long);
  'reserved'?: (number | string | Long);
  /**
   * on_hand - reserved: what can still be reserved.
   */
  'available'?: (number | string | Long);
  /**
   * Revision of the stock stream this level was folded from.
   */
  'revision'?: (number | string | Long);
}

export interface StockLevel__Output {
  'productId': (string);
  /**
   * Physically in the warehouse, including reserved units.
   */
  'onHand': (string);
  'reserved': (string);
  /**
   * on_hand - reserved: what can still be reserved.
   */
  'available': (string);
  /**
   * Revision of the stock stream this level was folded from.
   */
  'revision': (string);
}
