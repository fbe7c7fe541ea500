// `npm start`: builds (done by the npm script), starts the suite, prints where it is, and drains
// every service on Ctrl-C.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startStack, StackError } from './stack';

const HELP = `Usage: npm start -- [options]
  --only a,b           start only these services
  --postgres URL       use this PostgreSQL server (a database per service) instead of PGlite
  --data-dir DIR       keep PGlite data on disk under DIR (default: in memory)
  --random-ports       pick free ports instead of the topology's
  --status-file FILE   write the started processes and ports as JSON once all are SERVING
  --start-timeout S    seconds every service has to answer SERVING (default 120)
  --optimize-wasm      embedded databases: let V8 optimize PGlite's WebAssembly (slower start,
                       more memory, about 20 % less CPU per query under sustained load)
  --help`;

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        only: { type: 'string' },
        postgres: { type: 'string' },
        'data-dir': { type: 'string' },
        'random-ports': { type: 'boolean', default: false },
        'status-file': { type: 'string' },
        'start-timeout': { type: 'string' },
        'optimize-wasm': { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    process.stderr.write(`mercato: ${(err as Error).message}\n${HELP}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (args.postgres && !/^postgres(ql)?:\/\//.test(args.postgres)) {
    process.stderr.write('mercato: --postgres must be a postgres:// URL\n');
    process.exit(2);
  }
  let startTimeoutMs: number | undefined;
  if (args['start-timeout'] !== undefined) {
    const seconds = Number(args['start-timeout']);
    if (!/^\d+(\.\d+)?$/.test(args['start-timeout']) || seconds <= 0 || seconds > 3600) {
      process.stderr.write('mercato: --start-timeout must be a number of seconds between 0 and 3600\n');
      process.exit(2);
    }
    startTimeoutMs = Math.round(seconds * 1000);
  }
  // Ctrl-C during start-up stops the services already spawned; after it, drains them all.
  const startup = new AbortController();
  let onSignal = (signal: string): void => {
    process.stdout.write(`\nmercato: ${signal} during start-up: stopping the services started so far...\n`);
    startup.abort();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  const t0 = Date.now();
  let stack;
  try {
    stack = await startStack({
      signal: startup.signal,
      ...(startTimeoutMs !== undefined ? { startTimeoutMs } : {}),
      ...(args.only ? { only: args.only.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      ...(args.postgres ? { postgres: args.postgres } : {}),
      ...(args['data-dir'] ? { dataDir: args['data-dir'] } : {}),
      randomPorts: args['random-ports'],
      optimizeWasm: args['optimize-wasm'],
    });
  } catch (err) {
    process.stderr.write(`mercato: ${err instanceof StackError ? err.message : (err as Error).stack}\n`);
    process.exit(startup.signal.aborted ? 130 : 1);
  }
  if (args['status-file']) writeFileSync(args['status-file'], JSON.stringify({ processes: stack.processes }, null, 2));
  const rows = stack.processes.map((p) => `  ${p.name.padEnd(16)} ${p.grpcPort ? `grpc 127.0.0.1:${p.grpcPort}` : p.httpPort ? `http://127.0.0.1:${p.httpPort}` : ''}`.padEnd(44) + `metrics http://127.0.0.1:${p.metricsPort}/metrics`);
  const gateway = stack.processes.find((p) => p.name === 'gateway');
  process.stdout.write(
    `\nmercato: ${stack.processes.length} services SERVING in ${((Date.now() - t0) / 1000).toFixed(1)} s\n${rows.join('\n')}\n` +
      (gateway?.httpPort ? `\n  storefront  http://127.0.0.1:${gateway.httpPort}/\n  JSON API    http://127.0.0.1:${gateway.httpPort}/api/\n` : `\n  (no gateway yet: call the services over gRPC, e.g. grpcurl -plaintext 127.0.0.1:${stack.processes[0]?.grpcPort} list)\n`) +
      `\nCtrl-C stops everything.\n`,
  );
  stack.onExit((name, code, signal) => process.stderr.write(`mercato: ${name} exited (${signal ?? `code ${code}`}); the others keep running\n`));
  let stopping = false;
  const running = stack;
  onSignal = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nmercato: ${signal}: draining ${running.processes.length} services...\n`);
    void running.stop().then(() => {
      process.stdout.write('mercato: stopped\n');
      process.exit(0);
    });
  };
}

void main();
