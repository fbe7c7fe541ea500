// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { RecordedEvent as _mercato_eventstore_v1_RecordedEvent, RecordedEvent__Output as _mercato_eventstore_v1_RecordedEvent__Output } from '../../../mercato/eventstore/v1/RecordedEvent';
import type { Long } from '@grpc/proto-loader';

export interface ReadStreamResponse {
  'events'?: (_mercato_eventstore_v1_RecordedEvent)[];
  /**
   * True when the read reached the stream's end (last event forwards, first backwards).
   */
  'endOfStream'?: (boolean);
  /**
   * The revision of the stream's last event.
   */
  'lastRevision'?: (number | string | Long);
}

export interface ReadStreamResponse__Output {
  'events': (_mercato_eventstore_v1_RecordedEvent__Output)[];
  /**
   * True when the read reached the stream's end (last event forwards, first backwards).
   */
  'endOfStream': (boolean);
  /**
   * The revision of the stream's last event.
   */
  'lastRevision': (string);
}
