// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type { SignalInfo as _mercato_sentinel_v1_SignalInfo, SignalInfo__Output as _mercato_sentinel_v1_SignalInfo__Output } from '../../../mercato/sentinel/v1/SignalInfo';

export interface ListSignalsResponse {
  'signals'?: (_mercato_sentinel_v1_SignalInfo)[];
}

export interface ListSignalsResponse__Output {
  'signals': (_mercato_sentinel_v1_SignalInfo__Output)[];
}
