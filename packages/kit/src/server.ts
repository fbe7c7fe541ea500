// The gRPC server every service runs: handlers are plain async functions wrapped in one chain of
// interceptors (metrics, auth, fault injection, validation), plus health, reflection, limits,
// keepalive and a graceful drain.
import * as grpc from '@grpc/grpc-js';
import { HealthImplementation, type ServingStatus } from 'grpc-health-check';
import { ReflectionService } from '@grpc/reflection';
import type { PackageDefinition } from '@grpc/proto-loader';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from './logger';
import { camelCode } from './codes';
import { GrpcError, toStatus, unauthenticated, permissionDenied } from './errors';
import type { AccessRule, AuthUser, TokenVerifier } from './auth';
import { TokenError } from './auth';
import type { FaultInjector } from './faults';
import type { GrpcType, KitMetrics } from './metrics';
import type { Context } from '@opentelemetry/api';
import { endRpcSpan, otelContext, startServerSpan, type RpcSpan } from './tracing';

export interface CallContext {
  /** Full gRPC service name, e.g. "mercato.catalog.v1.CatalogService". */
  readonly service: string;
  readonly method: string;
  readonly type: GrpcType;
  readonly metadata: grpc.Metadata;
  /** Absolute deadline of the incoming call, when the caller set one. */
  readonly deadline: Date | undefined;
  /** Aborted when the caller cancels or the deadline passes. */
  readonly signal: AbortSignal;
  readonly user: AuthUser | undefined;
  /** The underlying call: clients pass it as the parent of downstream calls. */
  readonly call: grpc.ServerUnaryCall<unknown, unknown> | grpc.ServerWritableStream<unknown, unknown>;
  readonly log: Logger;
  /** The call's trace context (its SERVER span): clients parent downstream calls on it. */
  readonly traceContext: Context;
  requireUser(): AuthUser;
  requireAdmin(): AuthUser;
  /** The caller, who must own `ownerId` or be an admin. */
  requireOwner(ownerId: string): AuthUser;
}

type UnaryFn<Req, Res> = (request: Req, ctx: CallContext) => Promise<Res>;
type StreamFn<Req, Res> = (request: Req, ctx: CallContext) => AsyncIterable<Res>;

/** Async handlers for a generated `XxxServiceHandlers` type: unary returns, server-streaming yields. */
export type AsyncHandlers<H> = {
  // Generated handler interfaces extend grpc's index-signature type: keep only named methods.
  [K in keyof H as string extends K ? never : K]: H[K] extends grpc.handleUnaryCall<infer Req, infer Res>
    ? UnaryFn<Req, Res>
    : H[K] extends grpc.handleServerStreamingCall<infer Req, infer Res>
      ? StreamFn<Req, Res>
      : never;
};

type Pipeline = (ctx: CallContext, request: unknown, last: () => Promise<unknown>) => Promise<unknown>;

/** One step of the call chain; call next() to go on, or throw a GrpcError to answer early. */
export type ServerInterceptor = (ctx: CallContext, request: unknown, next: () => Promise<unknown>) => Promise<unknown>;

export interface ServeOptions<H> {
  /** Who may call each method; methods not listed use `defaultAccess` (default "public"). */
  access?: Partial<Record<keyof H & string, AccessRule>>;
  defaultAccess?: AccessRule;
  /** Per-method request validation run before the handler; throw a GrpcError (INVALID_ARGUMENT). */
  validate?: Partial<Record<keyof H & string, (request: never) => void>>;
}

export interface ServerSettings {
  host: string;
  port: number;
  maxMessageBytes: number;
  keepaliveTimeMs: number;
  keepaliveTimeoutMs: number;
  /** 0 disables; set it where clients must re-resolve to spread over new pods. */
  maxConnectionAgeMs: number;
  maxConnectionAgeGraceMs: number;
  credentials?: grpc.ServerCredentials;
}

interface Deps {
  log: Logger;
  metrics: KitMetrics;
  faults: FaultInjector;
  verifier: TokenVerifier | undefined;
  packageDefinition: PackageDefinition;
}

export class KitServer {
  readonly grpc: grpc.Server;
  private readonly health: HealthImplementation;
  private readonly served: string[] = [];
  private readonly checks = new Map<string, () => Promise<void>>();
  private readonly failing = new Set<string>();
  private checkTimer: NodeJS.Timeout | undefined;
  private serving = false;
  private shuttingDown = false;
  /** Open server streams, each with the function that ends it when the server drains. */
  private readonly openStreams = new Set<() => void>();
  private boundPort = 0;

