// Original file: protos/mercato/loadgen/v1/loadgen.proto

import type { ScenarioWeight as _mercato_loadgen_v1_ScenarioWeight, ScenarioWeight__Output as _mercato_loadgen_v1_ScenarioWeight__Output } from '../../../mercato/loadgen/v1/ScenarioWeight';
import type { Long } from '@grpc/proto-loader';

export interface RunConfig {
  /**
   * Scenarios started per second once ramped up.
   */
  'targetRate'?: (number | string);
  'rampSeconds'?: (number);
  /**
   * 0 runs until stopped.
   */
  'durationSeconds'?: (number);
  /**
   * Empty uses the default weights.
   */
  'weights'?: (_mercato_loadgen_v1_ScenarioWeight)[];
  /**
   * Base URL of the gateway; empty uses the topology's gateway.
   */
  'targetUrl'?: (string);
  /**
   * For reproducible shopper behaviour; 0 picks one.
   */
  'seed'?: (number | string | Long);
}

export interface RunConfig__Output {
  /**
   * Scenarios started per second once ramped up.
   */
  'targetRate': (number);
  'rampSeconds': (number);
  /**
   * 0 runs until stopped.
   */
  'durationSeconds': (number);
  /**
   * Empty uses the default weights.
   */
  'weights': (_mercato_loadgen_v1_ScenarioWeight__Output)[];
  /**
   * Base URL of the gateway; empty uses the topology's gateway.
   */
  'targetUrl': (string);
  /**
   * For reproducible shopper behaviour; 0 picks one.
   */
  'seed': (string);
}
