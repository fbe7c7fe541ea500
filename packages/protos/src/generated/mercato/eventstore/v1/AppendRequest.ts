// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { ExpectedRevision as _mercato_eventstore_v1_ExpectedRevision, ExpectedRevision__Output as _mercato_eventstore_v1_ExpectedRevision__Output } from '../../../mercato/eventstore/v1/ExpectedRevision';
import type { ProposedEvent as _mercato_eventstore_v1_ProposedEvent, ProposedEvent__Output as _mercato_eventstore_v1_ProposedEvent__Output } from '../../../mercato/eventstore/v1/ProposedEvent';

export interface AppendRequest {
  'stream'?: (string);
  'expectedRevision'?: (_mercato_eventstore_v1_ExpectedRevision | null);
  /**
   * At least one; limits on count and size answer INVALID_ARGUMENT.
   */
  'events'?: (_mercato_eventstore_v1_ProposedEvent)[];
}

export interface AppendRequest__Output {
  'stream': (string);
  'expectedRevision': (_mercato_eventstore_v1_ExpectedRevision__Output | null);
  /**
   * At least one; limits on count and size answer INVALID_ARGUMENT.
   */
  'events': (_mercato_eventstore_v1_ProposedEvent__Output)[];
}
