// Original file: protos/mercato/catalog/v1/catalog.proto

import type { PageRequest as _mercato_common_v1_PageRequest, PageRequest__Output as _mercato_common_v1_PageRequest__Output } from '../../../mercato/common/v1/PageRequest';
import type { ProductOrder as _mercato_catalog_v1_ProductOrder, ProductOrder__Output as _mercato_catalog_v1_ProductOrder__Output } from '../../../mercato/catalog/v1/ProductOrder';

export interface ListProductsRequest {
  'page'?: (_mercato_common_v1_PageRequest | null);
  /**
   * Only products of this category (and its subcategories); empty for all.
   */
  'categoryId'?: (string);
  'orderBy'?: (_mercato_catalog_v1_ProductOrder);
  /**
   * Only products carrying every one of these tags.
   */
  'tags'?: (string)[];
}

export interface ListProductsRequest__Output {
  'page': (_mercato_common_v1_PageRequest__Output | null);
  /**
   * Only products of this category (and its subcategories); empty for all.
   */
  'categoryId': (string);
  'orderBy': (_mercato_catalog_v1_ProductOrder__Output);
  /**
   * Only products carrying every one of these tags.
   */
  'tags': (string)[];
}
