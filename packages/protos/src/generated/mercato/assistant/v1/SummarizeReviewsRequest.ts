// Original file: protos/mercato/assistant/v1/assistant.proto


export interface SummarizeReviewsRequest {
  'productId'?: (string);
}

export interface SummarizeReviewsRequest__Output {
  'productId': (string);
}
