// Original file: protos/mercato/loadgen/v1/loadgen.proto


export interface ScenarioWeight {
  'scenario'?: (string);
  /**
   * Relative; weights need not add up to 1. 0 turns the scenario off.
   */
  'weight'?: (number | string);
}

export interface ScenarioWeight__Output {
  'scenario': (string);
  /**
   * Relative; weights need not add up to 1. 0 turns the scenario off.
   */
  'weight': (number);
}
