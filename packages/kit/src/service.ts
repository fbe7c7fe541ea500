// One call makes a process a Mercato service: config, logs, metrics, faults, auth, the gRPC
// server with health and reflection, clients for the targets its service.yaml declares, and a
// graceful drain on SIGTERM/SIGINT.
import * as grpc from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { loadProtos } from '@mercato/protos';
import { loadTopology, readTopologyFile, TOPOLOGY_FILE_VARIABLE, type ServiceSpec, type Topology } from '@mercato/topology';
import { ConfigError, env, loadConfig, type Config, type ConfigSpec } from './config';
import { createLogger, LOG_LEVELS, type Logger } from './logger';
import { KitMetrics, type MetricsServer } from './metrics';
import { FaultInjector } from './faults';
import { TokenVerifier } from './auth';
import { KitServer, type AsyncHandlers, type ServeOptions, type ServerInterceptor } from './server';
import { KitClient } from './client';
import { openDatabase, type Database } from '@mercato/db';
import type pino from 'pino';
import type { PackageDefinition } from '@grpc/proto-loader';

/** The variables every service reads; services add their own with `config`. */
export function commonConfig(spec: ServiceSpec) {
  return {
    LOG_LEVEL: env.oneOf(LOG_LEVELS, { default: 'info' }),
    GRPC_HOST: env.string({ default: '0.0.0.0', describe: 'a host name or IP address to listen on' }),
    GRPC_PORT: env.port({ default: spec.ports.grpc ?? 0 }),
    METRICS_HOST: env.string({ default: '0.0.0.0', describe: 'a host name or IP address to listen on' }),
    METRICS_PORT: env.port({ default: spec.ports.metrics }),
    GRPC_MAX_MESSAGE_BYTES: env.int({ default: 4 * 1024 * 1024, min: 1024, max: 64 * 1024 * 1024 }),
    GRPC_KEEPALIVE_TIME_MS: env.int({ default: 30_000, min: 1_000 }),
    GRPC_KEEPALIVE_TIMEOUT_MS: env.int({ default: 10_000, min: 100 }),
    GRPC_MAX_CONNECTION_AGE_MS: env.int({ default: 0, min: 0 }),
    GRPC_MAX_CONNECTION_AGE_GRACE_MS: env.int({ default: 10_000, min: 0 }),
    GRPC_LB_POLICY: env.oneOf(['pick_first', 'round_robin'] as const, { default: 'pick_first' }),
    CLIENT_RETRIES: env.bool({ default: true }),
    CLIENT_RETRY_MAX_ATTEMPTS: env.int({ default: 3, min: 1, max: 10 }),
    BREAKER_VOLUME_THRESHOLD: env.int({ default: 10, min: 1 }),
    BREAKER_ERROR_PERCENT: env.int({ default: 50, min: 1, max: 100 }),
    BREAKER_RESET_MS: env.int({ default: 5_000, min: 100 }),
    BREAKER_WINDOW_MS: env.int({ default: 10_000, min: 1_000 }),
    BULKHEAD_CAPACITY: env.int({ default: 200, min: 1 }),
    SHUTDOWN_GRACE_MS: env.int({ default: 10_000, min: 0 }),
    DRAIN_DELAY_MS: env.int({ default: 0, min: 0 }),
    FAULTS: env.optional(env.string({ describe: 'a JSON faults document {"rules":[...]}' })),
    FAULTS_FILE: env.optional(env.string({ describe: 'a path to a JSON faults file' })),
    JWT_PUBLIC_KEY: env.optional(env.string({ pattern: /BEGIN PUBLIC KEY/, describe: 'an Ed25519 public key in PEM (-----BEGIN PUBLIC KEY-----)' })),
    JWT_PUBLIC_KEY_FILE: env.optional(env.string({ describe: 'a path to an Ed25519 public key in PEM' })),
    // Stateful services: PostgreSQL when DATABASE_URL is set, else the embedded PGlite
    // (in memory, or on disk under DATA_DIR).
    DATABASE_URL: env.optional(env.url(['postgres:', 'postgresql:'])),
    DATA_DIR: env.optional(env.string({ describe: 'a folder for the embedded database' })),
    DATABASE_POOL_SIZE: env.optional(env.int({ min: 1, max: 200 })),
  };
}

export type CommonConfig = Config<ReturnType<typeof commonConfig>>;

export interface Kit<C> {
  readonly name: string;
  readonly spec: ServiceSpec;
  readonly config: CommonConfig & C;
  readonly log: Logger;
  readonly metrics: KitMetrics;
  readonly faults: FaultInjector;
  readonly server: KitServer;
  serve<H>(fullName: string, handlers: AsyncHandlers<H>, options?: ServeOptions<H>, interceptors?: ServerInterceptor[]): void;
  /** A client for a target declared under `calls` in service.yaml (address from <TARGET>_ADDR). */
  client<D>(target: string): KitClient<D>;
  addHealthCheck(name: string, check: () => Promise<void>): void;
  /** Runs the health checks now instead of at the next 2 s tick (after a start-up task completes). */
  recheckHealth(): Promise<void>;
  /**
   * This service's own database (DATABASE_URL, else PGlite), opened once: closed on shutdown,
   * and health follows a ping unless the service brings its own check (healthCheck: false).
   */
  database(options?: { defaultPoolSize?: number; healthCheck?: boolean }): Promise<Database>;
  /** Runs during shutdown, after the server drained, in reverse order of registration. */
  onShutdown(fn: () => Promise<void> | void): void;
}

