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
  const t0 = Date.now();
  let stack;
  try {
    stack = await startStack({
      ...(args.only ? { only: args.only.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
      ...(args.postgres ? { postgres: args.postgres } : {}),
      ...(args['data-dir'] ? { dataDir: args['data-dir'] } : {}),
      randomPorts: args['random-ports'],
    });
  } catch (err) {
    process.stderr.write(`mercato: ${err instanceof StackError ? err.message : (err as Error).stack}\n`);
    process.exit(1);
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
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\nmercato: ${signal}: draining ${stack.processes.length} services...\n`);
    stack.stop().then(() => {
      process.stdout.write('mercato: stopped\n');
      process.exit(0);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

void main();
