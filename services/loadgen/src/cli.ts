// `loadgen`: one load run from the command line against a gateway (by default the one `npm start`
// runs), then a table per scenario. Exit status 1 when any scenario failed unexpectedly.
import { parseArgs } from 'node:util';
import { DEFAULT_USERS, OptionError, checkRunOptions, type RunOptions } from './options';
import { parseWeightsJson, WeightsError, SCENARIOS } from './mix';
import { renderReport } from './report';
import { LoadRun } from './run';

export const DEFAULT_URL = 'http://127.0.0.1:8080';

export const HELP = `Usage: loadgen [options]
  --url URL            the gateway's base URL (default ${DEFAULT_URL}, the one \`npm start\` runs)
  --rate N             scenarios started per second once ramped up (default 5)
  --ramp SECONDS       linear ramp from 0 to the rate (default 5)
  --duration SECONDS   length of the run; 0 runs until Ctrl-C (default 60)
  --weights JSON       scenario weights over the defaults, e.g. '{"checkout":3,"browse":0}'
  --users N            synthetic shoppers signed up at the start (default ${DEFAULT_USERS})
  --seed N             seed of the shoppers' choices, for a reproducible mix (default: random)
  --max-inflight N     scenarios in flight at most; later starts are dropped and counted
  --timeout MS         timeout of each request (default 10000)
  --help
Scenarios (default weight): ${SCENARIOS.map((s) => `${s.name} (${s.defaultWeight})`).join(', ')}.
Ctrl-C stops the run and waits for scenarios in flight; a second Ctrl-C cuts them short.`;

export type CliCommand = { help: true } | { help: false; options: RunOptions };

/** Parses and checks the command line; throws OptionError naming the option. */
export function parseCliArgs(argv: string[]): CliCommand {
  let values;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string', default: DEFAULT_URL },
        rate: { type: 'string', default: '5' },
        ramp: { type: 'string', default: '5' },
        duration: { type: 'string', default: '60' },
        weights: { type: 'string' },
        users: { type: 'string' },
        seed: { type: 'string' },
        'max-inflight': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (err) {
    throw new OptionError('arguments', (err as Error).message);
  }
  if (values.help) return { help: true };
  let weights: Iterable<[string, unknown]> | undefined;
  if (values.weights !== undefined) {
    try {
      const merged = parseWeightsJson(values.weights, '--weights');
      weights = Object.entries(merged);
    } catch (err) {
      if (err instanceof WeightsError) throw new OptionError(err.field, err.message.slice(err.field.length + 2));
      throw err;
    }
  }
  const options = checkRunOptions(
    {
      targetUrl: values.url,
      rate: values.rate,
      rampSeconds: values.ramp,
      durationSeconds: values.duration,
      ...(weights ? { weights } : {}),
      ...(values.users !== undefined ? { users: values.users } : {}),
      ...(values.seed !== undefined ? { seed: values.seed } : {}),
      ...(values['max-inflight'] !== undefined ? { maxInflight: values['max-inflight'] } : {}),
      ...(values.timeout !== undefined ? { requestTimeoutMs: values.timeout } : {}),
    },
    { targetUrl: '--url', rate: '--rate', rampSeconds: '--ramp', durationSeconds: '--duration', weights: '--weights', users: '--users', seed: '--seed', maxInflight: '--max-inflight', requestTimeoutMs: '--timeout' },
  );
  return { help: false, options };
}

function progress(run: LoadRun): string {
  const rows = run.stats.summary();
  const sum = (f: (s: (typeof rows)[number]) => number): number => rows.reduce((n, s) => n + f(s), 0);
  return `loadgen: ${run.state} · target ${run.targetRate().toFixed(1)}/s · achieved ${run.achievedRate().toFixed(1)}/s · in flight ${run.inflight} · ok ${sum((s) => s.counts.ok)} · expected ${sum((s) => s.counts.expected_failure)} · rate-limited ${sum((s) => s.counts.rate_limited)} · unexpected ${sum((s) => s.counts.unexpected_error)} · dropped ${sum((s) => s.counts.dropped)}`;
}

async function main(): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof OptionError)) throw err;
    process.stderr.write(`loadgen: ${err.message}\n\n${HELP}\n`);
    process.exit(2);
  }
  if (command.help) {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const log = {
    info: () => undefined,
    warn: (obj: object, msg: string) => process.stderr.write(`loadgen: ${msg}${'err' in obj ? `: ${String(obj.err)}` : ''}\n`),
  };
  // A gateway that is not there fails the run after a few tries rather than waiting forever.
  const run = new LoadRun(command.options, { log, prepareAttempts: 4 });
  let interrupts = 0;
  process.on('SIGINT', () => {
    interrupts++;
    if (interrupts === 1) {
      process.stderr.write('\nloadgen: stopping; waiting for scenarios in flight (Ctrl-C again to cut them short)\n');
      run.stop();
    } else run.abort();
  });
  process.stderr.write(`loadgen: signing up ${command.options.users} shoppers at ${command.options.targetUrl}...\n`);
  const ticker = setInterval(() => process.stderr.write(`${progress(run)}\n`), 10_000);
  const report = await run.done;
  clearInterval(ticker);
  process.stdout.write(`${renderReport(report)}\n`);
  process.exit(report.failure || report.unexpectedErrors > 0 ? 1 : 0);
}

if (require.main === module) void main();
