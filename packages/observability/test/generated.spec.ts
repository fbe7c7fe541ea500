// The generated dashboards and rules: current (drift), built only from metrics and labels of the
// telemetry contract, every service covered by an SLO, every alert with a runbook paragraph, and
// every incident panel with a fault the kit can inject.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseFaults } from '@mercato/kit';
import { loadTopology } from '@mercato/topology';
import {
  alertNames, dashboardDefs, isAlert, loadTelemetry, NO_SLO, numberedPanels, renderAll, ruleGroups, RUNBOOKS, SLOS,
} from '@mercato/observability';

const topology = loadTopology();
const contract = loadTelemetry();
const groups = ruleGroups(topology);
const defs = dashboardDefs(topology);
const recorded = new Set(groups.flatMap((g) => g.rules.flatMap((r) => ('record' in r ? [r.record] : []))));
/** Labels every series has besides its own: the kit's default label and Prometheus' target labels. */
const TARGET_LABELS = ['job', 'instance', 'namespace', ...contract.defaultLabels];

/** Metric selectors `name{matchers}` of a PromQL expression, with their label names. */
function selectors(expr: string): Array<{ name: string; labels: string[] }> {
  const out: Array<{ name: string; labels: string[] }> = [];
  const re = /([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{([^}]*)\}/g;
  for (let m = re.exec(expr); m; m = re.exec(expr)) {
    // Character classes like [{]id[}] inside label values are not selectors.
    if (expr[m.index - 1] === '"' || /[[\]]/.test(m[1]!)) continue;
    const labels = [...m[2]!.matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)/g)].map((l) => l[1]!);
    out.push({ name: m[1]!, labels });
  }
  return out;
}

/** Problems with one expression: unknown metrics or labels. */
function checkExpr(where: string, expr: string): string[] {
  const problems: string[] = [];
  for (const s of selectors(expr)) {
    if (s.name === 'up' || s.name === 'ALERTS') continue;
    if (recorded.has(s.name)) continue;
    let base = s.name;
    let extra: string[] = [];
    const hist = /^(.*)_(bucket|count|sum)$/.exec(s.name);
    if (!contract.metrics.has(base) && hist && contract.metrics.get(hist[1]!)?.type === 'histogram') {
      base = hist[1]!;
      extra = hist[2] === 'bucket' ? ['le'] : [];
    }
    const c = contract.metrics.get(base);
    if (!c) {
      problems.push(`${where}: ${s.name} is not in telemetry.yaml`);
      continue;
    }
    const allowed = new Set([...c.labels, ...TARGET_LABELS, ...extra]);
    for (const l of s.labels) if (!allowed.has(l)) problems.push(`${where}: ${s.name} has no label ${l}`);
  }
  return problems;
}

describe('generated files', () => {
  test('charts/mercato/dashboards and charts/mercato/rules are current (npm run gen:dashboards)', () => {
    for (const [rel, content] of renderAll(topology)) {
      const file = path.join(topology.root, rel);
      expect({ file: rel, content: existsSync(file) ? readFileSync(file, 'utf8') : '(missing)' }).toEqual({ file: rel, content });
    }
  });

  test('the selector parser finds metrics and labels (so the checks below mean something)', () => {
    expect(selectors('sum by (job) (rate(grpc_server_handled_total{namespace=~"$namespace", grpc_code=~"A|B"}[5m]))')).toEqual([{ name: 'grpc_server_handled_total', labels: ['namespace', 'grpc_code'] }]);
    expect(checkExpr('x', 'rate(grpc_server_handled_total{grpc_kode="OK"}[1m])')).toEqual(['x: grpc_server_handled_total has no label grpc_kode']);
    expect(checkExpr('x', 'mercato_checkout_total{}')).toEqual(['x: mercato_checkout_total is not in telemetry.yaml']);
  });
});

