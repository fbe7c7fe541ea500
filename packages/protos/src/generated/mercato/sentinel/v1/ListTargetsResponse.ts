// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type { Target as _mercato_sentinel_v1_Target, Target__Output as _mercato_sentinel_v1_Target__Output } from '../../../mercato/sentinel/v1/Target';

export interface ListTargetsResponse {
  'targets'?: (_mercato_sentinel_v1_Target)[];
}

export interface ListTargetsResponse__Output {
  'targets': (_mercato_sentinel_v1_Target__Output)[];
}
