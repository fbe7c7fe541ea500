// Original file: protos/mercato/catalog/v1/catalog.proto

import type { SearchResult as _mercato_catalog_v1_SearchResult, SearchResult__Output as _mercato_catalog_v1_SearchResult__Output } from '../../../mercato/catalog/v1/SearchResult';
import type { PageResponse as _mercato_common_v1_PageResponse, PageResponse__Output as _mercato_common_v1_PageResponse__Output } from '../../../mercato/common/v1/PageResponse';

export interface SearchProductsResponse {
  /**
   * Best match first.
   */
  'results'?: (_mercato_catalog_v1_SearchResult)[];
  'page'?: (_mercato_common_v1_PageResponse | null);
}

export interface SearchProductsResponse__Output {
  /**
   * Best match first.
   */
  'results': (_mercato_catalog_v1_SearchResult__Output)[];
  'page': (_mercato_common_v1_PageResponse__Output | null);
}