  constructor(
    private readonly settings: ServerSettings,
    private readonly deps: Deps,
  ) {
    const options: grpc.ChannelOptions = {
      'grpc.max_receive_message_length': settings.maxMessageBytes,
      'grpc.max_send_message_length': settings.maxMessageBytes,
      'grpc.keepalive_time_ms': settings.keepaliveTimeMs,
      'grpc.keepalive_timeout_ms': settings.keepaliveTimeoutMs,
      // channelz stays on although no channelz service is served: grpc-js (1.14) tracks the
      // connections that forceShutdown closes only with it on; without it a forced shutdown leaves
      // in-flight calls running (the kit test of the grace period catches it).
    };
    if (settings.maxConnectionAgeMs > 0) {
      options['grpc.max_connection_age_ms'] = settings.maxConnectionAgeMs;
      options['grpc.max_connection_age_grace_ms'] = settings.maxConnectionAgeGraceMs;
    }
    this.grpc = new grpc.Server(options);
    this.health = new HealthImplementation({ '': 'NOT_SERVING' });
    this.health.addToServer(this.grpc);
  }

  get port(): number {
    return this.boundPort;
  }

  /** Registers a service by its full name; its definition comes from the shared protos. */
  serve<H>(fullName: string, handlers: AsyncHandlers<H>, options: ServeOptions<H> = {}, extra: ServerInterceptor[] = []): void {
    const definition = this.deps.packageDefinition[fullName];
    if (!definition || !isServiceDefinition(definition)) throw new Error(`no gRPC service named ${fullName} in the protos`);
    const implementation: grpc.UntypedServiceImplementation = {};
    for (const [method, def] of Object.entries(definition)) {
      const handler = (handlers as Record<string, unknown>)[method];
      if (typeof handler !== 'function') throw new Error(`${fullName}/${method} has no handler`);
      if (def.requestStream) throw new Error(`${fullName}/${method}: client streaming is not supported by the kit`);
      const access = (options.access as Record<string, AccessRule> | undefined)?.[method] ?? options.defaultAccess ?? 'public';
      const validate = (options.validate as Record<string, (r: unknown) => void> | undefined)?.[method];
      const chain = this.pipeline(access, validate, extra);
      const type: GrpcType = def.responseStream ? 'server_stream' : 'unary';
      implementation[method] = def.responseStream
        ? this.streamHandler(fullName, method, handler as StreamFn<unknown, unknown>, chain)
        : this.unaryHandler(fullName, method, handler as UnaryFn<unknown, unknown>, chain);
      // Pre-create the label sets so every method shows up at zero before its first call.
      const labels = { grpc_type: type, grpc_service: fullName, grpc_method: method };
      this.deps.metrics.serverStarted.labels(labels).inc(0);
    }
    this.grpc.addService(definition, implementation);
    this.served.push(fullName);
    this.health.setStatus(fullName, 'NOT_SERVING');
  }

  /** A readiness check run every intervalMs; while any fails, health answers NOT_SERVING. */
  addHealthCheck(name: string, check: () => Promise<void>): void {
    this.checks.set(name, check);
  }

  async start(): Promise<number> {
    new ReflectionService(oneEntryPerDescriptorSet(this.deps.packageDefinition), { services: this.served }).addToServer(this.grpc);
    const address = `${this.settings.host}:${this.settings.port}`;
    this.boundPort = await new Promise<number>((resolve, reject) => {
      this.grpc.bindAsync(address, this.settings.credentials ?? grpc.ServerCredentials.createInsecure(), (err, port) => {
        if (err) {
          const inUse = /EADDRINUSE|No address added/.test(err.message);
          reject(new Error(inUse ? `gRPC port ${this.settings.port} on ${this.settings.host} is already in use` : `cannot listen on ${address}: ${err.message}`));
        } else resolve(port);
      });
    });
    await this.runChecks();
    this.checkTimer = setInterval(() => void this.runChecks(), 2_000);
    this.checkTimer.unref();
    return this.boundPort;
  }

  /** Runs the health checks now rather than at the next 2 s tick: a check that just turned healthy shows at once. */
  async recheck(): Promise<void> {
    if (this.boundPort !== undefined) await this.runChecks();
  }

