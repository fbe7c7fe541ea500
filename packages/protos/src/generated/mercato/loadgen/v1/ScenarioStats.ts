// Original file: protos/mercato/loadgen/v1/loadgen.proto

import type { Long } from '@grpc/proto-loader';

export interface ScenarioStats {
  'scenario'?: (string);
  'started'?: (number | string | Long);
  'succeeded'?: (number | string | Long);
  /**
   * Failures the scenario expects, e.g. a declined test card.
   */
  'expectedFailures'?: (number | string | Long);
  'unexpectedFailures'?: (number | string | Long);
  'latencyP50Ms'?: (number | string);
  'latencyP99Ms'?: (number | string);
}

export interface ScenarioStats__Output {
  'scenario': (string);
  'started': (string);
  'succeeded': (string);
  /**
   * Failures the scenario expects, e.g. a declined test card.
   */
  'expectedFailures': (string);
  'unexpectedFailures': (string);
  'latencyP50Ms': (number);
  'latencyP99Ms': (number);
}
