// Original file: protos/mercato/recommendations/v1/recommendations.proto


export interface RecommendRequest {
  /**
   * Empty for a guest.
   */
  'userId'?: (string);
  /**
   * The product being viewed, if any.
   */
  'contextProductId'?: (string);
  /**
   * How many; 0 means 10, at most 50.
   */
  'limit'?: (number);
  /**
   * Never recommend these (e.g. what is already in the cart).
   */
  'excludeProductIds'?: (string)[];
}

export interface RecommendRequest__Output {
  /**
   * Empty for a guest.
   */
  'userId': (string);
  /**
   * The product being viewed, if any.
   */
  'contextProductId': (string);
  /**
   * How many; 0 means 10, at most 50.
   */
  'limit': (number);
  /**
   * Never recommend these (e.g. what is already in the cart).
   */
  'excludeProductIds': (string)[];
}
