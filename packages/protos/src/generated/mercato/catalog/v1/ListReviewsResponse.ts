// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Review as _mercato_catalog_v1_Review, Review__Output as _mercato_catalog_v1_Review__Output } from '../../../mercato/catalog/v1/Review';
import type { PageResponse as _mercato_common_v1_PageResponse, PageResponse__Output as _mercato_common_v1_PageResponse__Output } from '../../../mercato/common/v1/PageResponse';

export interface ListReviewsResponse {
  /**
   * Newest first.
   */
  'reviews'?: (_mercato_catalog_v1_Review)[];
  'page'?: (_mercato_common_v1_PageResponse | null);
  'averageRating'?: (number | string);
}

export interface ListReviewsResponse__Output {
  /**
   * Newest first.
   */
  'reviews': (_mercato_catalog_v1_Review__Output)[];
  'page': (_mercato_common_v1_PageResponse__Output | null);
  'averageRating': (number);
}
