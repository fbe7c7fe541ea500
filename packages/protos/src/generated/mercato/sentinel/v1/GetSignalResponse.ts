// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type { SignalInfo as _mercato_sentinel_v1_SignalInfo, SignalInfo__Output as _mercato_sentinel_v1_SignalInfo__Output } from '../../../mercato/sentinel/v1/SignalInfo';
import type { Point as _mercato_sentinel_v1_Point, Point__Output as _mercato_sentinel_v1_Point__Output } from '../../../mercato/sentinel/v1/Point';
import type { ForecastPoint as _mercato_sentinel_v1_ForecastPoint, ForecastPoint__Output as _mercato_sentinel_v1_ForecastPoint__Output } from '../../../mercato/sentinel/v1/ForecastPoint';

export interface GetSignalResponse {
  'signal'?: (_mercato_sentinel_v1_SignalInfo | null);
  'points'?: (_mercato_sentinel_v1_Point)[];
  /**
   * The learned normal level and spread.
   */
  'baselineMean'?: (number | string);
  'baselineStddev'?: (number | string);
  'forecast'?: (_mercato_sentinel_v1_ForecastPoint)[];
  /**
   * The threshold the forecast is checked against; 0 when none applies.
   */
  'threshold'?: (number | string);
}

export interface GetSignalResponse__Output {
  'signal': (_mercato_sentinel_v1_SignalInfo__Output | null);
  'points': (_mercato_sentinel_v1_Point__Output)[];
  /**
   * The learned normal level and spread.
   */
  'baselineMean': (number);
  'baselineStddev': (number);
  'forecast': (_mercato_sentinel_v1_ForecastPoint__Output)[];
  /**
   * The threshold the forecast is checked against; 0 when none applies.
   */
  'threshold': (number);
}