  private async runChecks(): Promise<void> {
    for (const [name, check] of this.checks) {
      try {
        await check();
        if (this.failing.delete(name)) this.deps.log.info({ check: name }, 'health check recovered');
      } catch (err) {
        if (!this.failing.has(name)) this.deps.log.warn({ check: name, err: (err as Error).message }, 'health check failing');
        this.failing.add(name);
      }
    }
    this.setServing(this.failing.size === 0);
  }

  private setServing(serving: boolean): void {
    if (this.shuttingDown) serving = false;
    if (serving === this.serving) return;
    this.serving = serving;
    const value: ServingStatus = serving ? 'SERVING' : 'NOT_SERVING';
    this.health.setStatus('', value);
    for (const s of this.served) this.health.setStatus(s, value);
  }

  /**
   * NOT_SERVING → wait drainDelayMs for endpoints to drop us → tryShutdown (new calls refused,
   * in-flight calls finish) → forceShutdown when graceMs passes first.
   */
  async shutdown(graceMs: number, drainDelayMs: number): Promise<'clean' | 'forced'> {
    this.shuttingDown = true;
    if (this.checkTimer) clearInterval(this.checkTimer);
    this.setServing(false);
    if (drainDelayMs > 0) await sleep(drainDelayMs);
    for (const drain of [...this.openStreams]) drain();
    const clean = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), graceMs);
      this.grpc.tryShutdown(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    if (!clean) this.grpc.forceShutdown();
    return clean ? 'clean' : 'forced';
  }

  /**
   * The per-method pipeline: access, fault injection and validation run as plain synchronous
   * checks (no promise per step: each promise costs on the hot path, more so with tracing on),
   * then any extra interceptors, then the handler.
   */
  private pipeline(access: AccessRule, validate: ((r: unknown) => void) | undefined, extra: ServerInterceptor[]) {
    const faults = this.deps.faults;
    const metrics = this.deps.metrics;
    const afterChecks = (ctx: CallContext, request: unknown, last: () => Promise<unknown>): Promise<unknown> => {
      validate?.(request);
      if (extra.length === 0) return last();
      const step = (i: number): Promise<unknown> => (i < extra.length ? extra[i]!(ctx, request, () => step(i + 1)) : last());
      return step(0);
    };
    return (ctx: CallContext, request: unknown, last: () => Promise<unknown>): Promise<unknown> => {
      try {
        if (access === 'admin') ctx.requireAdmin();
        else if (access === 'user') ctx.requireUser();
        const fault = faults.decide(`${ctx.service}/${ctx.method}`);
        if (!fault) return afterChecks(ctx, request, last);
        const labels = { grpc_service: ctx.service, grpc_method: ctx.method };
        const fail = (): void => {
          if (fault.error === undefined) return;
          metrics.faultInjections.inc({ ...labels, kind: 'error' });
          throw new GrpcError(fault.error, `injected fault on ${ctx.service}/${ctx.method}`);
        };
        if (fault.delayMs <= 0) {
          fail();
          return afterChecks(ctx, request, last);
        }
        metrics.faultInjections.inc({ ...labels, kind: 'delay' });
        // A caller that gave up during the delay gets no side effect: the handler does not run.
        return sleep(fault.delayMs, undefined, { signal: ctx.signal }).then(
          () => {
            fail();
            return afterChecks(ctx, request, last);
          },
          () => {
            const reason: unknown = ctx.signal.reason;
            throw reason instanceof GrpcError ? reason : new GrpcError(grpc.status.CANCELLED, 'call cancelled during an injected delay');
          },
        );
      } catch (err) {
        return Promise.reject(err);
      }
    };
  }

  /** The call's context; release() drops the cancel listener (grpc-js emits 'cancelled' on every close). */
  private context(service: string, method: string, type: GrpcType, call: CallContext['call'], traceContext: Context): CallContext & { release(): void; abort(reason: GrpcError): void } {
    // Authenticate first: a refused call must not leave a listener behind.
    const user = this.authenticate(call.metadata);
    // The signal is made on first use: most handlers never ask for it, and an AbortController with
    // a 'cancelled' listener per call cost more than the rest of the context.
    let controller: AbortController | undefined;
    let released = false;
    const cancelled = (): GrpcError => new GrpcError(grpc.status.CANCELLED, 'call cancelled');
    const onCancel = (): void => controller?.abort(cancelled());
    const signal = (): AbortSignal => {
      if (!controller) {
        controller = new AbortController();
        if (call.cancelled) controller.abort(cancelled());
        else if (!released) call.once('cancelled', onCancel);
      }
      return controller.signal;
    };
    const rawDeadline = call.getDeadline();
    const deadline = rawDeadline instanceof Date ? rawDeadline : Number.isFinite(rawDeadline) ? new Date(rawDeadline) : undefined;
    const log = this.deps.log;
    const ctx: CallContext & { release(): void; abort(reason: GrpcError): void } = {
      release: () => {
        released = true;
        if (controller) call.removeListener('cancelled', onCancel);
      },
      abort: (reason) => {
        signal();
        controller?.abort(reason);
      },
      traceContext,
      service,
      method,
      type,
      metadata: call.metadata,
      deadline,
      get signal() {
        return signal();
      },
      user,
      call,
      log,
      requireUser: () => {
        if (!user) throw unauthenticated('sign in required: send "authorization: Bearer <token>"');
        return user;
      },
      requireAdmin: () => {
        const u = ctx.requireUser();
        if (!u.roles.includes('admin')) throw permissionDenied(`${method} needs the admin role`);
        return u;
      },
      requireOwner: (ownerId: string) => {
        const u = ctx.requireUser();
        if (u.id !== ownerId && !u.roles.includes('admin')) throw permissionDenied('this belongs to another user');
        return u;
      },
    };
    return ctx;
  }

  /** A present but invalid token is refused outright; an absent one leaves the call anonymous. */
  private authenticate(metadata: grpc.Metadata): AuthUser | undefined {
    const header = metadata.get('authorization')[0];
    if (header === undefined) return undefined;
    const match = /^Bearer ([A-Za-z0-9_\-.]+)$/.exec(String(header));
    if (!match?.[1]) throw unauthenticated('authorization must be "Bearer <token>"');
    if (!this.deps.verifier) throw unauthenticated('this service has no token verification key configured (JWT_PUBLIC_KEY)');
    try {
      return this.deps.verifier.verify(match[1]);
    } catch (err) {
      throw unauthenticated(err instanceof TokenError ? err.message : 'invalid token');
    }
  }

  private record(service: string, method: string, type: GrpcType, started: bigint, code: grpc.status): void {
    const labels = { grpc_type: type, grpc_service: service, grpc_method: method };
    const m = this.deps.metrics;
    m.serverHandled.inc({ ...labels, grpc_code: camelCode(code) });
    m.serverHandling.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
  }

  private failure(err: unknown, service: string, method: string): grpc.StatusObject {
    const s = toStatus(err);
    if (s.incident) {
      this.deps.log.error({ err, incident: s.incident, grpc_service: service, grpc_method: method }, 'unhandled error in handler');
      return { code: s.code, details: `internal error (incident ${s.incident})`, metadata: new grpc.Metadata() };
    }
    return { code: s.code, details: s.details, metadata: s.metadata ?? new grpc.Metadata() };
  }

  private unaryHandler(service: string, method: string, handler: UnaryFn<unknown, unknown>, chain: Pipeline): grpc.handleUnaryCall<unknown, unknown> {
    const m = this.deps.metrics;
    const labels = { grpc_type: 'unary' as const, grpc_service: service, grpc_method: method };
    // Bound children: no label hashing on the hot path for the common outcome.
    const started = m.hot(m.serverStarted, labels);
    const received = m.hot(m.serverMsgReceived, labels);
    const sent = m.hot(m.serverMsgSent, labels);
    const handledOk = m.hot(m.serverHandled, { ...labels, grpc_code: 'OK' });
    const handling = m.serverHandling.labels(labels);
    const fail = (callback: grpc.sendUnaryData<unknown>, t0: bigint, rpc: RpcSpan, err: unknown): void => {
      const s = this.failure(err, service, method);
      m.serverHandled.inc({ ...labels, grpc_code: camelCode(s.code) });
      handling.observe(Number(process.hrtime.bigint() - t0) / 1e9);
      endRpcSpan(rpc, s.code, s.details, 'server');
      callback(s);
    };
    return (call, callback) => {
      const t0 = process.hrtime.bigint();
      started.inc();
      received.inc();
      const rpc = startServerSpan(service, method, call.metadata);
      let ctx: CallContext & { release(): void };
      try {
        ctx = this.context(service, method, 'unary', call, rpc.context);
      } catch (err) {
        fail(callback, t0, rpc, err);
        return;
      }
      // The handler runs in the span's context: its logs, database spans and calls join the trace.
      otelContext.with(rpc.context, () => chain(ctx, call.request, () => handler(call.request, ctx))).then(
        (response) => {
          ctx.release();
          handledOk.inc();
          handling.observe(Number(process.hrtime.bigint() - t0) / 1e9);
          sent.inc();
          endRpcSpan(rpc, grpc.status.OK, undefined, 'server');
          callback(null, response);
        },
        (err: unknown) => {
          ctx.release();
          fail(callback, t0, rpc, err);
        },
      );
    };
  }

  private streamHandler(service: string, method: string, handler: StreamFn<unknown, unknown>, chain: Pipeline): grpc.handleServerStreamingCall<unknown, unknown> {
    const m = this.deps.metrics;
    const labels = { grpc_type: 'server_stream' as const, grpc_service: service, grpc_method: method };
    // Counted per message sent: a subscription's catch-up sends thousands.
    const sent = m.hot(m.serverMsgSent, labels);
    return (call) => {
      const t0 = process.hrtime.bigint();
      m.serverStarted.inc(labels);
      m.serverMsgReceived.inc(labels);
      const rpc = startServerSpan(service, method, call.metadata);
      let ctx: CallContext & { release(): void; abort(reason: GrpcError): void };
      try {
        ctx = this.context(service, method, 'server_stream', call, rpc.context);
      } catch (err) {
        const s = this.failure(err, service, method);
        this.record(service, method, 'server_stream', t0, s.code);
        endRpcSpan(rpc, s.code, s.details, 'server');
        call.emit('error', s);
        return;
      }
      const pump = async (): Promise<void> => {
        for await (const message of handler(call.request, ctx)) {
          if (ctx.signal.aborted) break;
          sent.inc();
          if (!call.write(message)) {
            await new Promise<void>((resolve) => {
              const done = (): void => {
                call.off('drain', done);
                ctx.signal.removeEventListener('abort', done);
                resolve();
              };
              call.on('drain', done);
              ctx.signal.addEventListener('abort', done);
            });
          }
        }
      };
      // On drain the stream ends with UNAVAILABLE at once, so its client reconnects (to another
      // replica) instead of holding the shutdown until the grace period runs out.
      let drained = false;
      const drain = (): void => {
        drained = true;
        const reason = new GrpcError(grpc.status.UNAVAILABLE, 'the server is shutting down: reconnect');
        ctx.abort(reason);
        call.emit('error', { code: reason.code, details: reason.message, metadata: new grpc.Metadata() });
      };
      this.openStreams.add(drain);
      otelContext.with(rpc.context, () => chain(ctx, call.request, pump)).then(
        () => {
          ctx.release();
          this.openStreams.delete(drain);
          const code = drained ? grpc.status.UNAVAILABLE : ctx.signal.aborted ? grpc.status.CANCELLED : grpc.status.OK;
          this.record(service, method, 'server_stream', t0, code);
          endRpcSpan(rpc, code, undefined, 'server');
          if (!ctx.signal.aborted) call.end();
        },
        (err: unknown) => {
          ctx.release();
          this.openStreams.delete(drain);
          const s = drained
            ? { code: grpc.status.UNAVAILABLE, details: 'the server is shutting down', metadata: new grpc.Metadata() }
            : ctx.signal.aborted
              ? { code: grpc.status.CANCELLED, details: 'call cancelled', metadata: new grpc.Metadata() }
              : this.failure(err, service, method);
          this.record(service, method, 'server_stream', t0, s.code);
          endRpcSpan(rpc, s.code, s.details, 'server');
          if (!ctx.signal.aborted) call.emit('error', s);
        },
      );
    };
  }
}

/**
 * Reflection decodes the file descriptors of every entry it is given, and proto-loader hands every
 * message and enum the same list of all files: hundreds of decodes of the same bytes, a large part
 * of a service's start-up. One entry per distinct list yields the same index of files and symbols.
 */
export function oneEntryPerDescriptorSet(definition: PackageDefinition): PackageDefinition {
  const seen = new Set<unknown>();
  const out: PackageDefinition = {};
  for (const [name, entry] of Object.entries(definition)) {
    const files = (entry as { fileDescriptorProtos?: unknown }).fileDescriptorProtos;
    if (files === undefined || seen.has(files)) continue;
    seen.add(files);
    out[name] = entry;
  }
  return out;
}

function isServiceDefinition(value: unknown): value is grpc.ServiceDefinition {
  if (typeof value !== 'object' || value === null) return false;
  const first = Object.values(value)[0] as { path?: unknown } | undefined;
  return typeof first?.path === 'string';
}
