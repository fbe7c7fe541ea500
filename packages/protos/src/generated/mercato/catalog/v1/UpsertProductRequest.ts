// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Product as _mercato_catalog_v1_Product, Product__Output as _mercato_catalog_v1_Product__Output } from '../../../mercato/catalog/v1/Product';

export interface UpsertProductRequest {
  /**
   * The whole product; average_rating, review_count and the times are ignored.
   */
  'product'?: (_mercato_catalog_v1_Product | null);
}

export interface UpsertProductRequest__Output {
  /**
   * The whole product; average_rating, review_count and the times are ignored.
   */
  'product': (_mercato_catalog_v1_Product__Output | null);
}
