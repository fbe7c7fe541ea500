// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { Position as _mercato_eventstore_v1_Position, Position__Output as _mercato_eventstore_v1_Position__Output } from '../../../mercato/eventstore/v1/Position';

export interface DeleteStreamResponse {
  /**
   * Position of the deletion in $all.
   */
  'position'?: (_mercato_eventstore_v1_Position | null);
}

export interface DeleteStreamResponse__Output {
  /**
   * Position of the deletion in $all.
   */
  'position': (_mercato_eventstore_v1_Position__Output | null);
}
