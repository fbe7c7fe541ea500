// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { RecordedEvent as _mercato_eventstore_v1_RecordedEvent, RecordedEvent__Output as _mercato_eventstore_v1_RecordedEvent__Output } from '../../../mercato/eventstore/v1/RecordedEvent';
import type { Position as _mercato_eventstore_v1_Position, Position__Output as _mercato_eventstore_v1_Position__Output } from '../../../mercato/eventstore/v1/Position';

export interface ReadAllResponse {
  'events'?: (_mercato_eventstore_v1_RecordedEvent)[];
  /**
   * Where to read from next in the same direction (also when the filter matched nothing).
   */
  'nextPosition'?: (_mercato_eventstore_v1_Position | null);
  /**
   * True when the read reached the end (or start, backwards) of $all.
   */
  'endOfAll'?: (boolean);
}

export interface ReadAllResponse__Output {
  'events': (_mercato_eventstore_v1_RecordedEvent__Output)[];
  /**
   * Where to read from next in the same direction (also when the filter matched nothing).
   */
  'nextPosition': (_mercato_eventstore_v1_Position__Output | null);
  /**
   * True when the read reached the end (or start, backwards) of $all.
   */
  'endOfAll': (boolean);
}