export interface StartOptions<S extends ConfigSpec> {
  config?: S;
  env?: NodeJS.ProcessEnv;
  topology?: Topology;
  logDestination?: pino.DestinationStream;
  /** The protos to serve and call; defaults to every Mercato proto. */
  protos?: PackageDefinition;
}

export interface RunningService<C> {
  kit: Kit<C>;
  grpcPort: number;
  metricsPort: number;
  /** The drain sequence; resolves when everything is closed. */
  shutdown(): Promise<'clean' | 'forced'>;
}

/** Env name of a target's address: "order-history" → ORDER_HISTORY_ADDR. */
export function addressVariable(target: string): string {
  return `${target.toUpperCase().replace(/-/g, '_')}_ADDR`;
}

/** Starts a service in this process; throws ConfigError for bad configuration. */
export async function startService<S extends ConfigSpec = Record<string, never>>(
  name: string,
  setup: (kit: Kit<Config<S>>) => Promise<void> | void,
  options: StartOptions<S> = {},
): Promise<RunningService<Config<S>>> {
  const source = options.env ?? process.env;
  const handedOver = source[TOPOLOGY_FILE_VARIABLE];
  const topology = options.topology ?? (handedOver ? readTopologyFile(handedOver) : loadTopology());
  const spec = topology.get(name);
  const protos = options.protos ?? loadProtos();
  const config = { ...loadConfig(commonConfig(spec), source), ...loadConfig(options.config ?? ({} as S), source) } as CommonConfig & Config<S>;
  const log = createLogger(name, config.LOG_LEVEL, options.logDestination);
  const metrics = new KitMetrics(name);
  const faults = new FaultInjector(config.FAULTS, (err) => log.warn({ err: err.message }, 'faults file rejected; keeping the previous rules'));
  const showFaults = (): void => {
    metrics.faultsActive.reset();
    for (const r of faults.rules) metrics.faultsActive.inc({ method: r.method });
  };
  faults.on('change', () => {
    showFaults();
    log.info({ rules: faults.rules.length }, 'fault rules changed');
  });
  showFaults();
  if (config.FAULTS_FILE) await faults.watch(config.FAULTS_FILE);
  const publicKey = config.JWT_PUBLIC_KEY ?? (config.JWT_PUBLIC_KEY_FILE ? readKey(config.JWT_PUBLIC_KEY_FILE) : undefined);
  const verifier = publicKey ? new TokenVerifier(publicKey) : undefined;

  const server = new KitServer(
    {
      host: config.GRPC_HOST,
      port: config.GRPC_PORT,
      maxMessageBytes: config.GRPC_MAX_MESSAGE_BYTES,
      keepaliveTimeMs: config.GRPC_KEEPALIVE_TIME_MS,
      keepaliveTimeoutMs: config.GRPC_KEEPALIVE_TIMEOUT_MS,
      maxConnectionAgeMs: config.GRPC_MAX_CONNECTION_AGE_MS,
      maxConnectionAgeGraceMs: config.GRPC_MAX_CONNECTION_AGE_GRACE_MS,
    },
    { log, metrics, faults, verifier, packageDefinition: protos },
  );
  const clients = new Map<string, KitClient<unknown>>();
  let database: Promise<Database> | undefined;
  const shutdownHooks: Array<() => Promise<void> | void> = [];

  const kit: Kit<Config<S>> = {
    name,
    spec,
    config,
    log,
    metrics,
    faults,
    server,
    serve: (fullName, handlers, serveOptions, interceptors) => server.serve(fullName, handlers, serveOptions, interceptors),
    client: <D>(target: string) => {
      const existing = clients.get(target);
      if (existing) return existing as KitClient<D>;
      const call = spec.calls.find((c) => c.service === target && c.protocol === 'grpc');
      if (!call?.grpcService) throw new Error(`${name} does not declare gRPC calls to ${target} in its service.yaml`);
      const targetSpec = topology.get(target);
      const variable = addressVariable(target);
      const address = source[variable] ?? `localhost:${targetSpec.ports.grpc}`;
      if (!/^(dns:\/\/\/)?[\w.-]+:\d{1,5}$/.test(address)) throw new ConfigError(variable, 'host:port or dns:///host:port', address);
      const definition = protos[call.grpcService] as grpc.ServiceDefinition;
      const client = new KitClient<D>({
        target,
        grpcService: call.grpcService,
        address,
        definition,
        methods: Object.fromEntries(call.methods.map((m) => [m.name, { deadlineMs: m.deadlineMs, idempotent: m.idempotency !== 'UNKNOWN' }])),
        breaker: {
          volumeThreshold: config.BREAKER_VOLUME_THRESHOLD,
          errorThresholdPercentage: config.BREAKER_ERROR_PERCENT,
          resetTimeoutMs: config.BREAKER_RESET_MS,
          rollingWindowMs: config.BREAKER_WINDOW_MS,
          capacity: config.BULKHEAD_CAPACITY,
        },
        retry: { enabled: config.CLIENT_RETRIES, maxAttempts: config.CLIENT_RETRY_MAX_ATTEMPTS, baseDelayMs: 25 },
        loadBalancing: config.GRPC_LB_POLICY,
        maxMessageBytes: config.GRPC_MAX_MESSAGE_BYTES,
        keepaliveTimeMs: config.GRPC_KEEPALIVE_TIME_MS,
        metrics,
      });
      clients.set(target, client as KitClient<unknown>);
      return client;
    },
    addHealthCheck: (checkName, check) => server.addHealthCheck(checkName, check),
    recheckHealth: () => server.recheck(),
    database: (dbOptions = {}) => {
      database ??= openDatabase({
        url: config.DATABASE_URL,
        dataDir: config.DATA_DIR,
        poolSize: config.DATABASE_POOL_SIZE ?? dbOptions.defaultPoolSize ?? 10,
        applicationName: `mercato-${name}`,
        onError: (err) => log.warn({ err: err.message }, 'database connection error (recovering)'),
      }).then((db) => {
        shutdownHooks.push(() => db.close());
        if (dbOptions.healthCheck !== false) server.addHealthCheck('database', () => db.ping());
        log.info({ backend: db.kind }, 'database open');
        return db;
      });
      return database;
    },
    onShutdown: (fn) => shutdownHooks.push(fn),
  };

  let metricsServer: MetricsServer | undefined;
  try {
    await setup(kit);
    metricsServer = await metrics.serve(config.METRICS_PORT, config.METRICS_HOST).catch((err: NodeJS.ErrnoException) => {
      throw new Error(err.code === 'EADDRINUSE' ? `metrics port ${config.METRICS_PORT} on ${config.METRICS_HOST} is already in use` : err.message);
    });
    await server.start();
  } catch (err) {
    await metricsServer?.close();
    server.grpc.forceShutdown();
    faults.close();
    for (const fn of shutdownHooks.reverse()) await Promise.resolve(fn()).catch(() => undefined);
    throw err;
  }
  log.info({ grpc_port: server.port, metrics_port: metricsServer.port }, `${name} serving`);

  let stopping: Promise<'clean' | 'forced'> | undefined;
  const shutdown = (): Promise<'clean' | 'forced'> => {
    stopping ??= (async () => {
      log.info({ grace_ms: config.SHUTDOWN_GRACE_MS, drain_delay_ms: config.DRAIN_DELAY_MS }, 'draining');
      const outcome = await server.shutdown(config.SHUTDOWN_GRACE_MS, config.DRAIN_DELAY_MS);
      for (const c of clients.values()) c.close();
      for (const fn of shutdownHooks.reverse()) {
        await Promise.resolve(fn()).catch((err: Error) => log.warn({ err: err.message }, 'shutdown hook failed'));
      }
      faults.close();
      await metricsServer?.close();
      log.info({ outcome }, 'stopped');
      return outcome;
    })();
    return stopping;
  };
  return { kit, grpcPort: server.port, metricsPort: metricsServer.port, shutdown };
}

