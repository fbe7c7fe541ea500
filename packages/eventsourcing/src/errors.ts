// Errors the toolkit raises, each with the gRPC status a service should answer with.
import { status } from '@grpc/grpc-js';

export type ErrorCode = 'INVALID_ARGUMENT' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'PERMISSION_DENIED' | 'FAILED_PRECONDITION' | 'ABORTED';

/** The gRPC status of each code (answer `new GrpcError(GRPC_STATUS[err.code], err.message)`). */
export const GRPC_STATUS: Readonly<Record<ErrorCode, status>> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  PERMISSION_DENIED: status.PERMISSION_DENIED,
  FAILED_PRECONDITION: status.FAILED_PRECONDITION,
  ABORTED: status.ABORTED,
};

/** A business rule refused a command; the message is for the person who sent it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  get grpcStatus(): status {
    return GRPC_STATUS[this.code];
  }
}

/** The command itself is malformed (a quantity of 0, an empty id). */
export class InvalidArgumentError extends DomainError {
  constructor(message: string) {
    super('INVALID_ARGUMENT', message);
  }
}

/** The command is fine but the state does not allow it (a closed cart, an unpaid order). */
export class FailedPreconditionError extends DomainError {
  constructor(message: string) {
    super('FAILED_PRECONDITION', message);
  }
}

/** The command names something that does not exist (a product not in the cart). */
export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

/** The stream moved on between load and append (and kept moving for every retry). */
export class ConcurrencyConflictError extends DomainError {
  constructor(
    readonly stream: string,
    detail: string,
  ) {
    super('ABORTED', `stream "${stream}" changed concurrently: ${detail}`);
  }
}

/** An event whose type is not a message of the protos (or whose bytes do not decode). */
export class UnknownEventTypeError extends Error {
  constructor(
    readonly eventType: string,
    cause?: unknown,
  ) {
    super(`unknown event type "${eventType}": no such protobuf message in protos/`, { cause });
    this.name = 'UnknownEventTypeError';
  }
}
