// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Review as _mercato_catalog_v1_Review, Review__Output as _mercato_catalog_v1_Review__Output } from '../../../mercato/catalog/v1/Review';

export interface AddReviewResponse {
  'review'?: (_mercato_catalog_v1_Review | null);
}

export interface AddReviewResponse__Output {
  'review': (_mercato_catalog_v1_Review__Output | null);
}
