// The suite for the benchmarks: every service (or `only`) as `npm start` runs them, on random
// ports, on PGlite or a fresh set of PostgreSQL databases; tokens for shoppers; the last log lines
// of each service, so a failed start says why; and clean-up of the databases it made.
import { randomBytes } from 'node:crypto';
import { Metadata } from '@grpc/grpc-js';
import { dropDatabases, postgresAvailable, testServerUrl } from '@mercato/db';
import { generateSigningKeys, TokenIssuer } from '@mercato/kit';
import { startStack, type Stack } from '@mercato/runner';

export interface BenchSuite {
  stack: Stack;
  /** `127.0.0.1:<grpc port>` of a running service. */
  address(name: string): string;
  /** Call options for a shopper (a fresh token each time). */
  as(userId: string): { metadata: Metadata };
  stop(): Promise<void>;
}

export interface BenchSuiteOptions {
  backend: 'pglite' | 'postgres';
  only?: string[];
  env?: Record<string, string>;
  serviceEnv?: Record<string, Record<string, string>>;
  startTimeoutMs?: number;
}

const TAIL_LINES = 400;


/** Starts the suite; undefined when PostgreSQL is asked for and not reachable. A port taken between the runner's choice and the service's bind (other stacks on the machine) gets one more try. */
export async function startBenchSuite(options: BenchSuiteOptions): Promise<BenchSuite | undefined> {
  if (options.backend === 'postgres' && !(await postgresAvailable())) return undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(options);
    } catch (err) {
      if (attempt >= 2 || !/EADDRINUSE/.test((err as Error).message)) throw err;
    }
  }
}

async function startOnce(options: BenchSuiteOptions): Promise<BenchSuite> {
  const keys = generateSigningKeys();
  const issuer = new TokenIssuer(keys.privateKey);
  const prefix = `mercato_bench_${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const tail: string[] = [];
  let stack: Stack;
  try {
    stack = await startStack({
      ...(options.only ? { only: options.only } : {}),
      ...(options.backend === 'postgres' ? { postgres: testServerUrl(), databasePrefix: prefix } : {}),
      env: { SHUTDOWN_GRACE_MS: '1000', ...options.env },
      ...(options.serviceEnv ? { serviceEnv: options.serviceEnv } : {}),
      randomPorts: true,
      signingKeys: keys,
      ...(options.startTimeoutMs ? { startTimeoutMs: options.startTimeoutMs } : {}),
      output: (line) => {
        tail.push(line);
        if (tail.length > TAIL_LINES) tail.shift();
      },
    });
  } catch (err) {
    if (options.backend === 'postgres') await dropDatabases(prefix).catch(() => undefined);
    // The runner names the service that failed; its last lines say why.
    const name = /^(\S+) (exited|was not SERVING)/.exec((err as Error).message)?.[1];
    const plain = tail.map((l) => l.replace(/\x1b\[[0-9;]*m/g, ''));
    const lines = plain.filter((l) => !name || l.split('|')[0]!.trim() === name).slice(-12);
    throw new Error(`${(err as Error).message}\n${lines.join('\n')}`);
  }
  const address = (name: string): string => {
    const p = stack.processes.find((x) => x.name === name);
    if (!p?.grpcPort) throw new Error(`${name} is not running`);
    return `127.0.0.1:${p.grpcPort}`;
  };
  return {
    stack,
    address,
    as: (userId) => {
      const metadata = new Metadata();
      metadata.set('authorization', `Bearer ${issuer.issue(userId, { name: `Shopper ${userId}` })}`);
      return { metadata };
    },
    stop: async () => {
      await stack.stop();
      if (options.backend === 'postgres') await dropDatabases(prefix);
    },
  };
}
