// Original file: protos/mercato/sentinel/v1/sentinel.proto


export interface SignalInfo {
  'service'?: (string);
  'signal'?: (string);
  'unit'?: (string);
  'currentValue'?: (number | string);
  /**
   * How unusual the current value is against the baseline, in standard deviations.
   */
  'anomalyScore'?: (number | string);
}

export interface SignalInfo__Output {
  'service': (string);
  'signal': (string);
  'unit': (string);
  'currentValue': (number);
  /**
   * How unusual the current value is against the baseline, in standard deviations.
   */
  'anomalyScore': (number);
}
