// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Review {
  'id'?: (string);
  'productId'?: (string);
  /**
   * User id of the author.
   */
  'authorId'?: (string);
  /**
   * Display name of the author at the time of writing.
   */
  'authorName'?: (string);
  /**
   * From 1 to 5.
   */
  'rating'?: (number);
  'title'?: (string);
  'body'?: (string);
  'createTime'?: (_google_protobuf_Timestamp | null);
}

export interface Review__Output {
  'id': (string);
  'productId': (string);
  /**
   * User id of the author.
   */
  'authorId': (string);
  /**
   * Display name of the author at the time of writing.
   */
  'authorName': (string);
  /**
   * From 1 to 5.
   */
  'rating': (number);
  'title': (string);
  'body': (string);
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
