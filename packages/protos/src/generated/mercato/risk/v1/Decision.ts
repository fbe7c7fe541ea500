// Original file: protos/mercato/risk/v1/risk.proto

export const Decision = {
  DECISION_UNSPECIFIED: 'DECISION_UNSPECIFIED',
  DECISION_APPROVE: 'DECISION_APPROVE',
  /**
   * Let through but flag for a person to look at.
   */
  DECISION_REVIEW: 'DECISION_REVIEW',
  DECISION_DECLINE: 'DECISION_DECLINE',
} as const;

export type Decision =
  | 'DECISION_UNSPECIFIED'
  | 0
  | 'DECISION_APPROVE'
  | 1
  /**
   * Let through but flag for a person to look at.
   */
  | 'DECISION_REVIEW'
  | 2
  | 'DECISION_DECLINE'
  | 3

export type Decision__Output = typeof Decision[keyof typeof Decision]
