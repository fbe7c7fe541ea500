// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type { PredictionKind as _mercato_sentinel_v1_PredictionKind, PredictionKind__Output as _mercato_sentinel_v1_PredictionKind__Output } from '../../../mercato/sentinel/v1/PredictionKind';
import type { Severity as _mercato_sentinel_v1_Severity, Severity__Output as _mercato_sentinel_v1_Severity__Output } from '../../../mercato/sentinel/v1/Severity';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Prediction {
  'id'?: (string);
  /**
   * Topology service name, e.g. "payments".
   */
  'service'?: (string);
  /**
   * Signal name, e.g. "grpc_server_handling_seconds:p99{grpc_method=\"Authorize\"}".
   */
  'signal'?: (string);
  'kind'?: (_mercato_sentinel_v1_PredictionKind);
  'severity'?: (_mercato_sentinel_v1_Severity);
  /**
   * When the threshold is expected to be crossed.
   */
  'breachTime'?: (_google_protobuf_Timestamp | null);
  /**
   * When the prediction was first made.
   */
  'predictTime'?: (_google_protobuf_Timestamp | null);
  /**
   * breach_time - now, in seconds, at the time of the answer.
   */
  'leadTimeSeconds'?: (number | string);
  /**
   * From 0 to 1.
   */
  'confidence'?: (number | string);
  'currentValue'?: (number | string);
  'threshold'?: (number | string);
  /**
   * For people, e.g. "payments heap grows 4 MB/min; limit reached in ~12 min".
   */
  'summary'?: (string);
  /**
   * Set once the signal is back to normal or the breach happened.
   */
  'resolveTime'?: (_google_protobuf_Timestamp | null);
}

export interface Prediction__Output {
  'id': (string);
  /**
   * Topology service name, e.g. "payments".
   */
  'service': (string);
  /**
   * Signal name, e.g. "grpc_server_handling_seconds:p99{grpc_method=\"Authorize\"}".
   */
  'signal': (string);
  'kind': (_mercato_sentinel_v1_PredictionKind__Output);
  'severity': (_mercato_sentinel_v1_Severity__Output);
  /**
   * When the threshold is expected to be crossed.
   */
  'breachTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * When the prediction was first made.
   */
  'predictTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * breach_time - now, in seconds, at the time of the answer.
   */
  'leadTimeSeconds': (number);
  /**
   * From 0 to 1.
   */
  'confidence': (number);
  'currentValue': (number);
  'threshold': (number);
  /**
   * For people, e.g. "payments heap grows 4 MB/min; limit reached in ~12 min".
   */
  'summary': (string);
  /**
   * Set once the signal is back to normal or the breach happened.
   */
  'resolveTime': (_google_protobuf_Timestamp__Output | null);
}
