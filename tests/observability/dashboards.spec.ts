// The dashboards against real data: the whole stack (every service its own process, random ports),
// loadgen shopping through the gateway, a real Prometheus (Debian's package) scraping every service
// every second with the generated rules loaded. Every panel query of every generated dashboard runs
// through Prometheus' HTTP API and must parse and return data; a panel declared "data only on
// incidents" must return data once its fault is injected (FAULTS_FILE of the service). The
// scraped series are checked against the telemetry contract too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack, type Stack } from '@mercato/runner';
import { loadTopology } from '@mercato/topology';
import { dashboardDefs, DASHBOARDS_DIR, emitters, loadTelemetry, numberedPanels, RULES_FILE, type FaultPlan, type PanelDef } from '@mercato/observability';
import { postgresIfAvailable, type StackDatabases } from '../support/suite';
import { describeWhenReady, findPrometheus, missingBuilds, Prometheus, repoRoot, until } from './support';

const topology = loadTopology();
const contract = loadTelemetry();
const names = topology.services.map((s) => s.name);
const prometheusBinary = findPrometheus();
const missing = [
  ...missingBuilds(names).map((n) => `services/${n}/dist/main.js (npm run build)`),
  ...(prometheusBinary ? [] : ['/usr/bin/prometheus (apt-get install prometheus)']),
];

/** What Grafana would put in for the built-in variables. */
const RATE_INTERVAL = '10s';
const RANGE = '10m';

interface Panel extends PanelDef {
  id: number;
  dashboard: string;
  exprs: string[];
}

/** The panels as shipped (the chart's JSON), with what the definitions say about them. */
function shippedPanels(): Panel[] {
  const out: Panel[] = [];
  for (const def of dashboardDefs(topology)) {
    const json = JSON.parse(readFileSync(path.join(repoRoot, DASHBOARDS_DIR, `${def.uid}.json`), 'utf8')) as { panels: Array<{ id: number; type: string; targets?: Array<{ expr: string }> }> };
    const byId = new Map(json.panels.map((p) => [p.id, p]));
    for (const p of numberedPanels(def)) {
      const shipped = byId.get(p.id);
      if (!shipped?.targets?.length) throw new Error(`${def.uid}: panel ${p.id} (${p.title}) has no queries in the JSON`);
      out.push({ ...p, dashboard: def.uid, exprs: shipped.targets.map((t) => t.expr) });
    }
  }
  return out;
}

const substitute = (expr: string, service?: string): string =>
  expr.replaceAll('$__rate_interval', RATE_INTERVAL).replaceAll('$__range', RANGE).replaceAll('$namespace', '.*').replaceAll('$service', service ?? '');

