// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Product as _mercato_catalog_v1_Product, Product__Output as _mercato_catalog_v1_Product__Output } from '../../../mercato/catalog/v1/Product';

export interface GetProductResponse {
  'product'?: (_mercato_catalog_v1_Product | null);
}

export interface GetProductResponse__Output {
  'product': (_mercato_catalog_v1_Product__Output | null);
}
