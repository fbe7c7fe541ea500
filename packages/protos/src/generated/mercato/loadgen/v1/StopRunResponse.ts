// Original file: protos/mercato/loadgen/v1/loadgen.proto

import type { Run as _mercato_loadgen_v1_Run, Run__Output as _mercato_loadgen_v1_Run__Output } from '../../../mercato/loadgen/v1/Run';

export interface StopRunResponse {
  'run'?: (_mercato_loadgen_v1_Run | null);
}

export interface StopRunResponse__Output {
  'run': (_mercato_loadgen_v1_Run__Output | null);
}
