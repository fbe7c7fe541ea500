// Original file: protos/mercato/loadgen/v1/loadgen.proto


export interface StopRunRequest {
  'runId'?: (string);
}

export interface StopRunRequest__Output {
  'runId': (string);
}
