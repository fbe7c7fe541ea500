// Store errors → gRPC statuses. Details follow errors.proto, packed in grpc-status-details-bin.
import { status } from '@grpc/grpc-js';
import { GrpcError } from '@mercato/kit';
import type { WrongExpectedRevision } from '@mercato/protos/gen/mercato/eventstore/v1/WrongExpectedRevision';
import type { StreamDeleted } from '@mercato/protos/gen/mercato/eventstore/v1/StreamDeleted';
import { InvalidArgumentError, StoreUnavailableError, StreamDeletedError, StreamNotFoundError, WrongExpectedRevisionError } from '../store';
import { toProtoExpected } from './convert';
import { STREAM_DELETED, WRONG_EXPECTED_REVISION, packAny, statusDetailsMetadata } from './details';

/** Whether the call wrote (a tombstone then answers FAILED_PRECONDITION) or read (NOT_FOUND). */
export type Access = 'read' | 'write';

// Connection-level failures: node errno codes and PostgreSQL classes 08 (connection), 57P (shutdown),
// 3D000 (database gone), 53300 (too many connections).
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '3D000', '53300']);
const UNAVAILABLE_MESSAGE = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed|closed/i;

export function toGrpcError(err: unknown, access: Access): unknown {
  if (err instanceof GrpcError) return err;
  if (err instanceof WrongExpectedRevisionError) {
    const detail: WrongExpectedRevision = {
      stream: err.stream,
      expected: toProtoExpected(err.expected),
      ...(err.current === 'no_stream' ? { currentNoStream: {} } : { currentRevision: err.current.toString() }),
    };
    const message = err.message;
    return new GrpcError(status.FAILED_PRECONDITION, message, statusDetailsMetadata(status.FAILED_PRECONDITION, message, [packAny(WRONG_EXPECTED_REVISION, detail)]));
  }
  if (err instanceof StreamDeletedError) {
    const code = access === 'read' ? status.NOT_FOUND : status.FAILED_PRECONDITION;
    const message = `stream "${err.stream}" was tombstoned (permanently deleted): it can never be read or written again`;
    const detail: StreamDeleted = { stream: err.stream, tombstoned: true };
    return new GrpcError(code, message, statusDetailsMetadata(code, message, [packAny(STREAM_DELETED, detail)]));
  }
  if (err instanceof StreamNotFoundError) return new GrpcError(status.NOT_FOUND, `stream "${err.stream}" not found (never written, or deleted)`);
  if (err instanceof InvalidArgumentError) {
    const field = snakeCase(err.field);
    return new GrpcError(status.INVALID_ARGUMENT, err.message.replace(err.field, field));
  }
  if (err instanceof StoreUnavailableError) return new GrpcError(status.UNAVAILABLE, `event store unavailable: ${err.message}`);
  if (isConnectionError(err)) return new GrpcError(status.UNAVAILABLE, 'event store unavailable: the database does not answer; retry later');
  return err;
}

export function isConnectionError(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
  return UNAVAILABLE_MESSAGE.test(err.message);
}

/** The store names fields in camelCase; callers know the proto's snake_case names. */
export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
