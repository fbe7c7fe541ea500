// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { StreamMetadata as _mercato_eventstore_v1_StreamMetadata, StreamMetadata__Output as _mercato_eventstore_v1_StreamMetadata__Output } from '../../../mercato/eventstore/v1/StreamMetadata';

export interface SetStreamMetadataRequest {
  'stream'?: (string);
  'metadata'?: (_mercato_eventstore_v1_StreamMetadata | null);
}

export interface SetStreamMetadataRequest__Output {
  'stream': (string);
  'metadata': (_mercato_eventstore_v1_StreamMetadata__Output | null);
}
