// gRPC status codes by name: the upper-case proto names, and the CamelCase names that
// go-grpc-prometheus uses in the grpc_code label (so public gRPC dashboards work unchanged).
import { status } from '@grpc/grpc-js';

const CAMEL: Record<number, string> = {
  [status.OK]: 'OK',
  [status.CANCELLED]: 'Canceled',
  [status.UNKNOWN]: 'Unknown',
  [status.INVALID_ARGUMENT]: 'InvalidArgument',
  [status.DEADLINE_EXCEEDED]: 'DeadlineExceeded',
  [status.NOT_FOUND]: 'NotFound',
  [status.ALREADY_EXISTS]: 'AlreadyExists',
  [status.PERMISSION_DENIED]: 'PermissionDenied',
  [status.RESOURCE_EXHAUSTED]: 'ResourceExhausted',
  [status.FAILED_PRECONDITION]: 'FailedPrecondition',
  [status.ABORTED]: 'Aborted',
  [status.OUT_OF_RANGE]: 'OutOfRange',
  [status.UNIMPLEMENTED]: 'Unimplemented',
  [status.INTERNAL]: 'Internal',
  [status.UNAVAILABLE]: 'Unavailable',
  [status.DATA_LOSS]: 'DataLoss',
  [status.UNAUTHENTICATED]: 'Unauthenticated',
};

export function camelCode(code: number): string {
  return CAMEL[code] ?? 'Unknown';
}

/** The status code for an upper-case name such as "UNAVAILABLE"; undefined when unknown. */
export function codeFromName(name: string): number | undefined {
  const value = (status as unknown as Record<string, number>)[name];
  return typeof value === 'number' ? value : undefined;
}

/** Codes that mean the server is sick: only these trip breakers and are retried. */
export const SERVER_SICK_CODES: ReadonlySet<number> = new Set([
  status.UNAVAILABLE,
  status.DEADLINE_EXCEEDED,
  status.INTERNAL,
  status.UNKNOWN,
  status.DATA_LOSS,
]);
