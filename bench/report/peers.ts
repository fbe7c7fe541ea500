// The comparisons with peers, from their own benchmarks: the kit vs bare @grpc/grpc-js
// (bench/kit, run here: short by default, full length with --fresh) and the event store vs Emmett
// (bench/eventstore, minutes long: its committed results by default, run here with --fresh).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface TargetCheck {
  what: string;
  target: string;
  value: number | null;
  pass: boolean | null;
}

export interface KitCell {
  variant: string;
  concurrency: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuUsPerCall: number;
  errors: number;
}

export interface KitSection {
  source: 'this run' | 'committed';
  command: string;
  date: string;
  settings: { rounds: number; warmup_s: number; measured_s: number };
  ratioRpsC50: number | null;
  ratioRpsC1: number | null;
  cells: KitCell[];
  target: TargetCheck;
  /** The committed full-length run, for comparison with a short one. */
  committed?: { date: string; ratioRpsC50: number | null; ratioRpsC1: number | null };
}

export interface EventStoreSection {
  source: 'this run' | 'committed';
  command: string;
  date: string;
  ageDays: number;
  figures: Record<string, number | null>;
  targets: TargetCheck[];
}

/** The short kit run: two interleaved rounds of 1 s warm-up + 3 s per cell (the full one is 3 × (2 + 8) s). */
const SHORT_KIT = { BENCH_ROUNDS: '2', BENCH_WARMUP_S: '1', BENCH_SECONDS: '3' };
const CHILD_TIME_LIMIT_MS = 30 * 60_000;

/** The environment without the report's BENCH_* settings, which mean other things to the other benchmarks. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('BENCH_')) env[k] = v;
  return { ...env, ...extra };
}

/** Runs a node script (or tsc) from the repository root, echoing its output indented; fails on a non-zero exit or the time limit. */
export function runNode(root: string, args: string[], env: NodeJS.ProcessEnv, label: string, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      let partial = '';
      stream.on('data', (chunk: Buffer) => {
        const lines = (partial + chunk.toString()).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          log(`    ${label} | ${line}`);
          tail.push(line);
          if (tail.length > 20) tail.shift();
        }
      });
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIME_LIMIT_MS);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit code ${code}`}):\n${tail.join('\n')}`));
    });
  });
}

function compile(root: string, project: string, log: (line: string) => void): Promise<void> {
  return runNode(root, [require.resolve('typescript/bin/tsc'), '-p', project], childEnv(), 'tsc', log);
}

interface KitJson {
  ratio_rps_c50: number | null;
  ratio_rps_c1: number | null;
  target: { ratio_rps_c50: number };
  cells: KitCell[];
  settings: { warmup_s: number; measured_s: number; rounds: number };
  date: string;
}

export async function kitSection(root: string, fresh: boolean, log: (line: string) => void): Promise<KitSection> {
  await compile(root, 'bench/kit', log);
  // The kit benchmark names its committed results after the Node major: kit.json on Node 20, kit-node<N>.json otherwise.
  const major = process.versions.node.split('.')[0];
  const committedPath = path.join(root, 'bench/results', major === '20' ? 'kit.json' : `kit-node${major}.json`);
  const committedBefore = existsSync(committedPath) ? (JSON.parse(readFileSync(committedPath, 'utf8')) as KitJson) : undefined;
  // A short run sets BENCH_SAMPLER_ARG to the default explicitly: the kit benchmark then counts it
  // as an experiment and writes bench/kit/dist/last.json instead of the committed kit.json.
  const env = fresh ? childEnv() : childEnv({ ...SHORT_KIT, BENCH_SAMPLER_ARG: '0.1' });
  await runNode(root, ['bench/kit/dist/run.js'], env, 'kit', log);
  const out = JSON.parse(readFileSync(fresh ? committedPath : path.join(root, 'bench/kit/dist/last.json'), 'utf8')) as KitJson;
  const command = fresh ? 'npm run bench:kit' : `${Object.entries(SHORT_KIT).map(([k, v]) => `${k}=${v}`).join(' ')} BENCH_SAMPLER_ARG=0.1 node bench/kit/dist/run.js (run by npm run bench)`;
  return {
    source: 'this run',
    command,
    date: out.date,
    settings: { rounds: out.settings.rounds, warmup_s: out.settings.warmup_s, measured_s: out.settings.measured_s },
    ratioRpsC50: out.ratio_rps_c50,
    ratioRpsC1: out.ratio_rps_c1,
    cells: out.cells.map((c) => ({ variant: c.variant, concurrency: c.concurrency, rps: c.rps, p50Ms: c.p50Ms, p99Ms: c.p99Ms, cpuUsPerCall: c.cpuUsPerCall, errors: c.errors })),
    target: { what: 'kit/bare throughput, 50 calls in flight', target: `≥ ${out.target.ratio_rps_c50}`, value: out.ratio_rps_c50, pass: out.ratio_rps_c50 === null ? null : out.ratio_rps_c50 >= out.target.ratio_rps_c50 },
    ...(!fresh && committedBefore ? { committed: { date: committedBefore.date, ratioRpsC50: committedBefore.ratio_rps_c50, ratioRpsC1: committedBefore.ratio_rps_c1 } } : {}),
  };
}

