// Original file: protos/mercato/recommendations/v1/recommendations.proto

import type { Recommendation as _mercato_recommendations_v1_Recommendation, Recommendation__Output as _mercato_recommendations_v1_Recommendation__Output } from '../../../mercato/recommendations/v1/Recommendation';

export interface RecommendResponse {
  /**
   * Best first.
   */
  'recommendations'?: (_mercato_recommendations_v1_Recommendation)[];
  /**
   * Version of the model snapshot that answered.
   */
  'modelVersion'?: (string);
}

export interface RecommendResponse__Output {
  /**
   * Best first.
   */
  'recommendations': (_mercato_recommendations_v1_Recommendation__Output)[];
  /**
   * Version of the model snapshot that answered.
   */
  'modelVersion': (string);
}
