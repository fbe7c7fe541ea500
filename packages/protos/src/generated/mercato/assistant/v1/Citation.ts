// Original file: protos/mercato/assistant/v1/assistant.proto


/**
 * Where a statement comes from.
 */
export interface Citation {
  /**
   * "review" or "product".
   */
  'sourceType'?: (string);
  /**
   * Review id or product id.
   */
  'sourceId'?: (string);
  'quote'?: (string);
}

/**
 * Where a statement comes from.
 */
export interface Citation__Output {
  /**
   * "review" or "product".
   */
  'sourceType': (string);
  /**
   * Review id or product id.
   */
  'sourceId': (string);
  'quote': (string);
}
