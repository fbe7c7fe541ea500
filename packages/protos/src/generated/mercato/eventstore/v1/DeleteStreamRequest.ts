// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { ExpectedRevision as _mercato_eventstore_v1_ExpectedRevision, ExpectedRevision__Output as _mercato_eventstore_v1_ExpectedRevision__Output } from '../../../mercato/eventstore/v1/ExpectedRevision';

export interface DeleteStreamRequest {
  'stream'?: (string);
  'expectedRevision'?: (_mercato_eventstore_v1_ExpectedRevision | null);
}

export interface DeleteStreamRequest__Output {
  'stream': (string);
  'expectedRevision': (_mercato_eventstore_v1_ExpectedRevision__Output | null);
}
