// The suite as `npm start` runs it (one process per service, random ports), for the cross-service
// tests (fuzzing, the security matrix, chaos): addresses, kit clients, tokens of every kind (valid,
// admin, expired, signed by another key), the gateway's URL, its logs, and clean-up of the
// PostgreSQL databases it created.
import { randomBytes } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import { dropDatabases, postgresAvailable, postgresForTests, testServerUrl } from '@mercato/db';
import { connect, generateSigningKeys, TokenIssuer, type KitClient } from '@mercato/kit';
import { startStack, type Stack, type StackOptions } from '@mercato/runner';

export interface SuiteOptions extends Omit<StackOptions, 'randomPorts' | 'signingKeys' | 'postgres' | 'databasePrefix' | 'output'> {
  /** Run on the local PostgreSQL server (one fresh database per stateful service) instead of PGlite. */
  postgres?: boolean;
}

export interface Suite {
  stack: Stack;
  /** Every log line of every service, prefixed with the service name (for "no secret in logs" checks). */
  logs: string[];
  /** `127.0.0.1:<grpc port>` of a running service. */
  address(service: string): string;
  /** `http://127.0.0.1:<port>` of the gateway. */
  gatewayUrl(): string;
  /** A kit client for `service` (e.g. 'mercato.cart.v1.CartService') on process `name`; closed by `stop()`. */
  client<D>(name: string, service: string, deadlineMs?: number): KitClient<D>;
  /** A valid token for a user (roles e.g. ['admin']). */
  token(userId: string, roles?: string[]): string;
  /** A token that expired an hour ago, correctly signed. */
  expiredToken(userId: string, roles?: string[]): string;
  /** A well-formed token signed by a key the suite does not trust. */
  foreignToken(userId: string, roles?: string[]): string;
  /** gRPC metadata carrying `Bearer <token>` (or none for undefined). */
  metadata(token?: string): Metadata;
  stop(): Promise<void>;
}

/** A stack's databases: the options that put it on the local PostgreSQL (none: PGlite), and their clean-up. */
export interface StackDatabases {
  options: { postgres?: string; databasePrefix?: string };
  /** Removes the databases; call it after the stack has stopped. */
  drop(): Promise<void>;
}

const EMBEDDED: StackDatabases = { options: {}, drop: async () => undefined };

/** One fresh database per stateful service on the local PostgreSQL, under a unique prefix. */
function freshDatabases(label: string): StackDatabases {
  const databasePrefix = `mercato_${label}${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  return { options: { postgres: testServerUrl(), databasePrefix }, drop: () => dropDatabases(databasePrefix) };
}

/**
 * The local PostgreSQL when it answers, else the embedded default. The PostgreSQL path costs the
 * suite's services about a third of the CPU of PGlite's, which the test run's time budget needs for
 * the files that keep shoppers at work; `npm start`'s own default is tested by the stack test.
 */
export async function postgresIfAvailable(label: string): Promise<StackDatabases> {
  return (await postgresAvailable()) ? freshDatabases(label) : EMBEDDED;
}

/** A unique id for test data (users, carts, idempotency keys). */
export const uniqueId = (prefix: string): string => `${prefix}-${randomBytes(6).toString('hex')}`;

/** Polls `probe` until it returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000, everyMs = 50): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Starts the suite (every implemented service, or `only`). Returns undefined when `postgres` is
 * asked for and the local server is absent (a failure instead under MERCATO_REQUIRE_ALL=1).
 */
export async function startSuite(options: SuiteOptions = {}): Promise<Suite | undefined> {
  const { postgres, ...rest } = options;
  if (postgres && !(await postgresForTests())) return undefined;
  const keys = generateSigningKeys();
  const issuer = new TokenIssuer(keys.privateKey);
  const foreign = new TokenIssuer(generateSigningKeys().privateKey);
  const databases = postgres ? freshDatabases('t') : EMBEDDED;
  const logs: string[] = [];
  const stack = await startStack({
    startTimeoutMs: 180_000,
    ...rest,
    env: { LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '1000', ...rest.env },
    serviceEnv: { ...rest.serviceEnv, gateway: { COOKIE_SECURE: 'false', ...rest.serviceEnv?.gateway } },
    randomPorts: true,
    signingKeys: keys,
    output: (line) => logs.push(line),
    ...databases.options,
  });
  const clients: Array<{ close(): void }> = [];
  const proc = (name: string) => {
    const p = stack.processes.find((x) => x.name === name);
    if (!p) throw new Error(`${name} is not running`);
    return p;
  };
  const suite: Suite = {
    stack,
    logs,
    address: (name) => `127.0.0.1:${proc(name).grpcPort}`,
    gatewayUrl: () => `http://127.0.0.1:${proc('gateway').httpPort}`,
    client: <D>(name: string, service: string, deadlineMs = 30_000) => {
      const c = connect<D>(service, suite.address(name), { deadlineMs });
      clients.push(c);
      return c;
    },
    token: (userId, roles = []) => issuer.issue(userId, { roles, name: `User ${userId}` }),
    expiredToken: (userId, roles = []) => issuer.issue(userId, { roles, now: Date.now() - 3_600_000, ttlSeconds: 60 }),
    foreignToken: (userId, roles = []) => foreign.issue(userId, { roles }),
    metadata: (token) => {
      const m = new Metadata();
      if (token !== undefined) m.set('authorization', `Bearer ${token}`);
      return m;
    },
    stop: async () => {
      for (const c of clients) c.close();
      await stack.stop();
      await databases.drop();
    },
  };
  if (stack.processes.some((p) => p.name === 'gateway')) {
    // The runner waits for gRPC health; the gateway speaks HTTP, so wait for its /healthz too.
    await eventually('the gateway to be healthy', async () => ((await fetch(`${suite.gatewayUrl()}/healthz`)).status === 200 ? true : undefined), 60_000, 100);
  }
  return suite;
}

