// Original file: protos/mercato/common/v1/paging.proto

import type { Long } from '@grpc/proto-loader';

export interface PageResponse {
  /**
   * Pass in PageRequest.page_token for the next page; empty when this is the last page.
   */
  'nextPageToken'?: (string);
  /**
   * Items in the whole result, when the server knows it cheaply; otherwise 0.
   */
  'totalSize'?: (number | string | Long);
}

export interface PageResponse__Output {
  /**
   * Pass in PageRequest.page_token for the next page; empty when this is the last page.
   */
  'nextPageToken': (string);
  /**
   * Items in the whole result, when the server knows it cheaply; otherwise 0.
   */
  'totalSize': (string);
}
