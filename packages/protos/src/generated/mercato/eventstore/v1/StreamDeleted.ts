// Original file: protos/mercato/eventstore/v1/errors.proto


/**
 * With NOT_FOUND (reads) or FAILED_PRECONDITION (writes to a tombstoned stream).
 */
export interface StreamDeleted {
  'stream'?: (string);
  /**
   * True for a hard delete (TombstoneStream), false for a soft delete.
   */
  'tombstoned'?: (boolean);
}

/**
 * With NOT_FOUND (reads) or FAILED_PRECONDITION (writes to a tombstoned stream).
 */
export interface StreamDeleted__Output {
  'stream': (string);
  /**
   * True for a hard delete (TombstoneStream), false for a soft delete.
   */
  'tombstoned': (boolean);
}
