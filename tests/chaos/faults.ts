// The faults the chaos suite injects, one at a time: what starts each, what ends it, and what the
// design says must happen meanwhile (which circuit breakers open, which fallbacks serve).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { Stack } from '@mercato/runner';
import type { Traffic } from './load';
import { scrape } from './metrics';

export interface FaultContext {
  stack: Stack;
  /** The fault flags file each service watches (FAULTS_FILE). */
  flagsFile(service: string): string;
}

/** A shopper-visible promise checked over the fault window; answers a problem, or undefined. */
export type FallbackCheck = (traffic: Traffic, from: number, to: number) => string | undefined;

export interface Fault {
  /** e.g. "kill:orders", as CHAOS_FAULTS names it. */
  name: string;
  describe: string;
  start(c: FaultContext): Promise<void>;
  /** Ends the fault (restart, flags cleared, SIGCONT); the fault window is from start to here. */
  heal(c: FaultContext): Promise<void>;
  /** Declared degradations that must serve while the fault lasts. */
  fallbacks: Array<{ describe: string; check: FallbackCheck }>;
  /** Why the fault is not run here (e.g. restarting PostgreSQL was not asked for). */
  skip?: string;
}

const pid = (stack: Stack, name: string): number => {
  const p = stack.processes.find((x) => x.name === name);
  if (!p) throw new Error(`${name} is not part of the run`);
  return p.pid;
};

/** Product pages render without the optional recommendations panel while it is down. */
const productPagesServe: FallbackCheck = (traffic, from, to) => {
  const page = (a: { method: string; path: string }) => a.method === 'GET' && /^\/products\/[^/]+$/.test(a.path);
  const served = traffic.count(from, to, (a) => page(a) && a.status === 200);
  const failed = traffic.count(from, to, (a) => page(a) && (a.status === 0 || a.status >= 500));
  if (served === 0) return 'no product page was served during the window';
  if (failed > 0) return `${failed} product pages failed (of ${served + failed})`;
  return undefined;
};

export function killFault(service: string): Fault {
  return {
    name: `kill:${service}`,
    describe: `kill -9 ${service}, restart it after the window`,
    start: (c) => c.stack.kill(service, 'SIGKILL'),
    heal: (c) => c.stack.restart(service),
    fallbacks: service === 'recommendations' ? [{ describe: 'product pages without recommendations', check: productPagesServe }] : [],
  };
}

/** The rules in a service's flags file, as its metrics report them loaded. */
async function waitForRules(c: FaultContext, service: string, active: boolean): Promise<void> {
  const port = c.stack.processes.find((p) => p.name === service)!.metricsPort;
  const until = Date.now() + 15_000;
  for (;;) {
    const series = await scrape(port);
    const n = (series ?? []).filter((s) => s.name === 'mercato_faults_active').reduce((sum, s) => sum + s.value, 0);
    if (series && (n > 0) === active) return;
    if (Date.now() > until) throw new Error(`${service} did not ${active ? 'load' : 'drop'} its fault flags within 15 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Latency and errors on every method of a service, through its fault flags file. The delays cross
 * the caller's deadline now and then (so some calls time out while the work still happens), and
 * the error rate is above the breakers' 50 %.
 */
export function flagsFault(service: 'payments' | 'inventory'): Fault {
  const grpcService = service === 'payments' ? 'mercato.payments.v1.PaymentsService' : 'mercato.inventory.v1.InventoryService';
  // orders' deadlines: payments 3000 ms, inventory 1000 ms (service.yaml).
  const rule = service === 'payments' ? { delayMs: 200, delayJitterMs: 3_500, errorRate: 0.6 } : { delayMs: 100, delayJitterMs: 1_200, errorRate: 0.6 };
  return {
    name: `faults:${service}`,
    describe: `${service}: ${rule.delayMs}-${rule.delayMs + rule.delayJitterMs} ms latency, ${rule.errorRate * 100}% UNAVAILABLE`,
    start: async (c) => {
      writeFileSync(c.flagsFile(service), JSON.stringify({ rules: [{ method: `${grpcService}/*`, ...rule, errorCode: 'UNAVAILABLE' }] }));
      await waitForRules(c, service, true);
    },
    heal: async (c) => {
      writeFileSync(c.flagsFile(service), JSON.stringify({ rules: [] }));
      await waitForRules(c, service, false);
    },
    fallbacks: [],
  };
}

/** The event store frozen (SIGSTOP): calls into it hang until their deadlines. */
export const stallEventStore: Fault = {
  name: 'stall:eventstore',
  describe: 'SIGSTOP the event store, SIGCONT after the window',
  start: async (c) => {
    process.kill(pid(c.stack, 'eventstore'), 'SIGSTOP');
  },
  heal: async (c) => {
    process.kill(pid(c.stack, 'eventstore'), 'SIGCONT');
  },
  fallbacks: [],
};

/** The local PostgreSQL server restarted under the suite (only where asked: it disturbs everything on it). */
export function restartPostgres(): Fault {
  const asked = process.env.MERCATO_TEST_PG_RESTART === '1';
  const versions = existsSync('/etc/postgresql') ? readdirSync('/etc/postgresql') : [];
  return {
    name: 'restart:postgres',
    describe: 'pg_ctlcluster restart of the local PostgreSQL server',
    start: async () => {
      if (versions.length === 0) throw new Error('MERCATO_TEST_PG_RESTART=1 needs a Debian PostgreSQL cluster (pg_ctlcluster)');
      await promisify(execFile)('pg_ctlcluster', ['--skip-systemctl-redirect', versions[0]!, 'main', 'restart']);
    },
    heal: async () => undefined,
    fallbacks: [],
    ...(asked ? {} : { skip: 'MERCATO_TEST_PG_RESTART is not 1 (restarting the server disturbs every other user of it)' }),
  };
}