describeWhenReady('dashboards against a real Prometheus', missing, () => {
  let dir = '';
  let stack: Stack | undefined;
  let sentinel: Stack | undefined;
  let prom: Prometheus | undefined;
  let databases: StackDatabases | undefined;
  const logs: string[] = [];
  const faultFiles = new Map<string, string>();
  const panels = shippedPanels();
  let services: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'mercato-dashboards-'));
    for (const n of names) {
      const f = path.join(dir, `${n}-faults.json`);
      writeFileSync(f, JSON.stringify({ rules: [] }));
      faultFiles.set(n, f);
    }
    const serviceEnv: Record<string, Record<string, string>> = Object.fromEntries(names.map((n) => [n, { FAULTS_FILE: faultFiles.get(n)! }]));
    Object.assign(serviceEnv.gateway!, { RATE_LIMIT_CHECKOUT_PER_MINUTE: '100000', RATE_LIMIT_SIGNIN_PER_MINUTE: '100000', COOKIE_SECURE: 'false' });
    Object.assign(serviceEnv.loadgen!, { LOADGEN_RATE: '8', LOADGEN_RAMP_SECONDS: '2', LOADGEN_WEIGHTS: JSON.stringify({ checkout: 3, view_orders: 1 }) });
    Object.assign(serviceEnv.orders!, { ORDERS_STEP_ATTEMPTS: '3', ORDERS_STEP_BACKOFF_MS: '50' });
    Object.assign(serviceEnv.inventory!, { INVENTORY_INITIAL_STOCK: '100000' });
    Object.assign(serviceEnv.shipping!, { SHIPPING_TRACKING_STEP_SECONDS: '1' });
    const output = (line: string) => {
      logs.push(line);
      if (logs.length > 400) logs.shift();
    };
    const env = { LOG_LEVEL: 'warn', SHUTDOWN_GRACE_MS: '500', BREAKER_VOLUME_THRESHOLD: '5' };
    // On the local PostgreSQL when it answers: the panels read the same series on either backend.
    databases = await postgresIfAvailable('dash');
    stack = await startStack({ randomPorts: true, only: names.filter((n) => n !== 'sentinel'), env, serviceEnv, output, startTimeoutMs: 120_000, ...databases.options });
    // Sentinel reads the services' metrics on the stack's random ports.
    const targets = stack.processes.map((p) => `${p.name}=127.0.0.1:${p.metricsPort}`).join(',');
    sentinel = await startStack({ randomPorts: true, only: ['sentinel'], env, serviceEnv: { sentinel: { ...serviceEnv.sentinel!, SENTINEL_TARGETS: targets, SENTINEL_SCRAPE_INTERVAL_SECONDS: '1' } }, output, startTimeoutMs: 60_000 });
    const processes = [...stack.processes, ...sentinel.processes];
    services = processes.map((p) => p.name).sort();
    prom = await Prometheus.start(prometheusBinary!, processes.map((p) => ({ job: p.name, port: p.metricsPort })), [path.join(repoRoot, RULES_FILE)]);
    // Shoppers at work: checkouts finish and the projection follows.
    await until('checkouts in Prometheus', async () => ((await prom!.query('sum(mercato_checkouts_total{outcome="confirmed"}) > 0')).length ? true : undefined), 150_000, 1_000);
  }, 420_000);

  afterAll(async () => {
    await prom?.stop();
    await sentinel?.stop();
    await stack?.stop();
    await databases?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  const diagnostics = (): string => `\n--- last service log lines (loadgen's left out) ---\n${logs.filter((l) => !l.includes('loadgen')).slice(-30).join('\n')}`;

  /** Queries (per service value on the per-service dashboard) that have shown data at least once. */
  const seen = new Set<string>();

  /** Per-service panels run once per service; the rest once. Resolves to the queries without data so far. */
  async function empty(panel: Panel): Promise<string[]> {
    const values = panel.dashboard === 'mercato-service' ? services : [undefined];
    const failures: string[] = [];
    // A slow incident (minutes of trend) cannot be staged here: its series must exist, unfiltered.
    const exprs = panel.incident?.slow ? panel.exprs.map((e) => e.replace(/\s*>\s*0$/, '')) : panel.exprs;
    for (const expr of exprs) {
      for (const v of values) {
        const key = `${panel.dashboard}|${expr}|${v ?? ''}`;
        // Throws on a parse or evaluation error: that fails the test with Prometheus' message.
        if (!seen.has(key) && (await prom!.query(substitute(expr, v))).length > 0) seen.add(key);
      }
      const withData = values.filter((v) => seen.has(`${panel.dashboard}|${expr}|${v ?? ''}`));
      // Runtime panels must show every service; the others at least one (gRPC panels have no
      // gateway data, HTTP panels only the gateway's, stream panels only services with streams).
      const enough = panel.dashboard === 'mercato-service' && panel.only === undefined ? withData.length === values.length : withData.length > 0;
      if (!enough) failures.push(`${panel.dashboard} "${panel.title}": no data for ${values.filter((v) => !withData.includes(v)).join(', ') || 'the query'}: ${expr}`);
    }
    return failures;
  }

  /** Polls until every panel of the list has shown data (each one at some point), or the time is up. */
  async function awaitData(list: Panel[], timeoutMs: number): Promise<string[]> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const failures: string[] = [];
      for (const p of list) failures.push(...(await empty(p)));
      if (failures.length === 0 || Date.now() > end) return failures;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  test('Prometheus scrapes every service, and loads and evaluates the generated rules', async () => {
    const targets = await prom!.api<{ activeTargets: Array<{ labels: { job: string }; health: string; lastError: string }> }>('/api/v1/targets');
    expect(targets.activeTargets.map((t) => t.labels.job).sort()).toEqual(names.slice().sort());
    await until('every target up', async () => ((await prom!.api<{ activeTargets: Array<{ health: string }> }>('/api/v1/targets')).activeTargets.every((t) => t.health === 'up') ? true : undefined), 20_000);
    const rules = await prom!.api<{ groups: Array<{ name: string; rules: Array<{ name: string; health: string; lastError?: string }> }> }>('/api/v1/rules');
    expect(rules.groups.length).toBeGreaterThan(names.length);
    const broken = rules.groups.flatMap((g) => g.rules.filter((r) => r.health !== 'ok').map((r) => `${g.name}/${r.name}: ${r.health} ${r.lastError ?? ''}`));
    expect(broken).toEqual([]);
  });

  test('every series Prometheus scraped is in the telemetry contract, and each service exports what the contract lists for it', async () => {
    const problems: string[] = [];
    for (const service of services) {
      const meta = await prom!.api<Array<{ metric: string; type: string }>>(`/api/v1/targets/metadata?match_target=${encodeURIComponent(`{job="${service}"}`)}`);
      const exported = new Map(meta.map((m) => [m.metric, m.type]));
      for (const [metric, type] of exported) {
        const c = contract.metrics.get(metric);
        if (!c) problems.push(`${service}: exports ${metric} (${type}), not in telemetry.yaml`);
        else {
          if (c.type !== type) problems.push(`${service}: ${metric} is a ${type}, telemetry.yaml says ${c.type}`);
          if (!emitters(c.services, topology).includes(service)) problems.push(`${service}: exports ${metric}, telemetry.yaml does not list it as an exporter`);
        }
      }
      for (const c of contract.metrics.values()) if (emitters(c.services, topology).includes(service) && !exported.has(c.name)) problems.push(`${service}: does not export ${c.name}`);
    }
    // Labels of every series (target labels job and instance come from Prometheus).
    const series = await prom!.api<Array<Record<string, string>>>(`/api/v1/series?${new URLSearchParams({ 'match[]': `{job=~"${names.join('|')}"}` }).toString()}`);
    for (const s of series) {
      const name = s.__name__!;
      // Prometheus' own series: target health, recorded SLO series, alert states.
      if (name === 'up' || name.startsWith('scrape_') || name.includes(':') || name.startsWith('ALERTS')) continue;
      const base = contract.metrics.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
      const c = contract.metrics.get(base);
      if (!c) {
        problems.push(`${s.job}: series ${name} not in telemetry.yaml`);
        continue;
      }
      const allowed = new Set([...c.labels, ...contract.defaultLabels, '__name__', 'job', 'instance', ...(name.endsWith('_bucket') ? ['le'] : [])]);
      for (const l of Object.keys(s)) if (!allowed.has(l)) problems.push(`${s.job}: ${name} has the undeclared label ${l}`);
    }
    expect([...new Set(problems)]).toEqual([]);
  }, 120_000);

  test('every panel query parses and returns data under normal load', async () => {
    const normal = panels.filter((p) => !p.incident);
    expect(normal.length).toBeGreaterThan(40);
    const failures = await awaitData(normal, 120_000);
    expect(failures.length ? failures.join('\n') + diagnostics() : '').toBe('');
  }, 240_000);

  test('panels declared "data only on incidents" parse, and show data once their fault is injected', async () => {
    const incident = panels.filter((p) => p.incident);
    expect(incident.length).toBeGreaterThan(5);
    // One phase per distinct set of faults, undone before the next.
    const phases = new Map<string, { faults: FaultPlan[]; panels: Panel[] }>();
    for (const p of incident) {
      const key = JSON.stringify(p.incident!.faults);
      const phase = phases.get(key) ?? { faults: p.incident!.faults, panels: [] };
      phase.panels.push(p);
      phases.set(key, phase);
    }
    const failures: string[] = [];
    for (const { faults, panels: list } of phases.values()) {
      for (const p of list) for (const expr of p.exprs) await prom!.query(substitute(expr, 'orders')); // parses, before the fault too
      const byService = new Map<string, object[]>();
      for (const { service, ...rule } of faults) byService.set(service, [...(byService.get(service) ?? []), rule]);
      for (const [service, rules] of byService) writeFileSync(faultFiles.get(service)!, JSON.stringify({ rules }));
      try {
        failures.push(...(await awaitData(list, 120_000)));
      } finally {
        for (const service of byService.keys()) writeFileSync(faultFiles.get(service)!, JSON.stringify({ rules: [] }));
      }
      // Let breakers close and sagas settle before the next phase.
      await until('fault rules cleared', async () => ((await prom!.query('sum(mercato_faults_active) > 0')).length === 0 ? true : undefined), 30_000, 1_000);
    }
    expect(failures.length ? failures.join('\n') + diagnostics() : '').toBe('');
  }, 600_000);
});