describe('dashboards', () => {
  test('six dashboards with unique uids: overview, per service, event store, resilience, business, AI', () => {
    expect(defs.map((d) => d.uid)).toEqual(['mercato-overview', 'mercato-service', 'mercato-eventstore', 'mercato-resilience', 'mercato-business', 'mercato-ai']);
    expect(defs.find((d) => d.uid === 'mercato-service')!.serviceVariable).toBe(true);
  });

  test('every panel query uses only metrics and labels of the telemetry contract (or recorded SLO series)', () => {
    const problems = defs.flatMap((d) => numberedPanels(d).flatMap((p) => p.queries.flatMap((q) => checkExpr(`${d.uid} "${p.title}"`, q.expr))));
    expect(problems).toEqual([]);
  });

  test('every incident panel names a fault the kit accepts, on a service of the topology', () => {
    for (const d of defs) {
      for (const p of numberedPanels(d).filter((x) => x.incident)) {
        expect(p.incident!.faults.length).toBeGreaterThan(0);
        for (const f of p.incident!.faults) {
          topology.get(f.service);
          const { service: _service, ...rule } = f;
          expect(parseFaults(JSON.stringify({ rules: [rule] }), `${d.uid} "${p.title}"`)).toHaveLength(1);
        }
        expect(p.description).not.toContain('Data only on incidents');
        // A slow incident is tested through its unfiltered query: the filter must be a final `> 0`.
        if (p.incident!.slow) for (const q of p.queries) expect(q.expr).toMatch(/ > 0$/);
      }
    }
  });

  test('panels that need a service name one of the topology; the JSON says which panels are incident-only or pending', () => {
    const files = renderAll(topology);
    for (const d of defs) {
      const json = JSON.parse(files.get(path.join('charts', 'mercato', 'dashboards', `${d.uid}.json`))!) as { panels: Array<{ id: number; type: string; description?: string; gridPos: { x: number; w: number } }> };
      const byId = new Map(json.panels.map((p) => [p.id, p]));
      expect(byId.size).toBe(json.panels.length);
      for (const p of numberedPanels(d)) {
        for (const s of p.needs ?? []) topology.get(s);
        const panel = byId.get(p.id)!;
        expect(panel.type).not.toBe('row');
        expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
        expect(panel.description!.includes('Data only on incidents')).toBe(p.incident !== undefined);
        expect(panel.description!.includes('Data only once')).toBe(p.needs !== undefined);
      }
    }
  });

  test('every dashboard links the public Istio and Linkerd dashboards and the other Mercato dashboards', () => {
    const files = renderAll(topology);
    for (const d of defs) {
      const json = JSON.parse(files.get(path.join('charts', 'mercato', 'dashboards', `${d.uid}.json`))!) as { links: Array<{ type: string; url?: string; tags?: string[] }>; tags: string[] };
      const urls = json.links.map((l) => l.url ?? '');
      expect(urls.some((u) => u.endsWith('/7639'))).toBe(true);
      expect(urls.some((u) => u.endsWith('/15474'))).toBe(true);
      expect(json.links.some((l) => l.type === 'dashboards' && l.tags?.includes('mercato'))).toBe(true);
      expect(json.tags).toContain('mercato');
    }
  });

  test('the AI panels use the metric names the AI helpers agreed on, marked as pending until they run', () => {
    const ai = numberedPanels(defs.find((d) => d.uid === 'mercato-ai')!);
    const used = new Set(ai.flatMap((p) => p.queries.flatMap((q) => selectors(q.expr).map((s) => s.name))));
    for (const m of ['mercato_risk_decisions_total', 'mercato_recommendations_served_total', 'mercato_assistant_answers_total', 'mercato_sentinel_predicted_breach']) expect(used).toContain(m);
    for (const p of ai) expect(p.needs?.length).toBeGreaterThan(0);
  });
});

describe('SLOs and alerts', () => {
  test('every service of the topology has an SLO, or a stated reason not to', () => {
    for (const s of topology.services) expect({ service: s.name, covered: SLOS.some((x) => x.service === s.name) || s.name in NO_SLO }).toEqual({ service: s.name, covered: true });
    for (const slo of SLOS) {
      topology.get(slo.service);
      expect(slo.availability).toBeGreaterThan(0.9);
      expect(slo.availability).toBeLessThan(1);
      expect(slo.latencyTarget).toBeLessThan(1);
      expect(slo.sli === 'http').toBe(topology.get(slo.service).ports.grpc === undefined);
    }
  });

  test('SLO latency bounds are bucket bounds of the histograms they are read from', () => {
    const kitBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    const gatewayBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    for (const slo of SLOS) expect({ service: slo.service, ok: (slo.sli === 'http' ? gatewayBuckets : kitBuckets).includes(slo.latencySeconds) }).toEqual({ service: slo.service, ok: true });
  });

  test('every rule expression uses only metrics and labels of the telemetry contract', () => {
    const problems = groups.flatMap((g) => g.rules.flatMap((r) => checkExpr(`${g.name} ${'record' in r ? r.record : r.alert}`, r.expr)));
    expect(problems).toEqual([]);
  });

  test('every alert has a severity, a summary and a runbook paragraph in docs/runbooks.md', () => {
    const runbooks = readFileSync(path.join(topology.root, RUNBOOKS), 'utf8');
    const headings = new Set([...runbooks.matchAll(/^## (\S+)$/gm)].map((m) => m[1]!));
    for (const g of groups) {
      for (const r of g.rules.filter(isAlert)) {
        expect(['critical', 'warning']).toContain(r.labels.severity);
        expect(r.annotations.summary.length).toBeGreaterThan(10);
        expect(r.annotations.runbook_url).toBe(`${RUNBOOKS}#${r.alert.toLowerCase()}`);
        expect({ alert: r.alert, documented: headings.has(r.alert) }).toEqual({ alert: r.alert, documented: true });
      }
    }
    // ...and no paragraph for an alert that no longer exists.
    expect([...headings].filter((h) => h.startsWith('Mercato')).sort()).toEqual(alertNames(groups));
  });
});
