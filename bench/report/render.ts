// The report as data: the targets checked against what was measured, and the Markdown of
// bench/results/REPORT.md (whose tables are also what `npm run bench` prints).
import type { BackendResult } from './load';
import type { ReportOptions } from './options';
import { checkTarget, eventStoreFigureNames, type EventStoreSection, type KitSection, type TargetCheck } from './peers';
import type { StartupResult } from './startup';

export const TARGETS = { startupSeconds: 20, rssUnderLoadMib: 1536, checkoutP99Ms: 250, checkoutP99AtRate: 20 };

export interface TargetRow extends TargetCheck {
  area: string;
  /** The command that produced the figure (and when, for committed results). */
  source: string;
  note?: string;
}

export type BackendOutcome = BackendResult | { backend: string; skipped: string };
export type Failed = { failed: string };

export interface Report {
  generated_at: string;
  duration_s: number;
  /** load_average: the machine's 1-minute load average when the run started and ended (other work on it shows here). */
  machine: { node: string; cpus: number; cpu_model: string; platform: string; load_average: { start: number; end: number } };
  settings: ReportOptions;
  command: string;
  targets: TargetRow[];
  summary: { met: number; missed: number; not_measured: number };
  kit: KitSection | Failed | null;
  eventstore: EventStoreSection | { missing: string } | Failed | null;
  startup: StartupResult | Failed | null;
  checkout: Record<string, BackendOutcome | Failed>;
}

const isFailed = (x: unknown): x is Failed => typeof x === 'object' && x !== null && 'failed' in x;
const ran = (b: BackendOutcome | Failed | undefined): b is BackendResult => !!b && !isFailed(b) && !('skipped' in b);

export function loadCommand(o: ReportOptions): string {
  return `BENCH_RATES=${o.rates.join(',')} BENCH_SECONDS=${o.seconds} BENCH_BACKENDS=${o.backends.join(',')} npm run bench`;
}

export function targetRows(r: Omit<Report, 'targets' | 'summary'>): TargetRow[] {
  const rows: TargetRow[] = [];
  const load = loadCommand(r.settings);
  if (r.kit && isFailed(r.kit)) rows.push({ area: 'kit vs bare grpc-js', what: 'kit/bare throughput, 50 calls in flight', target: '≥ 0.85', value: null, pass: null, source: 'npm run bench', note: `failed: ${r.kit.failed}` });
  else if (r.kit) rows.push({ area: 'kit vs bare grpc-js', ...r.kit.target, source: `${r.kit.command}, ${r.kit.date}` });
  if (r.eventstore && (isFailed(r.eventstore) || 'missing' in r.eventstore)) {
    const why = isFailed(r.eventstore) ? `failed: ${r.eventstore.failed}` : r.eventstore.missing;
    rows.push({ area: 'event store vs Emmett', what: 'its targets (bench/results/eventstore.json)', target: '—', value: null, pass: null, source: 'npm run bench:eventstore', note: why });
  } else if (r.eventstore) {
    const es = r.eventstore;
    for (const t of es.targets) rows.push({ area: 'event store vs Emmett', ...t, source: `${es.command}, ${es.date}${es.source === 'committed' ? ` (committed, ${es.ageDays} days old)` : ''}` });
  }
  if (r.startup) {
    const what = 'npm start to every service healthy, s';
    const source = 'npm run bench (times node packages/runner/dist/cli.js --random-ports, i.e. npm start after its build)';
    // Not starting at all misses the target as surely as starting slowly.
    if (isFailed(r.startup)) rows.push({ area: 'start-up', what, target: `≤ ${TARGETS.startupSeconds}`, value: null, pass: false, source, note: r.startup.failed });
    else rows.push({ area: 'start-up', ...checkTarget(what, `<= ${TARGETS.startupSeconds}`, r.startup.seconds), source });
  }
  for (const [backend, b] of Object.entries(r.checkout)) {
    const what = `total RSS of the suite under load (${backend}), MiB`;
    if (ran(b)) rows.push({ area: 'memory', ...checkTarget(what, `<= ${TARGETS.rssUnderLoadMib}`, b.peakRssMib), source: load });
    else rows.push({ area: 'memory', what, target: `≤ ${TARGETS.rssUnderLoadMib}`, value: null, pass: null, source: load, note: isFailed(b) ? `the run failed: ${b.failed}` : b.skipped });
  }
  const what = `PlaceOrder p99 at ${TARGETS.checkoutP99AtRate} checkouts/s on PostgreSQL, ms`;
  const pg = r.checkout.postgres;
  const step = ran(pg) ? pg.steps.find((s) => s.rate === TARGETS.checkoutP99AtRate) : undefined;
  if (!step) {
    const why = !r.settings.parts.includes('checkout')
      ? 'the checkout part was not run'
      : isFailed(pg)
        ? `the PostgreSQL run failed: ${pg.failed}`
        : pg && 'skipped' in pg
          ? `PostgreSQL skipped: ${pg.skipped}`
          : !ran(pg)
            ? 'PostgreSQL was not run'
            : `BENCH_RATES has no ${TARGETS.checkoutP99AtRate}`;
    rows.push({ area: 'checkout', what, target: `≤ ${TARGETS.checkoutP99Ms}`, value: null, pass: null, source: load, note: why });
  } else {
    const t = checkTarget(what, `<= ${TARGETS.checkoutP99Ms}`, step.placeOrderP99Ms);
    rows.push({
      area: 'checkout',
      ...t,
      pass: t.pass === null ? null : t.pass && step.sustained,
      source: load,
      ...(step.sustained ? {} : { note: `the rate was not sustained: ${step.notSustainedBecause.join('; ')}` }),
    });
  }
  return rows;
}

