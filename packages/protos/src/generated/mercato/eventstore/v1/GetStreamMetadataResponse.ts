// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { StreamMetadata as _mercato_eventstore_v1_StreamMetadata, StreamMetadata__Output as _mercato_eventstore_v1_StreamMetadata__Output } from '../../../mercato/eventstore/v1/StreamMetadata';
import type { Long } from '@grpc/proto-loader';

export interface GetStreamMetadataResponse {
  /**
   * Empty (no limits) when none was ever set.
   */
  'metadata'?: (_mercato_eventstore_v1_StreamMetadata | null);
  /**
   * Revision of the metadata; unset when none was ever set.
   */
  'metadataRevision'?: (number | string | Long);
  '_metadataRevision'?: "metadataRevision";
}

export interface GetStreamMetadataResponse__Output {
  /**
   * Empty (no limits) when none was ever set.
   */
  'metadata': (_mercato_eventstore_v1_StreamMetadata__Output | null);
  /**
   * Revision of the metadata; unset when none was ever set.
   */
  'metadataRevision'?: (string);
  '_metadataRevision'?: "metadataRevision";
}
