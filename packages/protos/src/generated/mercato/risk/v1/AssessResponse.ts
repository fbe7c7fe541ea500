// Original file: protos/mercato/risk/v1/risk.proto

import type { Decision as _mercato_risk_v1_Decision, Decision__Output as _mercato_risk_v1_Decision__Output } from '../../../mercato/risk/v1/Decision';
import type { Reason as _mercato_risk_v1_Reason, Reason__Output as _mercato_risk_v1_Reason__Output } from '../../../mercato/risk/v1/Reason';

export interface AssessResponse {
  'decision'?: (_mercato_risk_v1_Decision);
  /**
   * Probability of fraud from 0 to 1.
   */
  'score'?: (number | string);
  /**
   * The top reasons, strongest first.
   */
  'reasons'?: (_mercato_risk_v1_Reason)[];
  'modelVersion'?: (string);
}

export interface AssessResponse__Output {
  'decision': (_mercato_risk_v1_Decision__Output);
  /**
   * Probability of fraud from 0 to 1.
   */
  'score': (number);
  /**
   * The top reasons, strongest first.
   */
  'reasons': (_mercato_risk_v1_Reason__Output)[];
  'modelVersion': (string);
}
