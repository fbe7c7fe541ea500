// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { Long } from '@grpc/proto-loader';

export interface SetStreamMetadataResponse {
  'metadataRevision'?: (number | string | Long);
}

export interface SetStreamMetadataResponse__Output {
  'metadataRevision': (string);
}
