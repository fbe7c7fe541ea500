// Kit overhead benchmark: a bare @grpc/grpc-js echo vs the same echo built on the kit (metrics, auth,
// fault-injection lookup, validation, OTel tracing with a real OTLP/HTTP export, KitClient with
// breaker and bulkhead), same machine, same run, closed loop at 1 and 50 calls in flight.
//
// How to run (Node 20+, no ts-node): compile with tsc, then run the CommonJS output:
//   npm run build && npx tsc -p bench/kit && node bench/kit/dist/run.js
// (root script: "bench:kit": "npm run build --silent && tsc -p bench/kit && node bench/kit/dist/run.js")
//
// Processes: this driver (orchestration + the OTLP sink), and per variant one server process and one
// client process (the machine the target was set for has 2 cores: one each). Cells run interleaved:
// each round runs every variant at each concurrency, alternating which variant goes first; the
// reported figure of a cell is the median over rounds.
//
// Env: BENCH_WARMUP_S (default 2), BENCH_SECONDS (measured, default 8), BENCH_ROUNDS (default 3),
//      BENCH_CONCURRENCY (default "1,50"), BENCH_VARIANTS (default "bare,kit"; also "kit-notrace"
//      = the kit without the OTel preload, "kit-alt" = the kit compiled at BENCH_ALT_KIT, a
//      directory holding an alternative index.js + otel.js, for A/B tests of kit changes, and
//      "bare-headers" = the bare pair with the two headers a kit call carries, the caller's bearer
//      token and a fresh W3C traceparent per call: the wire's share of the kit's cost),
//      BENCH_PROFILE=1 (node --cpu-prof for every server and client process, into bench/kit/dist/profiles),
//      BENCH_SAMPLER_ARG (trace sampling ratio, default 0.1; set only for experiments).
// Writes bench/results/kit.json and bench/results/kit.md when run with the default variants.
import { fork, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as grpcTypes from '@grpc/grpc-js';
import { topologyOf, type ServiceSpec, type Topology } from '@mercato/topology';
import type * as KitModule from '@mercato/kit';

// Compiled to bench/kit/dist/run.js: the repo root is three levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..');
const ECHO = 'mercato.test.echo.v1.EchoService';
const PROTO_DIR = path.join(ROOT, 'packages', 'kit', 'test', 'fixtures');
const KIT_DIST = path.join(ROOT, 'packages', 'kit', 'dist');
const OUT_DIR = path.join(ROOT, 'bench', 'results');

const WARMUP_S = boundedNumber('BENCH_WARMUP_S', 2, 0, 60);
const MEASURE_S = boundedNumber('BENCH_SECONDS', 8, 1, 120);
const ROUNDS = Math.round(boundedNumber('BENCH_ROUNDS', 3, 1, 15));
const CONCURRENCY = (process.env.BENCH_CONCURRENCY ?? '1,50').split(',').map((s) => Math.round(Number(s))).filter((n) => n >= 1 && n <= 1000);
const VARIANTS = (process.env.BENCH_VARIANTS ?? 'bare,kit').split(',').map((s) => s.trim()) as Variant[];
const PROFILE = process.env.BENCH_PROFILE === '1';
/** Hard cap on calls recorded per cell, so memory stays bounded whatever the machine. */
const MAX_CALLS_PER_CELL = 4_000_000;
const CALL_DEADLINE_MS = 2_000;
const MESSAGE = 'hello from the kit benchmark';

type Variant = 'bare' | 'bare-headers' | 'kit' | 'kit-notrace' | 'kit-alt';
const ALL_VARIANTS: readonly Variant[] = ['bare', 'bare-headers', 'kit', 'kit-notrace', 'kit-alt'];
type Role = 'server' | 'client';

function boundedNumber(name: string, dflt: number, min: number, max: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? dflt : Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}`);
  return n;
}

function isKit(v: Variant): boolean {
  return v.startsWith('kit');
}

function kitDir(v: Variant): string {
  if (v === 'kit-alt') {
    const alt = process.env.BENCH_ALT_KIT;
    if (!alt) throw new Error('variant kit-alt needs BENCH_ALT_KIT (a directory with a compiled kit index.js and otel.js)');
    return path.resolve(alt);
  }
  return KIT_DIST;
}

function loadKit(v: Variant): typeof KitModule {
  return require(path.join(kitDir(v), 'index.js')) as typeof KitModule;
}

// ---------------------------------------------------------------------------------------------
// Messages between the driver and its children (over the fork IPC channel).

type ToChild =
  | { type: 'cpu'; id: number }
  | { type: 'run'; concurrency: number; warmupMs: number; measureMs: number }
  | { type: 'stop' };
type FromChild =
  | { type: 'ready'; port?: number }
  | { type: 'cpu'; id: number; usage: NodeJS.CpuUsage }
  | { type: 'measure-start' }
  | { type: 'result'; result: ClientResult }
  | { type: 'fatal'; message: string };

interface ClientResult {
  calls: number;
  errors: number;
  firstError?: string;
  seconds: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  clientCpuUs: number;
}

function send(msg: FromChild): void {
  process.send?.(msg);
}

// ---------------------------------------------------------------------------------------------
// Child: the servers.

function echoTopology(): Topology {
  const spec = {
    name: 'echo', description: 'echo for the kit benchmark', tier: 'ops', dir: PROTO_DIR,
    ports: { grpc: 0, metrics: 0 }, serves: [ECHO], stateful: false, calls: [], consumes: [], settings: [],
    resources: { requests: { cpu: '10m', memory: '32Mi' }, limits: { memory: '64Mi' } },
    scaling: { minReplicas: 1, maxReplicas: 1, targetCPUUtilizationPercentage: 80 },
  } as unknown as ServiceSpec;
  return topologyOf(ROOT, [spec]);
}

interface EchoRequest { message?: string; delayMs?: number; failCode?: number }
interface EchoResponse { message: string; deadlineLeftMs: string; userId: string }

function deadlineLeft(deadline: Date | number | undefined): string {
  if (deadline === undefined) return '-1';
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  return Number.isFinite(at) ? String(at - Date.now()) : '-1';
}

async function bareServer(): Promise<number> {
  const grpc = require('@grpc/grpc-js') as typeof grpcTypes;
  const { loadProtoFiles } = require('@mercato/protos') as typeof import('@mercato/protos');
  const protos = loadProtoFiles(['echo.proto'], [PROTO_DIR]);
  const server = new grpc.Server();
  const unimplemented = (_call: unknown, cb: grpcTypes.sendUnaryData<unknown>) => cb({ code: grpc.status.UNIMPLEMENTED, details: 'not in the benchmark' });
  server.addService(protos[ECHO] as grpcTypes.ServiceDefinition, {
    Echo: (call: grpcTypes.ServerUnaryCall<EchoRequest, EchoResponse>, cb: grpcTypes.sendUnaryData<EchoResponse>) => {
      cb(null, { message: call.request.message ?? '', deadlineLeftMs: deadlineLeft(call.getDeadline()), userId: '' });
    },
    Write: unimplemented,
    Relay: unimplemented,
    Count: (call: grpcTypes.ServerWritableStream<unknown, unknown>) => call.end(),
  });
  return new Promise((resolve, reject) => {
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => (err ? reject(err) : resolve(port)));
  });
}

async function kitServer(variant: Variant): Promise<number> {
  const kit = loadKit(variant);
  const grpc = require('@grpc/grpc-js') as typeof grpcTypes;
  const { loadProtoFiles } = require('@mercato/protos') as typeof import('@mercato/protos');
  const protos = loadProtoFiles(['echo.proto'], [PROTO_DIR]);
  const publicKey = process.env.BENCH_JWT_PUBLIC_KEY;
  if (!publicKey) throw new Error('BENCH_JWT_PUBLIC_KEY not set');
  const env: NodeJS.ProcessEnv = {
    GRPC_HOST: '127.0.0.1', METRICS_HOST: '127.0.0.1', GRPC_PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'warn',
    JWT_PUBLIC_KEY: publicKey,
    // A rule for another method, so every call runs the rule lookup without being faulted.
    FAULTS: JSON.stringify({ rules: [{ method: `${ECHO}/Write`, errorRate: 0.5, errorCode: 'UNAVAILABLE' }] }),
  };
  const fail = async (): Promise<never> => {
    throw new kit.GrpcError(grpc.status.UNIMPLEMENTED, 'not in the benchmark');
  };
  const running = await kit.startService('echo', (k) => {
    k.serve(ECHO, {
      Echo: async (req: EchoRequest, ctx: KitModule.CallContext): Promise<EchoResponse> => {
        const left = ctx.deadline ? ctx.deadline.getTime() - Date.now() : -1;
        return { message: req.message ?? '', deadlineLeftMs: String(left), userId: ctx.user?.id ?? '' };
      },
      Write: fail,
      Relay: fail,
      Count: async function* () {
        /* nothing */
      },
    } as never, {
      access: { Echo: 'user' },
      validate: {
        Echo: (req: EchoRequest) => {
          kit.check.text(req.message, 'message', { max: 1024 });
        },
      },
    } as never);
  }, { env, topology: echoTopology(), protos });
  return running.grpcPort;
}

// ---------------------------------------------------------------------------------------------
// Child: the clients.

type CallFn = () => Promise<unknown>;

function bareClient(port: number, withHeaders: boolean): CallFn {
  const grpc = require('@grpc/grpc-js') as typeof grpcTypes;
  const { loadProtoFiles } = require('@mercato/protos') as typeof import('@mercato/protos');
  const protos = loadProtoFiles(['echo.proto'], [PROTO_DIR]);
  const Ctor = grpc.makeGenericClientConstructor(protos[ECHO] as grpcTypes.ServiceDefinition, ECHO);
  const client = new Ctor(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as unknown as grpcTypes.Client & {
    Echo(req: EchoRequest, metadata: grpcTypes.Metadata, options: grpcTypes.CallOptions, cb: grpcTypes.requestCallback<EchoResponse>): grpcTypes.ClientUnaryCall;
  };
  const request: EchoRequest = { message: MESSAGE };
  // grpc-js makes an empty Metadata for a call given none: the bare variant passes that itself.
  const authorization = `Bearer ${process.env.BENCH_TOKEN}`;
  const traceId = randomBytes(16).toString('hex');
  let spanId = 0n;
  const metadata = (): grpcTypes.Metadata => {
    const md = new grpc.Metadata();
    if (withHeaders) {
      md.set('authorization', authorization);
      spanId++;
      md.set('traceparent', `00-${traceId}-${spanId.toString(16).padStart(16, '0')}-00`);
    }
    return md;
  };
  return () =>
    new Promise((resolve, reject) => {
      client.Echo(request, metadata(), { deadline: Date.now() + CALL_DEADLINE_MS }, (err, res) => (err ? reject(err) : resolve(res)));
    });
}

function kitClient(variant: Variant, port: number): CallFn {
  const kit = loadKit(variant);
  const grpc = require('@grpc/grpc-js') as typeof grpcTypes;
  const { loadProtoFiles } = require('@mercato/protos') as typeof import('@mercato/protos');
  const protos = loadProtoFiles(['echo.proto'], [PROTO_DIR]);
  const token = process.env.BENCH_TOKEN;
  if (!token) throw new Error('BENCH_TOKEN not set');
  const client = new kit.KitClient<Record<string, never>>({
    target: 'echo',
    grpcService: ECHO,
    address: `127.0.0.1:${port}`,
    definition: protos[ECHO] as grpcTypes.ServiceDefinition,
    methods: {
      Echo: { deadlineMs: CALL_DEADLINE_MS, idempotent: true },
      Write: { deadlineMs: CALL_DEADLINE_MS, idempotent: false },
      Relay: { deadlineMs: CALL_DEADLINE_MS, idempotent: false },
      Count: { deadlineMs: 0, idempotent: true },
    },
    breaker: { volumeThreshold: 10, errorThresholdPercentage: 50, resetTimeoutMs: 5_000, rollingWindowMs: 10_000, capacity: 200 },
    retry: { enabled: true, maxAttempts: 3, baseDelayMs: 25 },
    loadBalancing: 'pick_first',
    maxMessageBytes: 4 * 1024 * 1024,
    keepaliveTimeMs: 30_000,
    // As in a service: one registry per process, with the runtime metrics on.
    metrics: new kit.KitMetrics('bench-caller'),
  });
  const metadata = new grpc.Metadata();
  metadata.set('authorization', `Bearer ${token}`);
  const request: EchoRequest = { message: MESSAGE };
  return () => client.call('Echo' as never, request as never, { metadata });
}

async function runLoad(call: CallFn, concurrency: number, warmupMs: number, measureMs: number): Promise<ClientResult> {
  const t0 = performance.now();
  const measureStart = t0 + warmupMs;
  const measureEnd = measureStart + measureMs;
  const latencies = new Float64Array(MAX_CALLS_PER_CELL);
  let recorded = 0;
  let errors = 0;
  let firstError: string | undefined;
  let cpuStart: NodeJS.CpuUsage | undefined;
  let cpuEnd: NodeJS.CpuUsage | undefined;
  const worker = async (): Promise<void> => {
    // Bounded by time and by count.
    for (let i = 0; i < 2 * MAX_CALLS_PER_CELL; i++) {
      const start = performance.now();
      if (start >= measureEnd || recorded >= MAX_CALLS_PER_CELL) return;
      if (cpuStart === undefined && start >= measureStart) {
        cpuStart = process.cpuUsage();
        send({ type: 'measure-start' });
      }
      try {
        await call();
      } catch (err) {
        errors++;
        firstError ??= (err as Error).message;
      }
      const end = performance.now();
      if (start >= measureStart && end <= measureEnd) latencies[recorded++] = end - start;
      if (end >= measureEnd && cpuEnd === undefined) cpuEnd = process.cpuUsage();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  cpuEnd ??= process.cpuUsage();
  const startUsage = cpuStart ?? cpuEnd;
  const clientCpuUs = cpuEnd.user + cpuEnd.system - startUsage.user - startUsage.system;
  const sorted = latencies.subarray(0, recorded).sort();
  const q = (p: number): number => (recorded === 0 ? NaN : sorted[Math.min(recorded - 1, Math.floor(p * recorded))]!);
  let sum = 0;
  for (let i = 0; i < recorded; i++) sum += sorted[i]!;
  return { calls: recorded, errors, ...(firstError ? { firstError } : {}), seconds: measureMs / 1000, p50Ms: q(0.5), p90Ms: q(0.9), p99Ms: q(0.99), meanMs: recorded ? sum / recorded : NaN, clientCpuUs };
}

async function child(role: Role, variant: Variant): Promise<void> {
  process.on('message', (msg: ToChild) => {
    if (msg.type === 'cpu') send({ type: 'cpu', id: msg.id, usage: process.cpuUsage() });
    if (msg.type === 'stop') setTimeout(() => process.exit(0), 50);
  });
  process.on('disconnect', () => process.exit(0));
  if (role === 'server') {
    const port = isKit(variant) ? await kitServer(variant) : await bareServer();
    send({ type: 'ready', port });
    return;
  }
  const port = Number(process.env.BENCH_PORT);
  const call = isKit(variant) ? kitClient(variant, port) : bareClient(port, variant === 'bare-headers');
  // One call to connect and check the wiring before the driver starts timing.
  await call();
  let busy = false;
  process.on('message', (msg: ToChild) => {
    if (msg.type !== 'run' || busy) return;
    busy = true;
    runLoad(call, msg.concurrency, msg.warmupMs, msg.measureMs).then(
      (result) => {
        busy = false;
        send({ type: 'result', result });
      },
      (err: Error) => send({ type: 'fatal', message: err.message }),
    );
  });
  send({ type: 'ready' });
}

// ---------------------------------------------------------------------------------------------
// Driver.

interface Sink {
  port: number;
  requests: number;
  bytes: number;
  close(): Promise<void>;
}

async function startSink(): Promise<Sink> {
  const sink: Sink = { port: 0, requests: 0, bytes: 0, close: async () => undefined };
  const server = http.createServer((req, res) => {
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') {
        sink.requests++;
        sink.bytes += bytes;
        res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  sink.port = (server.address() as AddressInfo).port;
  sink.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return sink;
}

class Child {
  private readonly waiters: Array<{ match: (m: FromChild) => boolean; resolve: (m: FromChild) => void; reject: (e: Error) => void }> = [];
  private nextId = 1;
  private exited: Error | undefined;

  constructor(readonly name: string, readonly proc: ChildProcess) {
    proc.on('message', (m: FromChild) => {
      if (m.type === 'fatal') {
        this.failAll(new Error(`${name}: ${m.message}`));
        return;
      }
      const i = this.waiters.findIndex((w) => w.match(m));
      if (i >= 0) this.waiters.splice(i, 1)[0]!.resolve(m);
    });
    proc.on('exit', (code, signal) => {
      this.exited = new Error(`${name} exited (${code ?? signal})`);
      this.failAll(this.exited);
    });
  }

  private failAll(err: Error): void {
    for (const w of this.waiters.splice(0)) w.reject(err);
  }

  wait<T extends FromChild['type']>(type: T, timeoutMs: number, match: (m: Extract<FromChild, { type: T }>) => boolean = () => true): Promise<Extract<FromChild, { type: T }>> {
    if (this.exited) return Promise.reject(this.exited);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`${this.name}: no "${type}" within ${timeoutMs} ms`));
      }, timeoutMs);
      const w = {
        match: (m: FromChild) => m.type === type && match(m as Extract<FromChild, { type: T }>),
        resolve: (m: FromChild) => {
          clearTimeout(timer);
          resolve(m as Extract<FromChild, { type: T }>);
        },
        reject: (e: Error) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.waiters.push(w);
    });
  }

  send(msg: ToChild): void {
    this.proc.send(msg);
  }

  async cpu(): Promise<NodeJS.CpuUsage> {
    const id = this.nextId++;
    const reply = this.wait('cpu', 5_000, (m) => m.id === id);
    this.send({ type: 'cpu', id });
    return (await reply).usage;
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.proc.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 5_000);
    await gone;
    clearTimeout(timer);
  }
}

interface Pair {
  variant: Variant;
  server: Child;
  client: Child;
}

function spawnChild(role: Role, variant: Variant, env: NodeJS.ProcessEnv): Child {
  const execArgv: string[] = [];
  if (variant === 'kit' || variant === 'kit-alt') execArgv.push('--require', path.join(kitDir(variant), 'otel.js'));
  if (PROFILE) {
    const dir = path.join(__dirname, 'profiles');
    mkdirSync(dir, { recursive: true });
    execArgv.push('--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${variant}-${role}-${process.pid}.cpuprofile`);
  }
  const proc = fork(__filename, ['--child', role, variant], { execArgv, env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Child(`${variant} ${role}`, proc);
}

async function startPair(variant: Variant, sink: Sink, keys: { publicKey: string; token: string }): Promise<Pair> {
  const otel: NodeJS.ProcessEnv = {
    OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
    OTEL_TRACES_SAMPLER_ARG: process.env.BENCH_SAMPLER_ARG ?? '0.1',
    OTEL_TRACES_EXPORTER: 'otlp',
    OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${sink.port}/v1/traces`,
    OTEL_RESOURCE_DETECTORS: 'none',
  };
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'production', BENCH_JWT_PUBLIC_KEY: keys.publicKey, BENCH_TOKEN: keys.token };
  if (process.env.BENCH_ALT_KIT) base.BENCH_ALT_KIT = process.env.BENCH_ALT_KIT;
  const traced = variant === 'kit' || variant === 'kit-alt';
  const server = spawnChild('server', variant, { ...base, ...(traced ? { ...otel, OTEL_SERVICE_NAME: 'echo' } : {}) });
  const { port } = await server.wait('ready', 30_000);
  const client = spawnChild('client', variant, { ...base, BENCH_PORT: String(port), ...(traced ? { ...otel, OTEL_SERVICE_NAME: 'bench-caller' } : {}) });
  await client.wait('ready', 30_000);
  return { variant, server, client };
}

interface Cell {
  variant: Variant;
  concurrency: number;
  round: number;
  rps: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  cpuUsPerCall: number;
  serverCpuUsPerCall: number;
  clientCpuUsPerCall: number;
  errors: number;
}

async function runCell(pair: Pair, concurrency: number, round: number): Promise<Cell> {
  const warmupMs = WARMUP_S * 1000;
  const measureMs = MEASURE_S * 1000;
  const budget = warmupMs + measureMs + 30_000;
  const started = pair.client.wait('measure-start', budget);
  const done = pair.client.wait('result', budget);
  pair.client.send({ type: 'run', concurrency, warmupMs, measureMs });
  await started;
  const s0 = await pair.server.cpu();
  const { result } = await done;
  const s1 = await pair.server.cpu();
  const serverCpuUs = s1.user + s1.system - s0.user - s0.system;
  if (result.errors > 0) console.warn(`  ${pair.variant} c=${concurrency}: ${result.errors} errors (first: ${result.firstError})`);
  const calls = Math.max(1, result.calls);
  return {
    variant: pair.variant,
    concurrency,
    round,
    rps: result.calls / result.seconds,
    p50Ms: result.p50Ms,
    p90Ms: result.p90Ms,
    p99Ms: result.p99Ms,
    meanMs: result.meanMs,
    cpuUsPerCall: (serverCpuUs + result.clientCpuUs) / calls,
    serverCpuUsPerCall: serverCpuUs / calls,
    clientCpuUsPerCall: result.clientCpuUs / calls,
    errors: result.errors,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const r1 = (n: number): number => Math.round(n * 10) / 10;
const r3 = (n: number): number => Math.round(n * 1000) / 1000;

function summarize(cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (const concurrency of CONCURRENCY) {
    for (const variant of VARIANTS) {
      const mine = cells.filter((c) => c.variant === variant && c.concurrency === concurrency);
      if (mine.length === 0) continue;
      const m = (k: keyof Cell) => median(mine.map((c) => c[k] as number));
      out.push({
        variant, concurrency, round: 0,
        rps: r1(m('rps')), p50Ms: r3(m('p50Ms')), p90Ms: r3(m('p90Ms')), p99Ms: r3(m('p99Ms')), meanMs: r3(m('meanMs')),
        cpuUsPerCall: r1(m('cpuUsPerCall')), serverCpuUsPerCall: r1(m('serverCpuUsPerCall')), clientCpuUsPerCall: r1(m('clientCpuUsPerCall')),
        errors: mine.reduce((a, c) => a + c.errors, 0),
      });
    }
  }
  return out;
}

function table(rows: Cell[]): string {
  const lines = [
    '| variant | in flight | rps | p50 ms | p99 ms | CPU µs/call (server + client) | server µs | client µs | errors |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of rows) lines.push(`| ${c.variant} | ${c.concurrency} | ${c.rps} | ${c.p50Ms} | ${c.p99Ms} | ${c.cpuUsPerCall} | ${c.serverCpuUsPerCall} | ${c.clientCpuUsPerCall} | ${c.errors} |`);
  return lines.join('\n');
}

async function driver(): Promise<void> {
  for (const v of VARIANTS) if (!ALL_VARIANTS.includes(v)) throw new Error(`unknown variant ${v} (known: ${ALL_VARIANTS.join(', ')})`);
  if (CONCURRENCY.length === 0) throw new Error('BENCH_CONCURRENCY has no valid value');
  const kit = loadKit('kit');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const token = new kit.TokenIssuer(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString()).issue('bench-user', { ttlSeconds: 24 * 3600 });
  const keys = { publicKey: publicKey.export({ format: 'pem', type: 'spki' }).toString(), token };
  const sink = await startSink();
  const pairs: Pair[] = [];
  const began = performance.now();
  console.log(`kit benchmark: ${VARIANTS.join(' vs ')}, in flight ${CONCURRENCY.join('/')}, ${ROUNDS} rounds × (${WARMUP_S}s warm-up + ${MEASURE_S}s measured), ${cpus().length} CPUs, Node ${process.version}`);
  try {
    for (const v of VARIANTS) pairs.push(await startPair(v, sink, keys));
    const cells: Cell[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const concurrency of CONCURRENCY) {
        // Alternate which variant goes first, so drift in the machine does not favour one.
        const order = round % 2 === 1 ? pairs : [...pairs].reverse();
        for (const pair of order) {
          const cell = await runCell(pair, concurrency, round);
          cells.push(cell);
          console.log(`  round ${round} ${pair.variant.padEnd(11)} c=${String(concurrency).padStart(3)}: ${r1(cell.rps)} rps, p50 ${r3(cell.p50Ms)} ms, p99 ${r3(cell.p99Ms)} ms, ${r1(cell.cpuUsPerCall)} µs CPU/call`);
        }
      }
    }
    const rows = summarize(cells);
    const ratio = (c: number, v: Variant = 'kit'): number | null => {
      const a = rows.find((r) => r.variant === v && r.concurrency === c);
      const b = rows.find((r) => r.variant === 'bare' && r.concurrency === c);
      return a && b ? r3(a.rps / b.rps) : null;
    };
    console.log(`\n${table(rows)}\n`);
    for (const v of VARIANTS.filter((x) => x !== 'bare')) console.log(`${v}/bare rps: c=1 ${ratio(1, v)}, c=50 ${ratio(50, v)}`);
    console.log(`OTLP sink: ${sink.requests} POST /v1/traces, ${sink.bytes} bytes`);
    const date = new Date().toISOString();
    const report = {
      ratio_rps_c50: ratio(50),
      ratio_rps_c1: ratio(1),
      target: { ratio_rps_c50: 0.85 },
      cells: rows,
      rounds: cells,
      otlp_sink: { requests: sink.requests, bytes: sink.bytes },
      settings: { warmup_s: WARMUP_S, measured_s: MEASURE_S, rounds: ROUNDS, concurrency: CONCURRENCY, variants: VARIANTS, sampler: 'parentbased_traceidratio 0.1', exporter: 'otlp http/protobuf to a local sink' },
      machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? 'unknown', node: process.version },
      date,
      wall_s: r1((performance.now() - began) / 1000),
    };
    const defaultRun = VARIANTS.join(',') === 'bare,kit' && !PROFILE && process.env.BENCH_SAMPLER_ARG === undefined;
    // Node 20 (the oldest supported) writes kit.json; other majors (Node 24 is the image runtime) kit-node<N>.json.
    const major = process.versions.node.split('.')[0];
    const base = major === '20' ? 'kit' : `kit-node${major}`;
    const jsonPath = defaultRun ? path.join(OUT_DIR, `${base}.json`) : path.join(__dirname, 'last.json');
    mkdirSync(path.dirname(jsonPath), { recursive: true });
    writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');
    if (defaultRun) {
      const md = [
        '# Kit overhead benchmark',
        '',
        `${date} · Node ${process.version} · ${cpus().length} CPUs · ${ROUNDS} rounds × (${WARMUP_S}s warm-up + ${MEASURE_S}s measured) per cell, interleaved; medians over rounds`,
        '',
        'Echo over loopback, closed loop. **bare**: plain `grpc.Server` + plain grpc-js client (deadline set). **kit**: `startService` with metrics, auth (`user` method, Ed25519 bearer token), fault-rule lookup (a rule on another method), validation; `KitClient` with breaker and bulkhead; both processes preloaded with `@mercato/kit/otel` (parentbased_traceidratio 0.1, OTLP http/protobuf to a local sink); gRPC spans come from the kit (its own server and client spans). Server and client each run in their own process.',
        '',
        table(rows),
        '',
        `kit/bare throughput: c=50 **${ratio(50)}** (target ≥ 0.85), c=1 ${ratio(1)}. OTLP sink received ${sink.requests} exports, ${sink.bytes} bytes.`,
        '',
        'Run: `npm run bench:kit` (env: BENCH_WARMUP_S, BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONCURRENCY, BENCH_VARIANTS, BENCH_PROFILE).',
        '',
      ].join('\n');
      writeFileSync(path.join(OUT_DIR, `${base}.md`), md);
    }
    console.log(`wrote ${path.relative(ROOT, jsonPath)}${defaultRun ? ` and bench/results/${base}.md` : ''}`);
  } finally {
    for (const p of pairs) {
      await p.client.stop();
      await p.server.stop();
    }
    await sink.close();
  }
}

if (process.argv[2] === '--child') {
  child(process.argv[3] as Role, process.argv[4] as Variant).catch((err: Error) => {
    send({ type: 'fatal', message: err.stack ?? err.message });
    setTimeout(() => process.exit(1), 100);
  });
} else {
  driver().catch((err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  });
}
