// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { Position as _mercato_eventstore_v1_Position, Position__Output as _mercato_eventstore_v1_Position__Output } from '../../../mercato/eventstore/v1/Position';
import type { Long } from '@grpc/proto-loader';

export interface AppendResponse {
  /**
   * The revision of the stream's last event now: pass it as the next exact expected revision.
   */
  'nextExpectedRevision'?: (number | string | Long);
  /**
   * Position of the last event of the batch in $all.
   */
  'position'?: (_mercato_eventstore_v1_Position | null);
}

export interface AppendResponse__Output {
  /**
   * The revision of the stream's last event now: pass it as the next exact expected revision.
   */
  'nextExpectedRevision': (string);
  /**
   * Position of the last event of the batch in $all.
   */
  'position': (_mercato_eventstore_v1_Position__Output | null);
}
