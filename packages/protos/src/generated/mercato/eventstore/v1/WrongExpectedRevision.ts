// Original file: protos/mercato/eventstore/v1/errors.proto

import type { Empty as _google_protobuf_Empty, Empty__Output as _google_protobuf_Empty__Output } from '../../../google/protobuf/Empty';
import type { ExpectedRevision as _mercato_eventstore_v1_ExpectedRevision, ExpectedRevision__Output as _mercato_eventstore_v1_ExpectedRevision__Output } from '../../../mercato/eventstore/v1/ExpectedRevision';
import type { Long } from '@grpc/proto-loader';

/**
 * With FAILED_PRECONDITION: the expected revision did not hold.
 */
export interface WrongExpectedRevision {
  'stream'?: (string);
  /**
   * The stream does not exist (or was soft-deleted).
   */
  'currentNoStream'?: (_google_protobuf_Empty | null);
  /**
   * The revision of the stream's last event.
   */
  'currentRevision'?: (number | string | Long);
  'expected'?: (_mercato_eventstore_v1_ExpectedRevision | null);
  'current'?: "currentNoStream"|"currentRevision";
}

/**
 * With FAILED_PRECONDITION: the expected revision did not hold.
 */
export interface WrongExpectedRevision__Output {
  'stream': (string);
  /**
   * The stream does not exist (or was soft-deleted).
   */
  'currentNoStream'?: (_google_protobuf_Empty__Output | null);
  /**
   * The revision of the stream's last event.
   */
  'currentRevision'?: (string);
  'expected': (_mercato_eventstore_v1_ExpectedRevision__Output | null);
  'current'?: "currentNoStream"|"currentRevision";
}
