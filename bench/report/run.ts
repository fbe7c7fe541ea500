// The benchmark report: kit vs bare grpc-js, event store vs Emmett, start-up of `npm start`,
// checkouts at fixed arrival rates on the embedded default and on PostgreSQL (throughput,
// latency, CPU per checkout over the whole suite, capacity per core, projection lag, memory),
// each against its target. Prints the tables, writes bench/results/REPORT.md and report.json.
//
//   npm run bench                 (options: npm run bench -- --help)
//
// Parts run one after the other, never two loads at once, so they do not disturb each other.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBackend } from './load';
import { OptionError, parseOptions, USAGE, type ReportOptions } from './options';
import { eventStoreSection, kitSection } from './peers';
import { checkoutTable, loadCommand, markdown, targetRows, targetsTable, type Report } from './render';
import { measureStartup } from './startup';

// Compiled to bench/report/dist/bench/report/run.js: the repository root is five levels up.
const ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const OUT_DIR = path.join(ROOT, 'bench', 'results');

const log = (line: string) => console.log(line);

/** Runs one part; a part that throws is reported as failed and the others still run. */
async function part<T>(name: string, fn: () => Promise<T>): Promise<T | { failed: string }> {
  const t0 = performance.now();
  log(`${name}…`);
  try {
    const out = await fn();
    log(`${name}: done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    return out;
  } catch (err) {
    const message = (err as Error).message;
    log(`${name}: FAILED: ${message}`);
    return { failed: message.split('\n')[0]! };
  }
}

async function main(options: ReportOptions): Promise<number> {
  const began = performance.now();
  const loadAtStart = Math.round(loadavg()[0]! * 10) / 10;
  const has = (p: ReportOptions['parts'][number]) => options.parts.includes(p);
  log(`benchmark report: parts ${options.parts.join(', ')}; rates ${options.rates.join(', ')}/s × ${options.seconds} s on ${options.backends.join(', ')}${options.fresh ? '; fresh peer benchmarks' : ''}`);
  const kit = has('kit') ? await part('kit vs bare grpc-js', () => kitSection(ROOT, options.fresh, log)) : null;
  const eventstore = has('eventstore') ? await part('event store vs Emmett', () => eventStoreSection(ROOT, options.fresh, log)) : null;
  const startup = has('startup') ? await part('start-up of npm start', () => measureStartup(ROOT, log)) : null;
  const checkout: Report['checkout'] = {};
  if (has('checkout')) for (const backend of options.backends) checkout[backend] = await part(`checkout load on ${backend}`, () => loadBackend(backend, options, log));

  const base = {
    generated_at: new Date().toISOString(),
    duration_s: Math.round((performance.now() - began) / 1000),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu_model: cpus()[0]?.model ?? 'unknown',
      platform: `${process.platform} ${process.arch}`,
      load_average: { start: loadAtStart, end: Math.round(loadavg()[0]! * 10) / 10 },
    },
    settings: options,
    command: `${loadCommand(options)}${options.fresh ? ' -- --fresh' : ''}`,
    kit,
    eventstore,
    startup,
    checkout,
  };
  const targets = targetRows(base);
  const report: Report = {
    ...base,
    targets,
    summary: { met: targets.filter((t) => t.pass === true).length, missed: targets.filter((t) => t.pass === false).length, not_measured: targets.filter((t) => t.pass === null).length },
  };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(OUT_DIR, 'REPORT.md'), markdown(report));

  log(`\n${targetsTable(targets)}\n`);
  for (const b of Object.values(checkout)) if ('steps' in b) log(`checkout on ${b.backend}:\n${checkoutTable(b)}\n`);
  log(
    `${report.summary.met} of ${targets.length} targets met, ${report.summary.missed} missed, ${report.summary.not_measured} not measured; ${report.duration_s} s ` +
      `(load average ${report.machine.load_average.start} → ${report.machine.load_average.end} on ${report.machine.cpus} cores).`,
  );
  log(`wrote bench/results/REPORT.md and bench/results/report.json`);
  const failedParts = [kit, eventstore, startup, ...Object.values(checkout)].filter((p) => p && 'failed' in p).length;
  return failedParts ? 1 : 0;
}

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
let options: ReportOptions;
try {
  options = parseOptions(process.env, args);
} catch (err) {
  if (!(err instanceof OptionError)) throw err;
  console.error(`bench: ${err.message}\n${USAGE}`);
  process.exit(2);
}
main(options).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
