// Original file: protos/mercato/sentinel/v1/sentinel.proto


export interface ListSignalsRequest {
  /**
   * Only this service; empty for all.
   */
  'service'?: (string);
}

export interface ListSignalsRequest__Output {
  /**
   * Only this service; empty for all.
   */
  'service': (string);
}
