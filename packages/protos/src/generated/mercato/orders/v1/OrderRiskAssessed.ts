// Original file: protos/mercato/orders/v1/events.proto

import type { Decision as _mercato_risk_v1_Decision, Decision__Output as _mercato_risk_v1_Decision__Output } from '../../../mercato/risk/v1/Decision';
import type { Reason as _mercato_risk_v1_Reason, Reason__Output as _mercato_risk_v1_Reason__Output } from '../../../mercato/risk/v1/Reason';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface OrderRiskAssessed {
  'orderId'?: (string);
  'customerId'?: (string);
  'decision'?: (_mercato_risk_v1_Decision);
  'score'?: (number | string);
  'reasons'?: (_mercato_risk_v1_Reason)[];
  'modelVersion'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface OrderRiskAssessed__Output {
  'orderId': (string);
  'customerId': (string);
  'decision': (_mercato_risk_v1_Decision__Output);
  'score': (number);
  'reasons': (_mercato_risk_v1_Reason__Output)[];
  'modelVersion': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
