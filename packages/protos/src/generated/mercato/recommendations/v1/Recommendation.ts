// Original file: protos/mercato/recommendations/v1/recommendations.proto

import type { Strategy as _mercato_recommendations_v1_Strategy, Strategy__Output as _mercato_recommendations_v1_Strategy__Output } from '../../../mercato/recommendations/v1/Strategy';

export interface Recommendation {
  'productId'?: (string);
  /**
   * Higher is better; comparable within one response only.
   */
  'score'?: (number | string);
  'strategy'?: (_mercato_recommendations_v1_Strategy);
}

export interface Recommendation__Output {
  'productId': (string);
  /**
   * Higher is better; comparable within one response only.
   */
  'score': (number);
  'strategy': (_mercato_recommendations_v1_Strategy__Output);
}
