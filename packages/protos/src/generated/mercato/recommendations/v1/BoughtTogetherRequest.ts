// Original file: protos/mercato/recommendations/v1/recommendations.proto


export interface BoughtTogetherRequest {
  'productId'?: (string);
  /**
   * How many; 0 means 5, at most 50.
   */
  'limit'?: (number);
}

export interface BoughtTogetherRequest__Output {
  'productId': (string);
  /**
   * How many; 0 means 5, at most 50.
   */
  'limit': (number);
}