const dash = (v: number | null | undefined): string => (v === null || v === undefined || Number.isNaN(v) ? '—' : String(Math.round(v * 1000) / 1000));
const verdict = (p: boolean | null): string => (p === null ? 'not measured' : p ? 'PASS' : 'FAIL');

export function targetsTable(rows: TargetRow[]): string {
  return [
    '| area | what | target | measured | result | produced by |',
    '|---|---|---|---:|---|---|',
    ...rows.map((t) => `| ${t.area} | ${t.what} | ${t.target} | ${dash(t.value)} | **${verdict(t.pass)}**${t.note ? ` (${t.note})` : ''} | ${t.source} |`),
  ].join('\n');
}

/** What became of the orders PlaceOrder gave no final answer for. */
function lateNote(s: BackendResult['steps'][number]): string {
  const { confirmed, failed, notPlaced, unknown } = s.late;
  if (confirmed + failed + notPlaced + unknown === 0) return '';
  const parts = [`${confirmed} confirmed`, `${failed} failed`, `${notPlaced} never placed`, ...(unknown ? [`${unknown} unknown`] : [])];
  return ` (of those without a final answer, later: ${parts.join(', ')})`;
}

export function checkoutTable(b: BackendResult): string {
  const lines = [
    '| rate /s | started (dropped) | confirmed/s | confirmed · failed · pending · errors | PlaceOrder p50 / p99 ms | checkout p50 / p99 ms | CPU ms / checkout | checkouts per core-s | projection lag p50 / p99 ms (n) | peak RSS MiB | sustained |',
    '|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const s of b.steps) {
    lines.push(
      `| ${s.rate} | ${s.started} (${s.dropped}) | ${s.confirmedPerSecond} | ${s.confirmed} · ${s.failed} · ${s.pending} · ${s.errors}${lateNote(s)} | ` +
        `${dash(s.placeOrderP50Ms)} / ${dash(s.placeOrderP99Ms)} | ${dash(s.checkoutP50Ms)} / ${dash(s.checkoutP99Ms)} | ${dash(s.cpuMsPerCheckout)} | ${dash(s.capacityPerCore)} | ` +
        `${dash(s.lag.p50Ms)} / ${dash(s.lag.p99Ms)} (${s.lag.samples}${s.lag.notVisible ? `, ${s.lag.notVisible} not seen` : ''}) | ${s.peakRssMib} | ${s.sustained ? 'yes' : `**no**: ${s.notSustainedBecause.join('; ')}`} |`,
    );
  }
  return lines.join('\n');
}

