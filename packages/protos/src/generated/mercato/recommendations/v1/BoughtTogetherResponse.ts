// Original file: protos/mercato/recommendations/v1/recommendations.proto

import type { Recommendation as _mercato_recommendations_v1_Recommendation, Recommendation__Output as _mercato_recommendations_v1_Recommendation__Output } from '../../../mercato/recommendations/v1/Recommendation';

export interface BoughtTogetherResponse {
  'recommendations'?: (_mercato_recommendations_v1_Recommendation)[];
  'modelVersion'?: (string);
}

export interface BoughtTogetherResponse__Output {
  'recommendations': (_mercato_recommendations_v1_Recommendation__Output)[];
  'modelVersion': (string);
}
