// Errors a handler throws become gRPC statuses with a message a person can act on. Anything
// else becomes INTERNAL with a reference id; the stack trace stays in the server's log.
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';

export class GrpcError extends Error {
  constructor(
    readonly code: status,
    message: string,
    readonly metadata?: Metadata,
  ) {
    super(message);
    this.name = 'GrpcError';
  }

  /** The status message, under the name grpc-js gives it on a ServiceError. */
  get details(): string {
    return this.message;
  }
}

export const invalidArgument = (field: string, problem: string): GrpcError =>
  new GrpcError(status.INVALID_ARGUMENT, `${field}: ${problem}`);
export const notFound = (what: string): GrpcError => new GrpcError(status.NOT_FOUND, `${what} not found`);
export const failedPrecondition = (message: string, metadata?: Metadata): GrpcError =>
  new GrpcError(status.FAILED_PRECONDITION, message, metadata);
export const permissionDenied = (message: string): GrpcError => new GrpcError(status.PERMISSION_DENIED, message);
export const unauthenticated = (message: string): GrpcError => new GrpcError(status.UNAUTHENTICATED, message);
export const alreadyExists = (message: string): GrpcError => new GrpcError(status.ALREADY_EXISTS, message);
export const unavailable = (message: string): GrpcError => new GrpcError(status.UNAVAILABLE, message);

/** A status from a downstream call made by our client (it has a numeric code and details). */
export function isServiceError(err: unknown): err is ServiceError {
  return err instanceof Error && typeof (err as Partial<ServiceError>).code === 'number' && 'details' in err;
}

export interface StatusObject {
  code: status;
  details: string;
  metadata?: Metadata;
  /** Set when the error was unexpected and logged under this id. */
  incident?: string;
}

/**
 * Status details travel in an HTTP/2 header: a message that quotes a huge input (a 1 MiB id in
 * "order <id> not found") would make the answer too big to reach the client at all, which then
 * sees DEADLINE_EXCEEDED. Details are cut to this many characters.
 */
export const MAX_STATUS_DETAILS = 1024;

const capped = (details: string): string => (details.length <= MAX_STATUS_DETAILS ? details : `${details.slice(0, MAX_STATUS_DETAILS - 1)}…`);

export function toStatus(err: unknown): StatusObject {
  if (err instanceof GrpcError) {
    return err.metadata ? { code: err.code, details: capped(err.message), metadata: err.metadata } : { code: err.code, details: capped(err.message) };
  }
  if (isServiceError(err)) return { code: err.code, details: capped(err.details) };
  return { code: status.INTERNAL, details: 'internal error', incident: randomUUID() };
}