function backendSection(name: string, b: BackendOutcome | Failed): string[] {
  const heading = `### ${name === 'pglite' ? 'Embedded default (PGlite)' : 'PostgreSQL'}`;
  if (isFailed(b)) return [heading, '', `Failed: ${b.failed}`, ''];
  if ('skipped' in b) return [heading, '', `Skipped: ${b.skipped}.`, ''];
  const errs = b.steps.flatMap((s) => Object.entries(s.errorKinds).slice(0, 3).map(([e, n]) => `${s.rate}/s: ${n} × ${e}`));
  const failures = b.steps.flatMap((s) => Object.entries(s.failures).map(([why, n]) => `${s.rate}/s: ${n} × ${why}`));
  return [
    heading,
    '',
    `${b.services} services started in ${b.startSeconds} s; idle: ${b.idle.rssMib} MiB RSS, ${b.idle.cpuCores} cores. ` +
      (b.warmup ? `Warm-up: ${b.warmup.seconds} s at ${b.warmup.rate}/s (${b.warmup.confirmed} confirmed, ${b.warmup.errors} errors), not counted.` : 'No warm-up.'),
    '',
    checkoutTable(b),
    '',
    `Over all rates: ${b.totals.confirmed} confirmed checkouts, **${dash(b.totals.cpuMsPerCheckout)} CPU ms per checkout** summed over the suite → **${dash(b.totals.capacityPerCore)} checkouts per core-second**; ` +
      `projection lag p50 ${dash(b.lag.p50Ms)} ms, p99 ${dash(b.lag.p99Ms)} ms (${b.lag.samples} orders${b.lag.notVisible ? `, ${b.lag.notVisible} not seen within 20 s` : ''}); peak RSS ${b.peakRssMib} MiB.`,
    '',
    `CPU ms per checkout by service: ${Object.entries(b.totals.cpuMsPerCheckoutByService).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${dash(v)}`).join(', ')}.`,
    ...(failures.length ? ['', `FAILED orders: ${failures.join('; ')}.`] : []),
    ...(errs.length ? ['', 'Errors (most frequent kinds per rate):', ...errs.map((e) => `- ${e.replace(/`/g, "'")}`)] : []),
    '',
  ];
}

