// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Product as _mercato_catalog_v1_Product, Product__Output as _mercato_catalog_v1_Product__Output } from '../../../mercato/catalog/v1/Product';
import type { PageResponse as _mercato_common_v1_PageResponse, PageResponse__Output as _mercato_common_v1_PageResponse__Output } from '../../../mercato/common/v1/PageResponse';

export interface ListProductsResponse {
  'products'?: (_mercato_catalog_v1_Product)[];
  'page'?: (_mercato_common_v1_PageResponse | null);
}

export interface ListProductsResponse__Output {
  'products': (_mercato_catalog_v1_Product__Output)[];
  'page': (_mercato_common_v1_PageResponse__Output | null);
}
