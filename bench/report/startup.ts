// Start-up of the suite as `npm start` runs it: the runner's CLI (the step after the build) with
// --random-ports, timed from spawning it to its status file, which it writes once every service
// answers SERVING (gRPC health, and /healthz for the gateway); then its RSS right after, and how
// long Ctrl-C takes to drain it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mib, totalRssBytes, type ServiceProcess } from '../checkout/processes';

const GIVE_UP_AFTER_MS = 180_000;
const STOP_GRACE_MS = 30_000;

export interface StartupResult {
  services: number;
  /** Spawn to every service SERVING. */
  seconds: number;
  /** What the runner itself printed ("N services SERVING in X s"). */
  runnerSeconds: number | null;
  rssMib: number;
  /** SIGINT to every process gone. */
  stopSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function measureStartup(root: string, log: (line: string) => void): Promise<StartupResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'mercato-bench-'));
  const statusFile = path.join(dir, 'status.json');
  let text = ''; // what the runner printed, the last 200 kB
  const t0 = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'packages/runner/dist/cli.js'), '--random-ports', '--status-file', statusFile], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let exited: string | undefined;
  child.once('exit', (code, signal) => (exited = signal ?? `code ${code}`));
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk: Buffer) => (text = (text + chunk.toString()).slice(-200_000)));
  const lines = () => text.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  let processes: ServiceProcess[] = [];
  try {
    while (!existsSync(statusFile)) {
      if (exited) {
        const plain = lines();
        const said = plain.filter((l) => l.startsWith('mercato: ')).join(' ');
        throw new Error(`npm start exited before all services were healthy (${exited})${said ? `: ${said}` : ''}\n${plain.slice(-20).join('\n')}`);
      }
      if (performance.now() - t0 > GIVE_UP_AFTER_MS) throw new Error(`npm start: not every service was healthy within ${GIVE_UP_AFTER_MS / 1000} s`);
      await sleep(50);
    }
    const seconds = (performance.now() - t0) / 1000;
    // The file is written in one call, but may be seen before it is complete.
    for (;;) {
      try {
        processes = (JSON.parse(readFileSync(statusFile, 'utf8')) as { processes: ServiceProcess[] }).processes;
        break;
      } catch {
        await sleep(20);
      }
    }
    await sleep(1_000); // the runner prints its own figure just after writing the file
    const printed = /(\d+) services SERVING in ([\d.]+) s/.exec(lines().join('\n'));
    const rssMib = mib(totalRssBytes(processes));
    log(`  npm start: ${processes.length} services healthy in ${seconds.toFixed(1)} s, ${rssMib} MiB RSS`);
    const s0 = performance.now();
    await stop(child.pid!, processes, () => exited !== undefined);
    return { services: processes.length, seconds: Math.round(seconds * 10) / 10, runnerSeconds: printed ? Number(printed[2]) : null, rssMib, stopSeconds: Math.round((performance.now() - s0) / 100) / 10 };
  } finally {
    if (!exited) await stop(child.pid!, processes, () => exited !== undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The pids of a process's children (the runner's services, before its status file names them). */
function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/**
 * Ctrl-C to the runner (it drains its services); SIGKILL to whatever is left after the grace time.
 * A runner interrupted during start-up exits without draining, so its services are found first.
 */
async function stop(runnerPid: number, known: ServiceProcess[], runnerGone: () => boolean): Promise<void> {
  const services = known.length ? known : runnerGone() ? [] : childPids(runnerPid).map((pid) => ({ name: '?', pid }));
  if (!runnerGone()) process.kill(runnerPid, 'SIGINT');
  const until = performance.now() + STOP_GRACE_MS;
  const left = () => [...services.map((s) => s.pid), ...(runnerGone() ? [] : [runnerPid])].filter(alive);
  while (left().length > 0 && performance.now() < until) await sleep(100);
  for (const pid of left()) process.kill(pid, 'SIGKILL');
}
