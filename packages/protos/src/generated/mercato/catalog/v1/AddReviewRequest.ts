// Original file: protos/mercato/catalog/v1/catalog.proto


export interface AddReviewRequest {
  'productId'?: (string);
  /**
   * From 1 to 5.
   */
  'rating'?: (number);
  'title'?: (string);
  'body'?: (string);
}

export interface AddReviewRequest__Output {
  'productId': (string);
  /**
   * From 1 to 5.
   */
  'rating': (number);
  'title': (string);
  'body': (string);
}
