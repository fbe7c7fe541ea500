// Original file: protos/mercato/catalog/v1/catalog.proto

import type { PageRequest as _mercato_common_v1_PageRequest, PageRequest__Output as _mercato_common_v1_PageRequest__Output } from '../../../mercato/common/v1/PageRequest';

export interface SearchProductsRequest {
  /**
   * Free text, e.g. "waterproof hiking boots".
   */
  'query'?: (string);
  'page'?: (_mercato_common_v1_PageRequest | null);
  /**
   * Restrict the search to a category; empty for all.
   */
  'categoryId'?: (string);
}

export interface SearchProductsRequest__Output {
  /**
   * Free text, e.g. "waterproof hiking boots".
   */
  'query': (string);
  'page': (_mercato_common_v1_PageRequest__Output | null);
  /**
   * Restrict the search to a category; empty for all.
   */
  'categoryId': (string);
}
