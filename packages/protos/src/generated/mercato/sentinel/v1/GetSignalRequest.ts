// Original file: protos/mercato/sentinel/v1/sentinel.proto


export interface GetSignalRequest {
  'service'?: (string);
  'signal'?: (string);
  /**
   * How far back; 0 means 3600.
   */
  'windowSeconds'?: (number);
}

export interface GetSignalRequest__Output {
  'service': (string);
  'signal': (string);
  /**
   * How far back; 0 means 3600.
   */
  'windowSeconds': (number);
}