/**
 * The entry point of a service's main.ts: starts it, drains on SIGTERM/SIGINT and exits.
 * A configuration error prints one line naming the variable and exits with status 78.
 */
export function runService<S extends ConfigSpec = Record<string, never>>(
  name: string,
  setup: (kit: Kit<Config<S>>) => Promise<void> | void,
  options: StartOptions<S> = {},
): void {
  startService(name, setup, options).then(
    (running) => {
      const stop = (signal: string) => {
        running.kit.log.info({ signal }, 'signal received');
        running
          .shutdown()
          .then(async (outcome) => {
            const flush = (globalThis as { __mercatoOtelShutdown?: () => Promise<void> }).__mercatoOtelShutdown;
            await flush?.();
            process.exit(outcome === 'clean' ? 0 : 1);
          })
          .catch(() => process.exit(1));
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      process.on('unhandledRejection', (reason) => running.kit.log.error({ err: reason }, 'unhandled promise rejection'));
    },
    (err: Error) => {
      if (err instanceof ConfigError) {
        process.stderr.write(`${name}: ${err.message}\n`);
        process.exit(78);
      }
      process.stderr.write(`${name}: start-up failed: ${err.message}\n`);
      process.exit(1);
    },
  );
}

function readKey(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError('JWT_PUBLIC_KEY_FILE', 'a readable file', `${file} (${(err as NodeJS.ErrnoException).code})`);
  }
}