/** Reads a target such as ">= 1.5" or "<= 100" and checks a value against it. */
export function checkTarget(what: string, target: string, value: number | null | undefined): TargetCheck {
  const m = /^\s*(>=|<=|≥|≤)\s*([\d.]+)\s*$/.exec(target);
  if (!m) throw new Error(`cannot read the target "${target}" of ${what}`);
  const atLeast = m[1] === '>=' || m[1] === '≥';
  const limit = Number(m[2]);
  const v = value === undefined || value === null || !Number.isFinite(value) ? null : value;
  return { what, target: `${atLeast ? '≥' : '≤'} ${limit}`, value: v, pass: v === null ? null : atLeast ? v >= limit : v <= limit };
}

const EVENTSTORE_FIGURES: Record<string, string> = {
  append_c16_inproc_vs_emmett: 'appends/s at 16 writers, in-process ÷ Emmett',
  append_c16_grpc_vs_emmett: 'appends/s at 16 writers, over gRPC ÷ Emmett',
  append_c1_inproc_vs_emmett: 'appends/s at 1 writer, in-process ÷ Emmett',
  append_c16x10_inproc_vs_emmett: 'events/s at 16 writers × 10 events, in-process ÷ Emmett',
  catchup_grpc_events_per_s: 'catch-up over gRPC (paged ReadAll), events/s',
  catchup_grpc_subscribe_events_per_s: 'catch-up over gRPC (Subscribe), events/s',
  lag_p99_ms: 'subscription lag p99 at 1000 events/s, ms',
};

export async function eventStoreSection(root: string, fresh: boolean, log: (line: string) => void): Promise<EventStoreSection | { missing: string }> {
  const file = path.join(root, 'bench/results/eventstore.json');
  if (fresh) {
    await compile(root, 'bench/eventstore', log);
    await runNode(root, ['bench/eventstore/dist/bench/eventstore/run.js'], childEnv(), 'eventstore', log);
  }
  if (!existsSync(file)) return { missing: 'bench/results/eventstore.json does not exist: run npm run bench -- --fresh (or npm run bench:eventstore)' };
  const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { generated_at: string; targets: Record<string, string> };
  const num = (k: string): number | null => (typeof json[k] === 'number' && Number.isFinite(json[k]) ? (json[k] as number) : null);
  const figures: Record<string, number | null> = {};
  for (const k of Object.keys(EVENTSTORE_FIGURES)) figures[k] = num(k);
  return {
    source: fresh ? 'this run' : 'committed',
    command: fresh ? 'npm run bench -- --fresh (which runs npm run bench:eventstore)' : 'npm run bench:eventstore',
    date: json.generated_at,
    ageDays: Math.round(((Date.now() - Date.parse(json.generated_at)) / 86_400_000) * 10) / 10,
    figures,
    targets: Object.entries(json.targets).map(([k, t]) => checkTarget(EVENTSTORE_FIGURES[k] ?? k, t, num(k))),
  };
}

export const eventStoreFigureNames = EVENTSTORE_FIGURES;
