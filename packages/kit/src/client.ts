// The gRPC client every service uses for a downstream target: a deadline on every call (the
// method's default, capped by what remains of the incoming call's), one opossum breaker per target
// that only server-sick codes trip, a bulkhead, optional fallbacks, and retries only for methods
// the proto marks idempotent — switched off where the mesh retries instead.
import * as grpc from '@grpc/grpc-js';
import CircuitBreaker from 'opossum';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MethodDefinition } from '@grpc/proto-loader';
import { SERVER_SICK_CODES, camelCode } from './codes';
import { GrpcError } from './errors';
import { loadProtos } from '@mercato/protos';
import { KitMetrics, type HotCounter } from './metrics';
import { endRpcSpan, startClientSpan } from './tracing';
import type { CallContext } from './server';

export interface MethodPolicy {
  /** Default deadline of a call; 0 means none (long-lived streams). */
  deadlineMs: number;
  /** Safe to retry: the proto marks it NO_SIDE_EFFECTS or IDEMPOTENT. */
  idempotent: boolean;
}

export interface BreakerSettings {
  /** Calls in the rolling window before the breaker may open (opossum's default 0 opens on one failure). */
  volumeThreshold: number;
  errorThresholdPercentage: number;
  resetTimeoutMs: number;
  rollingWindowMs: number;
  /** Bulkhead: calls in flight at once to this target; more are refused at once. */
  capacity: number;
}

export interface RetrySettings {
  enabled: boolean;
  maxAttempts: number;
  baseDelayMs: number;
}

export interface ClientOptions {
  /** Name of the target service (for metrics and messages), e.g. "catalog". */
  target: string;
  /** Full gRPC service name, e.g. "mercato.catalog.v1.CatalogService". */
  grpcService: string;
  /** host:port, or dns:///name:port for client-side balancing. */
  address: string;
  definition: grpc.ServiceDefinition;
  methods: Record<string, MethodPolicy>;
  breaker: BreakerSettings;
  retry: RetrySettings;
  loadBalancing: 'pick_first' | 'round_robin';
  maxMessageBytes: number;
  keepaliveTimeMs: number;
  credentials?: grpc.ChannelCredentials;
  metrics: KitMetrics;
}

export interface CallOptions<Res> {
  /** The incoming call this one serves: its deadline caps ours, its cancellation and user propagate. */
  parent?: CallContext;
  /**
   * Parents the call's span without tying it to an incoming call's deadline or cancellation:
   * for work that outlives the request it started from (a saga step, a projection).
   */
  traceContext?: import('@opentelemetry/api').Context;
  /** Overrides the method's default deadline. */
  deadlineMs?: number;
  metadata?: grpc.Metadata;
  /** Answers instead of failing when the target is sick or the breaker is open. */
  fallback?: (err: GrpcError) => Res | Promise<Res>;
  signal?: AbortSignal;
}

// Read off the (de)serializers: inferring through MethodDefinition's generic parameters fails on variance.
type ReqOf<M> = M extends { requestSerialize: (value: infer Req) => Buffer } ? Req : never;
type ResOf<M> = M extends { responseDeserialize: (bytes: Buffer) => infer Res } ? Res : never;

const STATE = { closed: 0, halfOpen: 1, open: 2 } as const;

export class KitClient<D = Record<string, MethodDefinition<unknown, unknown, unknown, unknown>>> {
  private readonly client: grpc.Client & Record<string, (...args: unknown[]) => unknown>;
  private readonly breaker: CircuitBreaker<[() => Promise<unknown>], unknown>;
  private inFlight = 0;
  private readonly inFlightGauge: import('prom-client').Gauge.Internal<'target'>;
  private readonly boundMetrics = new Map<string, { labels: Record<string, string>; started: HotCounter; sent: HotCounter; received: HotCounter; ok: HotCounter; handling: import('prom-client').Histogram.Internal<string> }>();

