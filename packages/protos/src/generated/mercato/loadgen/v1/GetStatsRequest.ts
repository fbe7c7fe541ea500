// Original file: protos/mercato/loadgen/v1/loadgen.proto


export interface GetStatsRequest {
  /**
   * Empty for the current (or last) run.
   */
  'runId'?: (string);
}

export interface GetStatsRequest__Output {
  /**
   * Empty for the current (or last) run.
   */
  'runId': (string);
}
