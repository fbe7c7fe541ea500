// Original file: protos/mercato/loadgen/v1/loadgen.proto

import type { Run as _mercato_loadgen_v1_Run, Run__Output as _mercato_loadgen_v1_Run__Output } from '../../../mercato/loadgen/v1/Run';
import type { ScenarioStats as _mercato_loadgen_v1_ScenarioStats, ScenarioStats__Output as _mercato_loadgen_v1_ScenarioStats__Output } from '../../../mercato/loadgen/v1/ScenarioStats';

export interface GetStatsResponse {
  'run'?: (_mercato_loadgen_v1_Run | null);
  'scenarios'?: (_mercato_loadgen_v1_ScenarioStats)[];
  /**
   * Scenarios started per second over the last 10 seconds.
   */
  'achievedRate'?: (number | string);
}

export interface GetStatsResponse__Output {
  'run': (_mercato_loadgen_v1_Run__Output | null);
  'scenarios': (_mercato_loadgen_v1_ScenarioStats__Output)[];
  /**
   * Scenarios started per second over the last 10 seconds.
   */
  'achievedRate': (number);
}
