// The local stack runner: every implemented service as its own process on the embedded default,
// wired from the topology, checked over grpc.health.v1, drained on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { loadTopology, TOPOLOGY_FILE_VARIABLE, writeTopologyFile, type ServiceSpec, type Topology } from '@mercato/topology';
import { addressVariable, checkHealth, generateSigningKeys } from '@mercato/kit';
import { ensureDatabase, ensurePgliteTemplate } from '@mercato/db';

export interface StackOptions {
  /** Start only these services (they must be implemented). */
  only?: string[];
  /** A PostgreSQL server URL; each stateful service gets its own database on it. */
  postgres?: string;
  /** Keep PGlite data on disk under this folder (default: in memory). */
  dataDir?: string;
  /** Pick free ports instead of the topology's (tests, side-by-side stacks). */
  randomPorts?: boolean;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  /** Extra environment for one service (applied over `env`). */
  serviceEnv?: Record<string, Record<string, string>>;
  /** With `postgres`: databases are named <prefix>_<service> (default "mercato"); tests use a unique prefix. */
  databasePrefix?: string;
  /** The token signing keys (default: a fresh pair); tests and benchmarks pass theirs to mint user tokens. */
  signingKeys?: { publicKey: string; privateKey: string };
  startTimeoutMs?: number;
  /** Embedded databases: compile PGlite's WebAssembly with V8's optimizing compiler too (see EMBEDDED_DATABASE_NODE_FLAGS). */
  optimizeWasm?: boolean;
  /**
   * Cancels start-up (e.g. Ctrl-C while services are still starting): every process already
   * spawned is stopped and startStack rejects with a StackError. No effect once it has resolved.
   */
  signal?: AbortSignal;
  /** Where service log lines go, already prefixed with the service name. */
  output?: (line: string) => void;
  topology?: Topology;
}

export interface RunningProcess {
  name: string;
  pid: number;
  grpcPort?: number;
  httpPort?: number;
  metricsPort: number;
}

export interface Stack {
  /** The running processes (pids change when a service is restarted). */
  readonly processes: RunningProcess[];
  /** Resolves when a service dies after start-up (the stack keeps running without it). */
  onExit(fn: (name: string, code: number | null, signal: string | null) => void): void;
  /** Sends a signal to one service (e.g. SIGKILL for a crash test) and resolves when it has exited. */
  kill(name: string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a stopped or killed service again, with the same ports and environment, and waits until it is SERVING. */
  restart(name: string): Promise<void>;
  stop(): Promise<void>;
}

export class StackError extends Error {}

/**
 * How long start-up may take before it counts as failed: generous, because fifteen processes (six
 * opening PGlite) share whatever cores the machine has; the start-up time itself is printed.
 */
export const DEFAULT_START_TIMEOUT_MS = 120_000;

/**
 * V8 flags of every service process, here and in the image (the Dockerfile's NODE_OPTIONS; a test
 * keeps the two equal). V8 grows the young generation to 2 × 16 MiB under any burst, start-up
 * included, and keeps it, although a service holds little between requests. 8 MiB semi-spaces
 * halve that ceiling. Measured on the checkout benchmark (PostgreSQL, 8/s): 4 MiB saved about
 * 200 MiB over the suite but cost about 18 % more CPU per checkout in scavenges; 8 MiB is between.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=8'];

/**
 * V8 flags of a service on the embedded database (PGlite: PostgreSQL compiled to WebAssembly), unless
 * `optimizeWasm`. V8 compiles wasm with its baseline compiler, then recompiles hot functions with its
 * optimizing one in the background: for PostgreSQL's large functions that work lands on the cores the
 * suite's start-up waits for. Measured on this suite's machine (2 cores): `npm start` 22 → 18 s,
 * about 25 % less start-up CPU and 300–400 MiB less memory over six databases; under sustained
 * checkouts on PGlite, about 20 % more CPU per checkout.
 */
export const EMBEDDED_DATABASE_NODE_FLAGS: readonly string[] = ['--liftoff-only'];

const COLORS = [36, 33, 35, 32, 34, 91, 92, 93, 94, 95, 96, 31, 90, 37];

/** Services with a built entry point (services/<name>/dist/main.js). */
export function implementedServices(topology: Topology): ServiceSpec[] {
  return topology.services.filter((s) => existsSync(path.join(s.dir, 'dist/main.js')));
}

async function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** GET /healthz on a local HTTP port: "SERVING" on 200, else what it answered (or "DOWN"). */
function httpHealth(port: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: timeoutMs }, (res) => {
      res.resume();
      resolve(res.statusCode === 200 ? 'SERVING' : `HTTP ${res.statusCode}`);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve('DOWN'));
  });
}

