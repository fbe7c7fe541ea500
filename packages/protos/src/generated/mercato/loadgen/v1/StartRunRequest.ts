// Original file: protos/mercato/loadgen/v1/loadgen.proto

import type { RunConfig as _mercato_loadgen_v1_RunConfig, RunConfig__Output as _mercato_loadgen_v1_RunConfig__Output } from '../../../mercato/loadgen/v1/RunConfig';

export interface StartRunRequest {
  'config'?: (_mercato_loadgen_v1_RunConfig | null);
}

export interface StartRunRequest__Output {
  'config': (_mercato_loadgen_v1_RunConfig__Output | null);
}
