// Typed errors the gRPC layer maps onto statuses (noted on each class).

/** FAILED_PRECONDITION: the stream is not at the revision the caller expected. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly stream: string,
    readonly expected: import('./types').ExpectedRevision,
    readonly current: bigint | 'no_stream',
  ) {
    super(`stream "${stream}": expected ${describeExpected(expected)}, current revision is ${String(current)}`);
  }
}

/** INVALID_ARGUMENT: `field` names what to fix. */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** NOT_FOUND: the stream has no events (never written, or soft-deleted). */
export class StreamNotFoundError extends Error {
  override readonly name = 'StreamNotFoundError';
  constructor(readonly stream: string) {
    super(`stream "${stream}" not found`);
  }
}

/** FAILED_PRECONDITION: the stream was tombstoned and can never be written or read again. */
export class StreamDeletedError extends Error {
  override readonly name = 'StreamDeletedError';
  constructor(readonly stream: string) {
    super(`stream "${stream}" is permanently deleted`);
  }
}

/** UNAVAILABLE: the store is closed or the database kept failing for every retry. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

function describeExpected(e: import('./types').ExpectedRevision): string {
  return e.kind === 'exact' ? `revision ${e.revision}` : e.kind;
}