/**
 * A free port for --random-ports, picked at random BELOW the kernel's ephemeral range (32768+ on
 * Linux): a port the kernel handed us with listen(0) is free again once we close it, and the next
 * outgoing connection of any process may take it as its local port before the service binds it.
 */
const RANDOM_PORTS = { from: 20_000, to: 32_000 };
async function freePort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = RANDOM_PORTS.from + Math.floor(Math.random() * (RANDOM_PORTS.to - RANDOM_PORTS.from));
    if (taken.has(port) || !(await portFree(port))) continue;
    taken.add(port);
    return port;
  }
  throw new StackError(`no free port found between ${RANDOM_PORTS.from} and ${RANDOM_PORTS.to}`);
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const topology = options.topology ?? loadTopology();
  const output = options.output ?? ((line: string) => process.stdout.write(`${line}\n`));
  const implemented = implementedServices(topology);
  let selected = implemented;
  if (options.only?.length) {
    for (const name of options.only) {
      if (!topology.services.some((s) => s.name === name)) throw new StackError(`unknown service "${name}" (known: ${topology.services.map((s) => s.name).join(', ')})`);
      if (!implemented.some((s) => s.name === name)) throw new StackError(`service "${name}" is not implemented yet (no services/${name}/dist/main.js; run npm run build)`);
    }
    selected = implemented.filter((s) => options.only!.includes(s.name));
  }
  if (selected.length === 0) throw new StackError('no implemented services to start (run npm run build first)');

  // Ports: the topology's, checked free up front so a clash fails fast with its name.
  const ports = new Map<string, { grpc?: number; http?: number; metrics: number }>();
  const taken = new Set<number>();
  for (const s of topology.services) {
    if (options.randomPorts) {
      ports.set(s.name, { ...(s.ports.grpc !== undefined ? { grpc: await freePort(taken) } : {}), ...(s.ports.http !== undefined ? { http: await freePort(taken) } : {}), metrics: await freePort(taken) });
    } else ports.set(s.name, { ...s.ports });
  }
  if (!options.randomPorts) {
    for (const s of selected) {
      for (const [kind, port] of Object.entries(ports.get(s.name)!)) {
        if (port !== undefined && !(await portFree(port))) throw new StackError(`port ${port} (${s.name} ${kind}) is already in use: stop whatever holds it, or start with --random-ports`);
      }
    }
  }

  const keys = options.signingKeys ?? generateSigningKeys();
  const kitPreload = require.resolve('@mercato/kit/otel');
  const children = new Map<string, ChildProcess>();
  const exitHandlers: Array<(name: string, code: number | null, signal: string | null) => void> = [];
  let stopping = false;
  const width = Math.max(...selected.map((s) => s.name.length));

  // The services read the topology checked here instead of each loading it again.
  const handOver = mkdtempSync(path.join(tmpdir(), 'mercato-stack-'));
  const topologyFile = path.join(handOver, 'topology.json');
  writeTopologyFile(topology, topologyFile);

  const stopAll = async (): Promise<void> => {
    stopping = true;
    const waits = [...children.entries()].map(([, child]) =>
      child.exitCode !== null || child.signalCode !== null
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
    );
    await Promise.all(waits);
    rmSync(handOver, { recursive: true, force: true });
  };

  const startupFailure = new Promise<never>((_, reject) => {
    exitHandlers.push((name, code, signal) => {
      reject(new StackError(`${name} exited during start-up (${signal ?? `code ${code}`}); see its log lines above`));
    });
  });
  startupFailure.catch(() => undefined);
  const cancelled = new Promise<never>((_, reject) => {
    const cancel = () => reject(new StackError('start-up cancelled: every service started so far was stopped'));
    if (options.signal?.aborted) cancel();
    else options.signal?.addEventListener('abort', cancel, { once: true });
  });
  cancelled.catch(() => undefined);

  const envs = await serviceEnvironments().catch((err: unknown) => {
    rmSync(handOver, { recursive: true, force: true });
    throw err;
  });
  async function serviceEnvironments(): Promise<Map<string, Record<string, string>>> {
    // The embedded databases start from one template cluster: make it once, before six services
    // would each find it missing at the same moment.
    if (!options.postgres && !options.dataDir && selected.some((s) => s.stateful)) await ensurePgliteTemplate();

    const envs = new Map<string, Record<string, string>>();
    for (const s of selected) {
      const own = ports.get(s.name)!;
      const env: Record<string, string> = {
        ...(process.env as Record<string, string>),
        OTEL_SERVICE_NAME: s.name,
        [TOPOLOGY_FILE_VARIABLE]: topologyFile,
        GRPC_HOST: '127.0.0.1',
        METRICS_HOST: '127.0.0.1',
        METRICS_PORT: String(own.metrics),
        JWT_PUBLIC_KEY: keys.publicKey,
        ...options.env,
        ...options.serviceEnv?.[s.name],
      };
      if (own.grpc !== undefined) env.GRPC_PORT = String(own.grpc);
      if (own.http !== undefined) env.HTTP_PORT = String(own.http);
      if (s.name === 'gateway') env.JWT_PRIVATE_KEY = keys.privateKey;
      // Sentinel scrapes the topology's metrics ports unless told otherwise: with random ports, tell it.
      if (s.name === 'sentinel' && options.randomPorts && env.SENTINEL_TARGETS === undefined && env.SENTINEL_PROMETHEUS_URL === undefined) {
        env.SENTINEL_TARGETS = selected.filter((t) => t.name !== 'sentinel').map((t) => `${t.name}=127.0.0.1:${ports.get(t.name)!.metrics}`).join(',');
      }
      for (const call of s.calls) {
        const target = ports.get(call.service);
        const port = call.protocol === 'http' ? target?.http : target?.grpc;
        if (port !== undefined) env[addressVariable(call.service)] = `127.0.0.1:${port}`;
      }
      if (s.stateful) {
        if (options.postgres) env.DATABASE_URL = await ensureDatabase(options.postgres, `${options.databasePrefix ?? 'mercato'}_${s.name.replace(/-/g, '_')}`);
        else if (options.dataDir) env.DATA_DIR = path.resolve(options.dataDir, s.name);
      }
      envs.set(s.name, env);
    }
    return envs;
  }
  const launch = (s: ServiceSpec): void => {
    const i = selected.indexOf(s);
    const embedded = s.stateful && !options.postgres && !options.optimizeWasm;
    const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...(embedded ? EMBEDDED_DATABASE_NODE_FLAGS : []), '--require', kitPreload, path.join(s.dir, 'dist/main.js')], { env: envs.get(s.name)!, stdio: ['ignore', 'pipe', 'pipe'] });
    children.set(s.name, child);
    const prefix = `\x1b[${COLORS[i % COLORS.length]}m${s.name.padEnd(width)}\x1b[0m |`;
    for (const stream of [child.stdout!, child.stderr!]) {
      readline.createInterface({ input: stream }).on('line', (line) => output(`${prefix} ${line}`));
    }
    child.once('exit', (code, signal) => {
      if (!stopping) for (const fn of exitHandlers) fn(s.name, code, signal);
    });
  };
  if (options.signal?.aborted) await cancelled;
  for (const s of selected) launch(s);

  // Wait for every service to answer SERVING (gRPC health; GET /healthz 200 on an HTTP port);
  // fail fast when one dies.
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  let deadline = Date.now() + startTimeoutMs;
  const waitServing = async (s: ServiceSpec): Promise<void> => {
    const { grpc: port, http: httpPort } = ports.get(s.name)!;
    if (port === undefined && httpPort === undefined) return;
    for (;;) {
      const grpcStatus = port === undefined ? 'SERVING' : await checkHealth(`127.0.0.1:${port}`, '', 500).catch(() => 'DOWN');
      const st = grpcStatus === 'SERVING' && httpPort !== undefined ? await httpHealth(httpPort, 500) : grpcStatus;
      if (st === 'SERVING') return;
      if (Date.now() > deadline) throw new StackError(`${s.name} was not SERVING within ${startTimeoutMs} ms (last status: ${st})`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    await Promise.race([Promise.all(selected.map(waitServing)), startupFailure, cancelled]);
  } catch (err) {
    await stopAll();
    throw err;
  }
  exitHandlers.length = 0;

  return {
    // A getter: a restarted service has a new pid.
    get processes() {
      return selected.map((s) => {
        const p = ports.get(s.name)!;
        return { name: s.name, pid: children.get(s.name)!.pid!, ...(p.grpc !== undefined ? { grpcPort: p.grpc } : {}), ...(p.http !== undefined ? { httpPort: p.http } : {}), metricsPort: p.metrics };
      });
    },
    onExit: (fn) => exitHandlers.push(fn),
    kill: async (name, signal = 'SIGKILL') => {
      const child = children.get(name);
      if (!child) throw new StackError(`service "${name}" is not part of this stack`);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill(signal);
      await exited;
    },
    restart: async (name) => {
      const s = selected.find((x) => x.name === name);
      const child = children.get(name);
      if (!s || !child) throw new StackError(`service "${name}" is not part of this stack`);
      if (child.exitCode === null && child.signalCode === null) throw new StackError(`service "${name}" is still running: kill it first`);
      launch(s);
      deadline = Date.now() + startTimeoutMs;
      await waitServing(s);
    },
    stop: stopAll,
  };
}
