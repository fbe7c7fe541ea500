// Shared by the stack-level observability tests: what they need before they can run (and a clear
// failure under MERCATO_REQUIRE_ALL=1 when it is missing), a real Prometheus on a free port, and
// small polling helpers.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadTopology } from '@mercato/topology';
import { findTool, repoRoot, requireAll } from '../manifests/lib/tools';
import { eventually } from '../support/suite';

export { repoRoot, requireAll };

/** Built entry points (services/<name>/dist/main.js) the stack runner starts. */
export function missingBuilds(names: string[]): string[] {
  const topology = loadTopology();
  return names.filter((n) => !existsSync(path.join(topology.get(n).dir, 'dist', 'main.js')));
}

/**
 * A describe block that runs when `missing` is empty; otherwise one test that fails under
 * MERCATO_REQUIRE_ALL=1 (CI) or is skipped with the reason in its name.
 */
export function describeWhenReady(name: string, missing: string[], fn: () => void): void {
  if (missing.length === 0) {
    describe(name, fn);
    return;
  }
  const reason = `waiting for: ${missing.join('; ')}`;
  if (requireAll) {
    describe(name, () => {
      test(`prerequisites are present (MERCATO_REQUIRE_ALL=1) — ${reason}`, () => {
        throw new Error(`${name} cannot run, ${reason}`);
      });
    });
  } else {
    describe.skip(`${name} (skipped, ${reason})`, fn);
  }
}

export function findPrometheus(): string | undefined {
  if (existsSync('/usr/bin/prometheus')) return '/usr/bin/prometheus';
  return findTool('prometheus');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it returns a value (the shared eventually(), with this suite's pace). */
export function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 250): Promise<T> {
  return eventually(what, async () => probe(), timeoutMs, everyMs);
}

export interface PromResult {
  metric: Record<string, string>;
  value?: [number, string];
}

/** A Prometheus server in a temporary folder, scraping the given jobs every second. */
export class Prometheus {
  private constructor(
    readonly url: string,
    private readonly child: ChildProcess,
    private readonly dir: string,
    readonly log: () => string,
  ) {}

  static async start(binary: string, jobs: Array<{ job: string; port: number }>, ruleFiles: string[]): Promise<Prometheus> {
    const dir = mkdtempSync(path.join(tmpdir(), 'mercato-prometheus-'));
    const port = await freePort();
    const config = {
      global: { scrape_interval: '1s', scrape_timeout: '900ms', evaluation_interval: '1s' },
      rule_files: ruleFiles,
      scrape_configs: jobs.map((j) => ({ job_name: j.job, static_configs: [{ targets: [`127.0.0.1:${j.port}`] }] })),
    };
    writeFileSync(path.join(dir, 'prometheus.yml'), JSON.stringify(config, null, 2));
    const child = spawn(binary, [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=1h',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    const keep = (d: Buffer) => (log = (log + d.toString()).slice(-20_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const p = new Prometheus(`http://127.0.0.1:${port}`, child, dir, () => log);
    try {
      await until('Prometheus to be ready', async () => {
        if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}): ${log}`);
        return (await fetch(`${p.url}/-/ready`)).ok ? true : undefined;
      }, 30_000);
    } catch (err) {
      await p.stop();
      throw err;
    }
    return p;
  }

  /** An instant query; throws with Prometheus' message when it does not parse or fails. */
  async query(expr: string): Promise<PromResult[]> {
    const res = await fetch(`${this.url}/api/v1/query`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: expr }).toString() });
    const body = (await res.json()) as { status: string; error?: string; errorType?: string; data?: { resultType: string; result: PromResult[] | [number, string] } };
    if (body.status !== 'success') throw new Error(`${body.errorType}: ${body.error} in: ${expr}`);
    const r = body.data!;
    if (r.resultType === 'scalar') return [{ metric: {}, value: r.result as [number, string] }];
    return r.result as PromResult[];
  }

  async api<T>(pathAndQuery: string): Promise<T> {
    const res = await fetch(`${this.url}${pathAndQuery}`);
    const body = (await res.json()) as { status: string; error?: string; data: T };
    if (body.status !== 'success') throw new Error(`${pathAndQuery}: ${body.error}`);
    return body.data;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
