// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type { Severity as _mercato_sentinel_v1_Severity, Severity__Output as _mercato_sentinel_v1_Severity__Output } from '../../../mercato/sentinel/v1/Severity';

export interface ListPredictionsRequest {
  /**
   * Only this service; empty for all.
   */
  'service'?: (string);
  'minSeverity'?: (_mercato_sentinel_v1_Severity);
  'includeResolved'?: (boolean);
}

export interface ListPredictionsRequest__Output {
  /**
   * Only this service; empty for all.
   */
  'service': (string);
  'minSeverity': (_mercato_sentinel_v1_Severity__Output);
  'includeResolved': (boolean);
}
