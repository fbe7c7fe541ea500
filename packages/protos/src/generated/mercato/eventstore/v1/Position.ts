// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A place in the global log "$all".
 */
export interface Position {
  /**
   * Orders commits: events of one append share it (derived from the transaction).
   */
  'commit'?: (number | string | Long);
  /**
   * Orders events within one commit.
   */
  'prepare'?: (number | string | Long);
}

/**
 * A place in the global log "$all".
 */
export interface Position__Output {
  /**
   * Orders commits: events of one append share it (derived from the transaction).
   */
  'commit': (string);
  /**
   * Orders events within one commit.
   */
  'prepare': (string);
}