  constructor(private readonly options: ClientOptions) {
    const channelOptions: grpc.ChannelOptions = {
      'grpc.max_receive_message_length': options.maxMessageBytes,
      'grpc.max_send_message_length': options.maxMessageBytes,
      'grpc.keepalive_time_ms': options.keepaliveTimeMs,
      'grpc.keepalive_timeout_ms': 10_000,
      // grpc-js waits 1 s, then 1.6 times longer each time, up to 2 min, between attempts to reach
      // a target that is down: a dependency back after 7 s was found again only after 9. Attempts
      // are one TCP connect each; 2 s at most keeps recovery (and the suite's start) prompt.
      'grpc.initial_reconnect_backoff_ms': 250,
      'grpc.max_reconnect_backoff_ms': 2_000,
      // One retry layer: ours (idempotent methods only) or the mesh's, never grpc-js's too.
      'grpc.enable_retries': 0,
      // No channelz service is served: its per-call bookkeeping would be work for nothing.
      'grpc.enable_channelz': 0,
      'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ [options.loadBalancing]: {} }] }),
    };
    this.inFlightGauge = options.metrics.bulkheadInFlight.labels({ target: options.target });
    const Ctor = grpc.makeGenericClientConstructor(options.definition, options.grpcService);
    this.client = new Ctor(options.address, options.credentials ?? grpc.credentials.createInsecure(), channelOptions) as typeof this.client;

    const b = options.breaker;
    this.breaker = new CircuitBreaker((action: () => Promise<unknown>) => action(), {
      // The gRPC deadline bounds each call; an opossum timeout would not cancel it.
      timeout: false,
      errorThresholdPercentage: b.errorThresholdPercentage,
      resetTimeout: b.resetTimeoutMs,
      rollingCountTimeout: b.rollingWindowMs,
      volumeThreshold: b.volumeThreshold,
      capacity: b.capacity,
      // true = "not the target's fault": counted as success, so only server-sick codes trip it.
      errorFilter: (err: unknown) => !isServerSick(err),
      name: options.target,
      // Latency lives in our histograms: no per-call latency list, no sorting it every second.
      rollingPercentilesEnabled: false,
      enableSnapshots: false,
    });
    this.instrumentBreaker();
  }

  get state(): 'closed' | 'open' | 'half_open' {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half_open' : 'closed';
  }

