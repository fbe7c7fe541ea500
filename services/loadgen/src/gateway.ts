// A cookie-free client of the gateway's JSON API (/api/v1): a Bearer token for signed-in calls,
// X-Cart-Id for guest carts, a timeout per request, and 429s honoured: after a Retry-After, calls
// under the same limit key are not sent before that time has passed.

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestSpec {
  /** e.g. "/products/APP-0001"; the /api/v1 prefix is added. */
  path: string;
  /** The route as a template, for messages and limit keys, e.g. "GET /products/{id}". */
  route: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  token?: string;
  cartId?: string;
  /** Statuses that are answers (anything else throws HttpError). */
  expect: readonly number[];
  /** Whose rate limit a 429 is charged to, e.g. "user:42" or "client" (per-IP limits). */
  limitKey: string;
}

export interface Response<T = unknown> {
  status: number;
  body: T;
}

export interface ApiErrorBody {
  error?: { code?: string; message?: string; field?: string };
}

/** An answer with a status the caller did not expect. */
export class HttpError extends Error {
  constructor(
    readonly route: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    const e = (body as ApiErrorBody | undefined)?.error;
    const detail = e?.code ? `${e.code}${e.field ? ` (${e.field})` : ''}${e.message ? `: ${e.message}` : ''}` : typeof body === 'string' ? body.slice(0, 120) : '';
    super(`${route} → ${status}${detail ? ` ${detail}` : ''}`);
    this.name = 'HttpError';
  }

  get code(): string | undefined {
    return (this.body as ApiErrorBody | undefined)?.error?.code;
  }
}

/** A 429, or a call held back because its limit key is still waiting out a Retry-After. */
export class RateLimitedError extends Error {
  constructor(
    readonly route: string,
    readonly limitKey: string,
    readonly retryAtMs: number,
  ) {
    super(`${route} rate limited (${limitKey})`);
    this.name = 'RateLimitedError';
  }
}

/** No answer: connection refused, reset, or the request timed out. */
export class TransportError extends Error {
  constructor(
    readonly route: string,
    cause: unknown,
    timedOut: boolean,
  ) {
    // fetch fails with "fetch failed"; the reason (ECONNREFUSED, bad port, ...) is its cause.
    const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
    const why = timedOut ? 'timed out' : String(inner?.code ?? inner?.message ?? (cause as Error)?.message ?? cause);
    super(`${route} → no answer (${why})`);
    this.name = 'TransportError';
  }
}

/** A well-formed answer whose content is wrong (e.g. the cart lacks the item just added). */
export class ContractError extends Error {
  constructor(route: string, problem: string) {
    super(`${route}: ${problem}`);
    this.name = 'ContractError';
  }
}

const MAX_RETRY_AFTER_MS = 5 * 60_000;
const DEFAULT_RETRY_AFTER_MS = 1_000;

/** Retry-After as delta-seconds or an HTTP date; missing or odd values wait a second. */
export function parseRetryAfter(value: string | null, nowEpochMs: number): number {
  if (!value) return DEFAULT_RETRY_AFTER_MS;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(MAX_RETRY_AFTER_MS, Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isFinite(date)) return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - nowEpochMs));
  return DEFAULT_RETRY_AFTER_MS;
}

export interface GatewayClientOptions {
  /** The gateway's base URL, e.g. http://127.0.0.1:8080. */
  baseUrl: string;
  timeoutMs: number;
  /** Monotonic ms (the run's clock). */
  now: () => number;
  /** Aborts every request in flight (a stopped run after its grace). */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

export class GatewayClient {
  private readonly api: string;
  private readonly blockedUntil = new Map<string, number>();
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: GatewayClientOptions) {
    this.api = `${options.baseUrl.replace(/\/+$/, '')}/api/v1`;
    this.doFetch = options.fetch ?? fetch;
  }

  /** Until when (monotonic ms) calls under this key are held back; 0 when they are not. */
  blockedAt(limitKey: string): number {
    const until = this.blockedUntil.get(limitKey) ?? 0;
    if (until <= this.options.now()) {
      this.blockedUntil.delete(limitKey);
      return 0;
    }
    return until;
  }

  async request<T>(spec: RequestSpec): Promise<Response<T>> {
    const blocked = this.blockedAt(spec.limitKey);
    if (blocked) throw new RateLimitedError(spec.route, spec.limitKey, blocked);
    const url = new URL(this.api + spec.path);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    if (spec.token) headers.authorization = `Bearer ${spec.token}`;
    if (spec.cartId) headers['x-cart-id'] = spec.cartId;
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([timeout, this.options.signal]) : timeout;
    const method = spec.route.slice(0, spec.route.indexOf(' ')) as Method;
    let res: globalThis.Response;
    let text: string;
    try {
      res = await this.doFetch(url, { method, headers, signal, ...(spec.body !== undefined ? { body: JSON.stringify(spec.body) } : {}) });
      text = await res.text();
    } catch (err) {
      throw new TransportError(spec.route, err, timeout.aborted);
    }
    const body = parseBody(text, res.headers.get('content-type'));
    if (res.status === 429) {
      const until = this.options.now() + parseRetryAfter(res.headers.get('retry-after'), Date.now());
      this.blockedUntil.set(spec.limitKey, Math.max(until, this.blockedUntil.get(spec.limitKey) ?? 0));
      throw new RateLimitedError(spec.route, spec.limitKey, until);
    }
    if (!spec.expect.includes(res.status)) throw new HttpError(spec.route, res.status, body);
    return { status: res.status, body: body as T };
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return undefined;
  if (contentType?.includes('json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