export function markdown(r: Report): string {
  const o = r.settings;
  const out: string[] = [
    '# Mercato benchmark report',
    '',
    `${r.generated_at} · Node ${r.machine.node} · ${r.machine.cpus} × ${r.machine.cpu_model} · ${r.duration_s} s · \`${r.command}\``,
    '',
    `**${r.summary.met} of ${r.targets.length} targets met** (${r.summary.missed} missed, ${r.summary.not_measured} not measured). ` +
      `Figures are from one run; the machine's load average was ${r.machine.load_average.start} when it started and ${r.machine.load_average.end} when it ended ` +
      `(${r.machine.cpus} cores: ${Math.max(r.machine.load_average.start, r.machine.load_average.end) > r.machine.cpus ? 'other work was competing with the suite, so latency and throughput are worse than on an idle machine' : 'little else was running'}).`,
    '',
    '## Targets',
    '',
    targetsTable(r.targets),
    '',
    '## Kit vs bare grpc-js',
    '',
  ];
  if (!r.kit) out.push('Not run (BENCH_PARTS).', '');
  else if (isFailed(r.kit)) out.push(`Failed: ${r.kit.failed}`, '');
  else {
    const k = r.kit;
    out.push(
      `Echo over loopback, closed loop, server and client in their own processes; medians of ${k.settings.rounds} interleaved rounds of ${k.settings.warmup_s} s warm-up + ${k.settings.measured_s} s. Command: \`${k.command}\` (${k.date}).`,
      '',
      '| variant | in flight | calls/s | p50 ms | p99 ms | CPU µs / call | errors |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...k.cells.map((c) => `| ${c.variant} | ${c.concurrency} | ${c.rps} | ${c.p50Ms} | ${c.p99Ms} | ${c.cpuUsPerCall} | ${c.errors} |`),
      '',
      `kit ÷ bare throughput: ${dash(k.ratioRpsC50)} at 50 in flight (target ${k.target.target}), ${dash(k.ratioRpsC1)} at 1.` +
        (k.committed ? ` The committed full-length run (\`npm run bench:kit\`, ${k.committed.date}): ${dash(k.committed.ratioRpsC50)} at 50, ${dash(k.committed.ratioRpsC1)} at 1.` : ''),
      '',
    );
  }
  out.push('## Event store vs Emmett', '');
  if (!r.eventstore) out.push('Not run (BENCH_PARTS).', '');
  else if (isFailed(r.eventstore)) out.push(`Failed: ${r.eventstore.failed}`, '');
  else if ('missing' in r.eventstore) out.push(`Not available: ${r.eventstore.missing}.`, '');
  else {
    const es = r.eventstore;
    out.push(
      es.source === 'committed'
        ? `From the committed \`bench/results/eventstore.json\` of ${es.date} (${es.ageDays} days old), made by \`${es.command}\`; \`npm run bench -- --fresh\` runs it again (a few minutes). Details: \`bench/results/eventstore.md\`.`
        : `Run now by \`${es.command}\` (${es.date}). Details: \`bench/results/eventstore.md\`.`,
      '',
      '| figure | value |',
      '|---|---:|',
      ...Object.entries(es.figures).map(([key, v]) => `| ${eventStoreFigureNames[key] ?? key} | ${dash(v)} |`),
      '',
    );
  }
  out.push('## Start-up and memory', '');
  if (!r.startup) out.push('Start-up: not run (BENCH_PARTS).');
  else if (isFailed(r.startup)) out.push(`Start-up failed: ${r.startup.failed}`);
  else {
    const s = r.startup;
    out.push(
      `\`npm start\` (the runner after the build, \`--random-ports\`): ${s.services} services healthy in **${s.seconds} s** (target ≤ ${TARGETS.startupSeconds} s; the runner itself printed ${dash(s.runnerSeconds)} s), ` +
        `${s.rssMib} MiB RSS right after; Ctrl-C drained it in ${s.stopSeconds} s.`,
    );
  }
  const ranBackends = Object.values(r.checkout).filter(ran);
  if (ranBackends.length) {
    out.push('', '| backend | services | idle RSS MiB | idle CPU cores | peak RSS under load MiB (target ≤ 1536) |', '|---|---:|---:|---:|---:|');
    for (const b of ranBackends) out.push(`| ${b.backend} | ${b.services} | ${b.idle.rssMib} | ${b.idle.cpuCores} | ${b.peakRssMib} |`);
  }
  out.push('', '## Checkout at fixed arrival rates', '');
  out.push(
    `Open loop: at each rate, checkouts start on schedule for ${o.seconds} s whether or not earlier ones finished; each is a new customer filling a fresh cart (1–3 lines, AddItem) then PlaceOrder ` +
      `(10 s deadline; the whole checkout within 20 s). At most ${o.maxInFlight} are in flight: an arrival finding them all busy is dropped and counted. ` +
      '*confirmed/s*: CONFIRMED answers within the arrival window per second; *PlaceOrder* latency counts a failed call at the time it failed; *checkout* latency runs from the due time to the end (queueing, cart and PlaceOrder). ' +
      '*CPU ms / checkout*: utime + stime of every service process (from /proc) from the step’s start until the suite is quiet again (≤ 15 s after the last checkout), divided by the orders confirmed (orders PlaceOrder gave no final answer for are looked up afterwards, and count if they confirmed); *checkouts per core-second* = 1000 ÷ that. ' +
      '*Projection lag*: for about 4 confirmed orders a second, the time from the OrderConfirmed append (its created_at) to order-history’s GetOrderView showing it (polled every 50 ms). ' +
      'A rate counts as *sustained* when nothing was dropped, failed with an error or left PENDING, and no more than two seconds’ worth of checkouts were in flight when arrivals stopped. ' +
      'The suite runs every service as `npm start` does (on random ports; LOG_LEVEL=warn and 1,000,000 units of stock per product, as `npm run bench:checkout`; loadgen idle).',
    '',
  );
  if (!o.parts.includes('checkout')) out.push('Not run (BENCH_PARTS).', '');
  for (const [name, b] of Object.entries(r.checkout)) out.push(...backendSection(name, b));
  out.push(
    '## How to run',
    '',
    '`npm run bench` (10–12 minutes on 2 cores; prints the tables and writes `bench/results/REPORT.md` and `bench/results/report.json`). Options by environment: ' +
      '`BENCH_RATES` (default 5,10,20), `BENCH_SECONDS` per rate (20), `BENCH_WARMUP_SECONDS` (5), `BENCH_BACKENDS` (pglite,postgres), `BENCH_MAX_INFLIGHT` (100), `BENCH_PARTS` (kit,eventstore,startup,checkout); ' +
      '`BENCH_FRESH=1` or `npm run bench -- --fresh` also runs the kit benchmark at full length (rewriting `bench/results/kit.json`) and the event store benchmark (rewriting `bench/results/eventstore.json`). ' +
      'The command exits 0 when targets are missed (the report says so); it fails only when a benchmark could not run.',
    '',
  );
  return out.join('\n');
}