  /** A unary call. */
  async call<K extends keyof D & string>(method: K, request: ReqOf<D[K]>, options: CallOptions<ResOf<D[K]>> = {}): Promise<ResOf<D[K]>> {
    const policy = this.policy(method);
    const retries = this.options.retry.enabled && policy.idempotent ? this.options.retry.maxAttempts : 1;
    const deadline = this.deadline(policy, options);
    let attempt = 0;
    for (;;) {
      attempt++;
      try {
        return (await this.breaker.fire(() => this.unary(method, request, deadline, options))) as ResOf<D[K]>;
      } catch (raw) {
        const err = this.toError(raw, method);
        const retryable = err.code === grpc.status.UNAVAILABLE && !isBreakerOpen(raw) && !isBulkheadFull(raw);
        const backoff = this.options.retry.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random());
        if (retryable && attempt < retries && Date.now() + backoff < deadline.getTime()) {
          this.options.metrics.clientRetries.inc({ target: this.options.target, grpc_method: method });
          await sleep(backoff);
          continue;
        }
        if (options.fallback && (isServerSick(raw) || isBreakerOpen(raw) || isBulkheadFull(raw))) {
          this.options.metrics.breakerEvents.inc({ target: this.options.target, event: 'fallback' });
          return options.fallback(err);
        }
        throw err;
      }
    }
  }

  /** A server-streaming call; fails fast while the breaker is open. */
  stream<K extends keyof D & string>(method: K, request: ReqOf<D[K]>, options: Omit<CallOptions<never>, 'fallback'> = {}): grpc.ClientReadableStream<ResOf<D[K]>> {
    const policy = this.policy(method);
    if (this.breaker.opened) throw new GrpcError(grpc.status.UNAVAILABLE, `${this.options.target} is unavailable (circuit open)`);
    const labels = { grpc_type: 'server_stream', grpc_service: this.options.grpcService, grpc_method: method };
    const m = this.options.metrics;
    const t0 = process.hrtime.bigint();
    m.clientStarted.inc(labels);
    m.clientMsgSent.inc(labels);
    const callOptions: grpc.CallOptions = {};
    if (policy.deadlineMs > 0 || options.deadlineMs || options.parent?.deadline) callOptions.deadline = this.deadline(policy, options);
    if (options.parent) callOptions.parent = options.parent.call;
    const metadata = this.metadata(options);
    const rpc = startClientSpan(this.options.grpcService, method, this.options.address, metadata, options.traceContext ?? options.parent?.traceContext);
    const stream = (this.client[method] as (req: unknown, md: grpc.Metadata, o: grpc.CallOptions) => grpc.ClientReadableStream<ResOf<D[K]>>)(request, metadata, callOptions);
    if (options.signal) options.signal.addEventListener('abort', () => stream.cancel(), { once: true });
    const received = m.hot(m.clientMsgReceived, labels);
    stream.on('data', () => received.inc());
    stream.on('status', (s: grpc.StatusObject) => {
      endRpcSpan(rpc, s.code, s.details, 'client');
      m.clientHandled.inc({ ...labels, grpc_code: camelCode(s.code) });
      m.clientHandling.observe(labels, Number(process.hrtime.bigint() - t0) / 1e9);
    });
    return stream;
  }

  /**
   * Resolves once the channel is connected, without a call: work that must wait for a target to
   * come up (a start-up write) waits here instead of failing calls that would open the breaker,
   * which then refuses the target for its reset time after it is back.
   */
  ready(timeoutMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.client.waitForReady(Date.now() + timeoutMs, (err) => {
        if (err) reject(new GrpcError(grpc.status.UNAVAILABLE, `${this.options.target} is not reachable at ${this.options.address} after ${timeoutMs} ms`));
        else resolve();
      });
    });
  }

  close(): void {
    this.breaker.shutdown();
    this.client.close();
  }

  private policy(method: string): MethodPolicy {
    const policy = this.options.methods[method];
    if (!policy) throw new Error(`${this.options.target}.${method} is not a declared call of this service (add it to service.yaml calls)`);
    return policy;
  }

  private deadline(policy: MethodPolicy, options: CallOptions<unknown>): Date {
    const own = options.deadlineMs ?? policy.deadlineMs;
    let at = own > 0 ? Date.now() + own : Infinity;
    const parent = options.parent?.deadline?.getTime();
    if (parent !== undefined && parent < at) at = parent;
    return new Date(Number.isFinite(at) ? at : Date.now() + 24 * 3600_000);
  }

  private metadata(options: CallOptions<unknown>): grpc.Metadata {
    const md = options.metadata?.clone() ?? new grpc.Metadata();
    const user = options.parent?.user;
    if (user && md.get('authorization').length === 0) md.set('authorization', `Bearer ${user.token}`);
    return md;
  }

  /** Metric children bound once per method: no label hashing per call. */
  private bound(method: string) {
    let b = this.boundMetrics.get(method);
    if (!b) {
      const m = this.options.metrics;
      const labels = { grpc_type: 'unary', grpc_service: this.options.grpcService, grpc_method: method };
      b = {
        labels,
        started: m.hot(m.clientStarted, labels),
        sent: m.hot(m.clientMsgSent, labels),
        received: m.hot(m.clientMsgReceived, labels),
        ok: m.hot(m.clientHandled, { ...labels, grpc_code: 'OK' }),
        handling: m.clientHandling.labels(labels),
      };
      this.boundMetrics.set(method, b);
    }
    return b;
  }

  private unary(method: string, request: unknown, deadline: Date, options: CallOptions<unknown>): Promise<unknown> {
    const b = this.bound(method);
    const m = this.options.metrics;
    b.started.inc();
    b.sent.inc();
    const t0 = process.hrtime.bigint();
    this.inFlight++;
    this.inFlightGauge.set(this.inFlight);
    const callOptions: grpc.CallOptions = { deadline };
    if (options.parent) callOptions.parent = options.parent.call;
    const metadata = this.metadata(options);
    const rpc = startClientSpan(this.options.grpcService, method, this.options.address, metadata, options.traceContext ?? options.parent?.traceContext);
    return new Promise((resolve, reject) => {
      const call = (this.client[method] as (req: unknown, md: grpc.Metadata, o: grpc.CallOptions, cb: grpc.requestCallback<unknown>) => grpc.ClientUnaryCall)(
        request,
        metadata,
        callOptions,
        (err, response) => {
          this.inFlight--;
          this.inFlightGauge.set(this.inFlight);
          b.handling.observe(Number(process.hrtime.bigint() - t0) / 1e9);
          endRpcSpan(rpc, err ? err.code : grpc.status.OK, err?.details, 'client');
          if (err) {
            m.clientHandled.inc({ ...b.labels, grpc_code: camelCode(err.code) });
            reject(err);
          } else {
            b.ok.inc();
            b.received.inc();
            resolve(response);
          }
        },
      );
      options.signal?.addEventListener('abort', () => call.cancel(), { once: true });
    });
  }

  private toError(raw: unknown, method: string): GrpcError {
    if (isBreakerOpen(raw)) return new GrpcError(grpc.status.UNAVAILABLE, `${this.options.target} is unavailable (circuit open)`);
    if (isBulkheadFull(raw)) return new GrpcError(grpc.status.RESOURCE_EXHAUSTED, `${this.options.target}: too many calls in flight (bulkhead full)`);
    if (raw instanceof GrpcError) return raw;
    const e = raw as Partial<grpc.ServiceError>;
    if (typeof e.code === 'number') {
      const err = new GrpcError(e.code, e.details || `${this.options.target}.${method} failed`, e.metadata);
      return err;
    }
    return new GrpcError(grpc.status.INTERNAL, `${this.options.target}.${method} failed: ${(raw as Error).message}`);
  }

  private instrumentBreaker(): void {
    const { metrics, target, breaker: settings } = this.options;
    const state = metrics.breakerState.labels({ target });
    const event = (name: string) => metrics.breakerEvents.labels({ target, event: name });
    state.set(STATE.closed);
    metrics.bulkheadCapacity.set({ target }, settings.capacity);
    metrics.bulkheadInFlight.set({ target }, 0);
    for (const name of ['success', 'filtered', 'failure', 'reject', 'open', 'half_open', 'close', 'bulkhead_reject', 'fallback']) event(name).inc(0);
    // opossum emits 'success' for an error its filter let through too (a client mistake, e.g.
    // NOT_FOUND): the breaker counts it as healthy, the metric tells the two apart.
    const success = metrics.hot(metrics.breakerEvents, { target, event: 'success' });
    const filtered = metrics.hot(metrics.breakerEvents, { target, event: 'filtered' });
    this.breaker.on('success', (result: unknown) => (result instanceof Error ? filtered : success).inc());
    this.breaker.on('failure', (err: unknown) => {
      if (!isBulkheadFull(err)) event('failure').inc();
    });
    this.breaker.on('reject', () => event('reject').inc());
    this.breaker.on('semaphoreLocked', () => event('bulkhead_reject').inc());
    this.breaker.on('open', () => {
      state.set(STATE.open);
      event('open').inc();
    });
    this.breaker.on('halfOpen', () => {
      state.set(STATE.halfOpen);
      event('half_open').inc();
    });
    this.breaker.on('close', () => {
      state.set(STATE.closed);
      event('close').inc();
    });
  }
}

