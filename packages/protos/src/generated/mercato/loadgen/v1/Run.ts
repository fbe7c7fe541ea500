// Original file: protos/mercato/loadgen/v1/loadgen.proto

import type { RunConfig as _mercato_loadgen_v1_RunConfig, RunConfig__Output as _mercato_loadgen_v1_RunConfig__Output } from '../../../mercato/loadgen/v1/RunConfig';
import type { RunState as _mercato_loadgen_v1_RunState, RunState__Output as _mercato_loadgen_v1_RunState__Output } from '../../../mercato/loadgen/v1/RunState';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Run {
  'runId'?: (string);
  'config'?: (_mercato_loadgen_v1_RunConfig | null);
  'state'?: (_mercato_loadgen_v1_RunState);
  'startTime'?: (_google_protobuf_Timestamp | null);
  'endTime'?: (_google_protobuf_Timestamp | null);
}

export interface Run__Output {
  'runId': (string);
  'config': (_mercato_loadgen_v1_RunConfig__Output | null);
  'state': (_mercato_loadgen_v1_RunState__Output);
  'startTime': (_google_protobuf_Timestamp__Output | null);
  'endTime': (_google_protobuf_Timestamp__Output | null);
}
