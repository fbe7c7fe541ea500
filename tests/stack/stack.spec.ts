// `npm start` as a user runs it: the CLI starts every implemented service as its own process,
// each answers SERVING and reflection, and Ctrl-C leaves no process behind.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { checkHealth, describeMethod, listServices } from '@mercato/kit';
import { loadTopology } from '@mercato/topology';
import { EMBEDDED_DATABASE_NODE_FLAGS, SERVICE_NODE_FLAGS } from '@mercato/runner';

const root = path.resolve(__dirname, '../..');
const cli = path.join(root, 'packages/runner/dist/cli.js');

function runCli(args: string[], env: NodeJS.ProcessEnv = {}): { child: ChildProcess; output: () => string; ready: Promise<void> } {
  const child = spawn(process.execPath, [cli, ...args], { cwd: root, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (/services SERVING in/.test(out)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`runner exited with ${code} before ready:\n${out}`)));
  });
  ready.catch(() => undefined);
  return { child, output: () => out, ready };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The pids of a process's children (from /proc), once there are at least `count` of them. */
async function waitForChildren(parent: number, count: number): Promise<number[]> {
  for (const end = Date.now() + 60_000; Date.now() < end; ) {
    const children = readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          // Field 4 of /proc/<pid>/stat is the parent pid (after the parenthesized command name).
          return Number(readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]) === parent;
        } catch {
          return false; // gone meanwhile
        }
      })
      .map(Number);
    if (children.length >= count) return children;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the runner did not spawn ${count} services within 60 s`);
}

const started: ChildProcess[] = [];
afterEach(() => {
  for (const c of started.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
});

describe('local stack runner', () => {
  it('starts every implemented service SERVING with reflection, and Ctrl-C leaves nothing behind', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mercato-stack-'));
    const statusFile = path.join(dir, 'status.json');
    const t0 = Date.now();
    const run = runCli(['--random-ports', '--status-file', statusFile]);
    await run.ready;
    const startupMs = Date.now() - t0;
    const { processes } = JSON.parse(readFileSync(statusFile, 'utf8')) as { processes: { name: string; pid: number; grpcPort?: number; httpPort?: number }[] };
    const topology = loadTopology();
    expect(processes.length).toBeGreaterThanOrEqual(1);
    for (const p of processes) {
      const spec = topology.get(p.name);
      if (spec.serves.length === 0) {
        // An HTTP-only service (the gateway): ready is GET /healthz answering 200.
        expect(p.httpPort).toBeDefined();
        expect((await fetch(`http://127.0.0.1:${p.httpPort}/healthz`)).status).toBe(200);
        expect(run.output()).toContain(p.name);
        continue;
      }
      const address = `127.0.0.1:${p.grpcPort}`;
      await expect(checkHealth(address)).resolves.toBe('SERVING');
      await expect(listServices(address)).resolves.toEqual([...spec.serves].sort());
      const first = spec.serves[0]!;
      const method = Object.keys(require('@mercato/protos').loadProtos()[first])[0]!;
      await expect(describeMethod(address, `${first}/${method}`)).resolves.toMatchObject({ name: method });
      expect(run.output()).toContain(p.name);
    }
    expect(startupMs).toBeGreaterThan(0); // the figure is printed by the runner; its own start timeout bounds it
    // The services got the topology the runner checked, in a file that lives as long as the stack.
    const environ = readFileSync(`/proc/${processes[0]!.pid}/environ`, 'utf8').split('\0');
    const handedOver = environ.find((e) => e.startsWith('MERCATO_TOPOLOGY_FILE='))?.slice('MERCATO_TOPOLOGY_FILE='.length);
    expect(handedOver).toBeDefined();
    expect(JSON.parse(readFileSync(handedOver!, 'utf8'))).toMatchObject({ version: 1, root: topology.root });
    // The service flags everywhere; the embedded databases' only where one is opened.
    for (const p of processes) {
      const argv = readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').split('\0');
      expect(argv).toEqual(expect.arrayContaining([...SERVICE_NODE_FLAGS]));
      expect({ name: p.name, embedded: EMBEDDED_DATABASE_NODE_FLAGS.every((f) => argv.includes(f)) }).toEqual({ name: p.name, embedded: topology.get(p.name).stateful });
    }
    run.child.kill('SIGINT');
    const [code] = (await once(run.child, 'exit')) as [number];
    expect(code).toBe(0);
    for (const p of processes) expect({ name: p.name, alive: alive(p.pid) }).toEqual({ name: p.name, alive: false });
    expect(run.output()).toContain('mercato: stopped');
    expect(existsSync(handedOver!)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('Ctrl-C during start-up stops the services already spawned', async () => {
    // A start timeout no service can meet keeps the runner in start-up for as long as we need.
    const run = runCli(['--random-ports', '--only', 'catalog,cart,eventstore', '--start-timeout', '600'], { CATALOG_SEED: 'true' });
    const spawned = await waitForChildren(run.child.pid!, 3);
    run.child.kill('SIGINT');
    const [code] = (await once(run.child, 'exit')) as [number];
    expect(run.output()).toContain('SIGINT during start-up');
    expect(run.output()).toContain('start-up cancelled');
    expect(code).toBe(130);
    expect(spawned.filter(alive)).toEqual([]);
  }, 120_000);

  it('refuses a bad --start-timeout with a message naming it', async () => {
    const run = runCli(['--start-timeout', 'soon']);
    await expect(run.ready).rejects.toThrow(/exited with 2/);
    expect(run.output()).toContain('--start-timeout must be a number of seconds');
  });

  it('fails fast naming the service when one dies during start-up', async () => {
    const run = runCli(['--random-ports', '--only', 'catalog'], { CATALOG_SEED: 'maybe' });
    await expect(run.ready).rejects.toThrow(/catalog exited during start-up \(code 78\)/);
    expect(run.output()).toContain('config: CATALOG_SEED must be one of true/false');
  });

  it('fails fast naming the port when one is taken', async () => {
    const port = loadTopology().get('catalog').ports.grpc!;
    const blocker = net.createServer();
    await new Promise<void>((resolve) => {
      blocker.once('error', () => resolve()); // already taken by someone else: the runner must still refuse
      blocker.listen(port, '127.0.0.1', () => resolve());
    });
    const run = runCli(['--only', 'catalog']);
    await expect(run.ready).rejects.toThrow(new RegExp(`port ${port} \\(catalog grpc\\) is already in use`));
    blocker.close();
  });

  it('stops a service on a bad environment value with one line naming it', () => {
    const res = spawnSync(process.execPath, [path.join(root, 'services/catalog/dist/main.js')], { env: { ...process.env, GRPC_PORT: 'abc' }, encoding: 'utf8' });
    expect(res.status).toBe(78);
    expect(res.stderr.trim()).toBe('catalog: config: GRPC_PORT must be an integer from 0 to 65535, got "abc"');
  });
});