function isServerSick(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'number' && SERVER_SICK_CODES.has(code);
}

function isBreakerOpen(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'EOPENBREAKER';
}

function isBulkheadFull(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === 'ESEMLOCKED';
}

/**
 * A client for any Mercato gRPC service by full name, outside a service's topology: tests,
 * tools and benchmarks. Deadlines default to 5 s; idempotency comes from the proto options.
 */
export function connect<D>(
  grpcService: string,
  address: string,
  options: { protos?: import('@grpc/proto-loader').PackageDefinition; metrics?: KitMetrics; deadlineMs?: number; retries?: boolean; breaker?: Partial<BreakerSettings>; maxMessageBytes?: number } = {},
): KitClient<D> {
  const protos = options.protos ?? loadProtos();
  const definition = protos[grpcService] as grpc.ServiceDefinition | undefined;
  if (!definition) throw new Error(`no gRPC service named ${grpcService} in the protos`);
  const methods: Record<string, MethodPolicy> = {};
  for (const [name, def] of Object.entries(definition)) {
    const level = (def as { options?: { idempotency_level?: string } }).options?.idempotency_level;
    methods[name] = { deadlineMs: def.responseStream ? 0 : options.deadlineMs ?? 5_000, idempotent: level === 'NO_SIDE_EFFECTS' || level === 'IDEMPOTENT' };
  }
  return new KitClient<D>({
    target: grpcService.split('.').slice(-1)[0] ?? grpcService,
    grpcService,
    address,
    definition,
    methods,
    breaker: { volumeThreshold: 10, errorThresholdPercentage: 50, resetTimeoutMs: 5_000, rollingWindowMs: 10_000, capacity: 1_000, ...options.breaker },
    retry: { enabled: options.retries ?? false, maxAttempts: 3, baseDelayMs: 25 },
    loadBalancing: 'pick_first',
    maxMessageBytes: options.maxMessageBytes ?? 16 * 1024 * 1024,
    keepaliveTimeMs: 30_000,
    metrics: options.metrics ?? new KitMetrics('client', { runtimeMetrics: false }),
  });
}
