// Original file: protos/mercato/assistant/v1/assistant.proto


export interface AnswerQuestionRequest {
  'productId'?: (string);
  /**
   * At most 500 characters.
   */
  'question'?: (string);
}

export interface AnswerQuestionRequest__Output {
  'productId': (string);
  /**
   * At most 500 characters.
   */
  'question': (string);
}
