// An echo service built on the kit, for the kit's tests and benchmark.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as grpc from '@grpc/grpc-js';
import { loadProtoFiles } from '@mercato/protos';
import { topologyOf, type ServiceSpec, type Topology, type MethodRef } from '@mercato/topology';
import { GrpcError, startService, type RunningService, type StartOptions } from '@mercato/kit';
import type { ConfigSpec } from '@mercato/kit';

export const ECHO = 'mercato.test.echo.v1.EchoService';
export const echoProtos = loadProtoFiles(['echo.proto'], [path.join(__dirname, 'fixtures')]);

export interface EchoRequest { message?: string; delayMs?: number; failCode?: number }
export interface EchoResponse { message: string; deadlineLeftMs: string; userId: string }

function method(name: string, idempotency: MethodRef['idempotency'], deadlineMs = 1_000, serverStreaming = false): MethodRef {
  return { name, deadlineMs, idempotency, fullPath: `/${ECHO}/${name}`, serverStreaming, clientStreaming: false };
}

function spec(name: string, calls: ServiceSpec['calls']): ServiceSpec {
  return {
    name, description: `${name} for tests`, tier: 'ops', dir: __dirname,
    ports: { grpc: 0, metrics: 0 }, serves: [ECHO], stateful: false, calls, consumes: [], settings: [],
    resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
    scaling: { minReplicas: 1, maxReplicas: 1, targetCPUUtilizationPercentage: 80 },
  } as ServiceSpec;
}

/** Two services: "echo", and "relay" which calls echo's methods. */
export const testTopology: Topology = (() => {
  const services = [
    spec('echo', []),
    spec('relay', [{ service: 'echo', protocol: 'grpc', grpcService: ECHO, deadlineMs: 1_000, methods: [method('Echo', 'NO_SIDE_EFFECTS', 5_000), method('Write', 'UNKNOWN'), method('Relay', 'UNKNOWN'), method('Count', 'NO_SIDE_EFFECTS', 0, true)] }]),
  ];
  return topologyOf(__dirname, services);
})();

export function echoHandlers(onCall?: (req: EchoRequest) => void) {
  return {
    Echo: async (req: EchoRequest, ctx: import('@mercato/kit').CallContext): Promise<EchoResponse> => {
      onCall?.(req);
      if (req.delayMs) await sleep(req.delayMs, undefined, { signal: ctx.signal }).catch(() => undefined);
      if (req.failCode) throw new GrpcError(req.failCode, `asked to fail with ${req.failCode}${req.message ? `: ${req.message}` : ''}`);
      const left = ctx.deadline ? ctx.deadline.getTime() - Date.now() : -1;
      return { message: req.message ?? '', deadlineLeftMs: String(left), userId: ctx.user?.id ?? '' };
    },
    Write: async (req: EchoRequest): Promise<EchoResponse> => {
      onCall?.(req);
      if (req.failCode) throw new GrpcError(req.failCode, `asked to fail with ${req.failCode}`);
      return { message: req.message ?? '', deadlineLeftMs: '-1', userId: '' };
    },
    Relay: async (): Promise<EchoResponse> => {
      throw new GrpcError(grpc.status.UNIMPLEMENTED, 'relay is only served by the relay service');
    },
    /** count 0: one message, then open until the call ends (a subscription-like stream). */
    Count: async function* (req: { count?: number }, ctx: import('@mercato/kit').CallContext) {
      if (!req.count) {
        yield { n: 0 };
        await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve, { once: true }));
        return;
      }
      for (let n = 1; n <= req.count; n++) yield { n };
    },
  };
}

/** Env that binds to loopback on free ports and keeps logs quiet. */
export function testEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { GRPC_HOST: '127.0.0.1', METRICS_HOST: '127.0.0.1', GRPC_PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'silent', ...extra };
}

export async function startEcho(env: NodeJS.ProcessEnv = testEnv(), options: Partial<StartOptions<ConfigSpec>> & { onCall?: (req: EchoRequest) => void; access?: Record<string, 'public' | 'user' | 'admin'> } = {}): Promise<RunningService<unknown>> {
  return startService('echo', (kit) => {
    kit.serve(ECHO, echoHandlers(options.onCall) as never, options.access ? { access: options.access } : {});
  }, { env, topology: testTopology, protos: echoProtos, ...(options.logDestination ? { logDestination: options.logDestination } : {}) });
}

/** A relay service whose Relay handler calls echo.Echo with the incoming call as parent. */
export async function startRelay(echoPort: number, env: Record<string, string> = {}): Promise<RunningService<unknown>> {
  return startService('relay', (kit) => {
    const echo = kit.client<Record<string, never>>('echo');
    kit.serve(ECHO, {
      ...echoHandlers(),
      Relay: (req: EchoRequest, ctx: import('@mercato/kit').CallContext) => echo.call('Echo' as never, req as never, { parent: ctx }),
    } as never);
  }, { env: testEnv({ ECHO_ADDR: `127.0.0.1:${echoPort}`, ...env }), topology: testTopology, protos: echoProtos });
}

import { KitClient, KitMetrics, type BreakerSettings, type RetrySettings } from '@mercato/kit';

export interface EchoDefinition {
  Echo: import('@grpc/proto-loader').MethodDefinition<EchoRequest, EchoResponse, EchoRequest, EchoResponse>;
  Write: import('@grpc/proto-loader').MethodDefinition<EchoRequest, EchoResponse, EchoRequest, EchoResponse>;
  Relay: import('@grpc/proto-loader').MethodDefinition<EchoRequest, EchoResponse, EchoRequest, EchoResponse>;
  Count: import('@grpc/proto-loader').MethodDefinition<{ count?: number }, { n: number }, { count?: number }, { n: number }>;
}

/** A kit client for the echo service, as a caller process would hold it. */
export function echoClient(port: number, options: { breaker?: Partial<BreakerSettings>; retry?: Partial<RetrySettings>; metrics?: KitMetrics; deadlineMs?: number } = {}): KitClient<EchoDefinition> {
  return new KitClient<EchoDefinition>({
    target: 'echo',
    grpcService: ECHO,
    address: `127.0.0.1:${port}`,
    definition: echoProtos[ECHO] as grpc.ServiceDefinition,
    methods: {
      Echo: { deadlineMs: options.deadlineMs ?? 2_000, idempotent: true },
      Write: { deadlineMs: options.deadlineMs ?? 2_000, idempotent: false },
      Relay: { deadlineMs: options.deadlineMs ?? 2_000, idempotent: false },
      Count: { deadlineMs: 0, idempotent: true },
    },
    breaker: { volumeThreshold: 5, errorThresholdPercentage: 50, resetTimeoutMs: 60_000, rollingWindowMs: 10_000, capacity: 100, ...options.breaker },
    retry: { enabled: false, maxAttempts: 3, baseDelayMs: 5, ...options.retry },
    loadBalancing: 'pick_first',
    maxMessageBytes: 4 * 1024 * 1024,
    keepaliveTimeMs: 30_000,
    metrics: options.metrics ?? new KitMetrics('test-caller', { runtimeMetrics: false }),
  });
}

export async function scrape(port: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  return res.text();
}
