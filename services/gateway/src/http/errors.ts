// Errors of the HTTP edge, as the contract spells them: {"error": {code, message, field?}}, one
// code per HTTP status. Downstream gRPC statuses are translated here, in one place.
import { status } from '@grpc/grpc-js';

export type ErrorCode =
  | 'invalid_argument'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payment_declined'
  | 'order_declined'
  | 'out_of_stock'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  invalid_argument: 400,
  unauthenticated: 401,
  payment_declined: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  out_of_stock: 409,
  order_declined: 422,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    options: { status?: number; headers?: Record<string, string>; extra?: Record<string, unknown> } = {},
  ) {
    super(message);
    this.name = 'HttpError';
    this.status = options.status ?? HTTP_STATUS[code];
    this.headers = options.headers ?? {};
    this.extra = options.extra ?? {};
  }
  readonly headers: Record<string, string>;
  /** Members of the body beside "error" (e.g. the failed order). */
  readonly extra: Record<string, unknown>;

  body(): Record<string, unknown> {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) }, ...this.extra };
  }
}

export const badRequest = (field: string, problem: string): HttpError => new HttpError('invalid_argument', `${field}: ${problem}`, field);
export const notFound = (what: string): HttpError => new HttpError('not_found', `${what} not found`);
export const unauthenticated = (message = 'sign in required'): HttpError => new HttpError('unauthenticated', message);
export const forbidden = (message: string): HttpError => new HttpError('forbidden', message);

export function tooManyRequests(retryAfterS: number, what: string): HttpError {
  const seconds = Math.max(1, Math.ceil(retryAfterS));
  return new HttpError('rate_limited', `too many ${what}; try again in ${seconds} s`, undefined, { headers: { 'retry-after': String(seconds) } });
}

/** A downstream call's status, as the contract's error; `target` names the service for people. */
export function fromGrpc(err: unknown, target: string): HttpError {
  const e = err as { code?: unknown; details?: unknown; message?: unknown };
  if (typeof e.code !== 'number') return new HttpError('internal', 'internal error');
  const details = typeof e.details === 'string' && e.details ? e.details : String(e.message ?? '');
  switch (e.code) {
    case status.INVALID_ARGUMENT: {
      // The services name the proto field first ("shipping_address.postal_code: must ..."): our
      // JSON uses the same snake_case names, so the field carries over.
      const m = /^([a-z_][a-z0-9_.[\]]*): /.exec(details);
      return new HttpError('invalid_argument', details, m?.[1]);
    }
    case status.NOT_FOUND:
      return new HttpError('not_found', details);
    case status.ALREADY_EXISTS:
    case status.FAILED_PRECONDITION:
    case status.ABORTED:
      return new HttpError('conflict', details);
    case status.PERMISSION_DENIED:
      return new HttpError('forbidden', details);
    case status.UNAUTHENTICATED:
      return new HttpError('unauthenticated', details);
    case status.RESOURCE_EXHAUSTED:
      return new HttpError('unavailable', `the ${target} service is busy; try again shortly`, undefined, { headers: { 'retry-after': '1' } });
    case status.UNAVAILABLE:
    case status.DEADLINE_EXCEEDED:
    case status.CANCELLED:
      return new HttpError('unavailable', `the ${target} service is unavailable right now; try again shortly`, undefined, { headers: { 'retry-after': '2' } });
    default:
      return new HttpError('internal', `the ${target} service failed (${details || 'no details'})`);
  }
}

/** The same error with a downstream field prefix renamed to ours ("destination." → "address."). */
export function renameField(err: unknown, from: string, to: string): unknown {
  if (!(err instanceof HttpError) || !err.field?.startsWith(from)) return err;
  const field = to + err.field.slice(from.length);
  return new HttpError(err.code, field + err.message.slice(err.field.length), field, { status: err.status, headers: err.headers, extra: err.extra });
}
