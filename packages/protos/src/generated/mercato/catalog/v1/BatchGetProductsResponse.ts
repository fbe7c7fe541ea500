// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Product as _mercato_catalog_v1_Product, Product__Output as _mercato_catalog_v1_Product__Output } from '../../../mercato/catalog/v1/Product';

export interface BatchGetProductsResponse {
  /**
   * In the order of the request, without the missing ones.
   */
  'products'?: (_mercato_catalog_v1_Product)[];
  'missingProductIds'?: (string)[];
}

export interface BatchGetProductsResponse__Output {
  /**
   * In the order of the request, without the missing ones.
   */
  'products': (_mercato_catalog_v1_Product__Output)[];
  'missingProductIds': (string)[];
}
