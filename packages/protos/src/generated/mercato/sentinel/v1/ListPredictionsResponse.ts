// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type { Prediction as _mercato_sentinel_v1_Prediction, Prediction__Output as _mercato_sentinel_v1_Prediction__Output } from '../../../mercato/sentinel/v1/Prediction';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface ListPredictionsResponse {
  'predictions'?: (_mercato_sentinel_v1_Prediction)[];
  'evaluateTime'?: (_google_protobuf_Timestamp | null);
}

export interface ListPredictionsResponse__Output {
  'predictions': (_mercato_sentinel_v1_Prediction__Output)[];
  'evaluateTime': (_google_protobuf_Timestamp__Output | null);
}
