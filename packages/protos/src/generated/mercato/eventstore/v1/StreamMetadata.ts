// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { Long } from '@grpc/proto-loader';

export interface StreamMetadata {
  /**
   * Keep at most this many events (older ones are not readable); unset for no limit.
   */
  'maxCount'?: (number | string | Long);
  /**
   * Keep events at most this old; unset for no limit.
   */
  'maxAgeSeconds'?: (number | string | Long);
  '_maxCount'?: "maxCount";
  '_maxAgeSeconds'?: "maxAgeSeconds";
}

export interface StreamMetadata__Output {
  /**
   * Keep at most this many events (older ones are not readable); unset for no limit.
   */
  'maxCount'?: (string);
  /**
   * Keep events at most this old; unset for no limit.
   */
  'maxAgeSeconds'?: (string);
  '_maxCount'?: "maxCount";
  '_maxAgeSeconds'?: "maxAgeSeconds";
}
