// Original file: protos/mercato/eventstore/v1/eventstore.proto

import type { Empty as _google_protobuf_Empty, Empty__Output as _google_protobuf_Empty__Output } from '../../../google/protobuf/Empty';
import type { Long } from '@grpc/proto-loader';

export interface ExpectedRevision {
  /**
   * No check.
   */
  'any'?: (_google_protobuf_Empty | null);
  /**
   * The stream must not exist (or must have been soft-deleted).
   */
  'noStream'?: (_google_protobuf_Empty | null);
  /**
   * The stream must exist, at any revision.
   */
  'streamExists'?: (_google_protobuf_Empty | null);
  /**
   * The revision of the stream's last event.
   */
  'exact'?: (number | string | Long);
  /**
   * Unset means any.
   */
  'kind'?: "any"|"noStream"|"streamExists"|"exact";
}

export interface ExpectedRevision__Output {
  /**
   * No check.
   */
  'any'?: (_google_protobuf_Empty__Output | null);
  /**
   * The stream must not exist (or must have been soft-deleted).
   */
  'noStream'?: (_google_protobuf_Empty__Output | null);
  /**
   * The stream must exist, at any revision.
   */
  'streamExists'?: (_google_protobuf_Empty__Output | null);
  /**
   * The revision of the stream's last event.
   */
  'exact'?: (string);
  /**
   * Unset means any.
   */
  'kind'?: "any"|"noStream"|"streamExists"|"exact";
}
