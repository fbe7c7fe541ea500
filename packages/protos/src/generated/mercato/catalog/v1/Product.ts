// Original file: protos/mercato/catalog/v1/catalog.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Product {
  /**
   * Stable id, also the SKU: inventory keeps stock under this id (stream "stock-<id>").
   */
  'id'?: (string);
  'name'?: (string);
  'description'?: (string);
  'categoryId'?: (string);
  'tags'?: (string)[];
  'price'?: (_mercato_common_v1_Money | null);
  /**
   * Site-relative or absolute URL of the product image; empty when there is none.
   */
  'imageUrl'?: (string);
  /**
   * Shipping weight in grams.
   */
  'weightGrams'?: (number);
  /**
   * Mean review rating from 1 to 5, 0 when there are no reviews.
   */
  'averageRating'?: (number | string);
  'reviewCount'?: (number);
  'createTime'?: (_google_protobuf_Timestamp | null);
  'updateTime'?: (_google_protobuf_Timestamp | null);
}

export interface Product__Output {
  /**
   * Stable id, also the SKU: inventory keeps stock under this id (stream "stock-<id>").
   */
  'id': (string);
  'name': (string);
  'description': (string);
  'categoryId': (string);
  'tags': (string)[];
  'price': (_mercato_common_v1_Money__Output | null);
  /**
   * Site-relative or absolute URL of the product image; empty when there is none.
   */
  'imageUrl': (string);
  /**
   * Shipping weight in grams.
   */
  'weightGrams': (number);
  /**
   * Mean review rating from 1 to 5, 0 when there are no reviews.
   */
  'averageRating': (number);
  'reviewCount': (number);
  'createTime': (_google_protobuf_Timestamp__Output | null);
  'updateTime': (_google_protobuf_Timestamp__Output | null);
}
