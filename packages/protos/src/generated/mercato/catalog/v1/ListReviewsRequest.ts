// Original file: protos/mercato/catalog/v1/catalog.proto

import type { PageRequest as _mercato_common_v1_PageRequest, PageRequest__Output as _mercato_common_v1_PageRequest__Output } from '../../../mercato/common/v1/PageRequest';

export interface ListReviewsRequest {
  'productId'?: (string);
  'page'?: (_mercato_common_v1_PageRequest | null);
}

export interface ListReviewsRequest__Output {
  'productId': (string);
  'page': (_mercato_common_v1_PageRequest__Output | null);
}
