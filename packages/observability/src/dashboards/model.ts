// Dashboards as data: each panel declares its queries and whether it shows data only on incidents
// (with the fault that provokes one, so the dashboards test can prove it) or only once a service
// that is not implemented yet runs. build() turns a definition into Grafana JSON with the Grafana
// Foundation SDK.
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as dashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as stat from '@grafana/grafana-foundation-sdk/stat';
import * as table from '@grafana/grafana-foundation-sdk/table';
import * as timeseries from '@grafana/grafana-foundation-sdk/timeseries';

/** A fault rule as the kit's FAULTS_FILE takes it, for one service. */
export interface FaultPlan {
  service: string;
  method: string;
  errorRate?: number;
  errorCode?: string;
  delayMs?: number;
}

export interface Incident {
  /** What happens in the system when the panel shows data (shown in the panel's description). */
  when: string;
  /** Faults that make it happen in the dashboards test. */
  faults: FaultPlan[];
  /**
   * Set when the incident takes longer to show than a test can wait (why): the dashboards test
   * then requires data from the query without its final `> 0` filter (the series exist) instead.
   */
  slow?: string;
}

export interface Query {
  expr: string;
  legend?: string;
}

export interface PanelDef {
  title: string;
  description: string;
  queries: Query[];
  viz?: 'timeseries' | 'stat' | 'table';
  unit?: string;
  width?: number;
  height?: number;
  stacked?: boolean;
  /** Shows data only during incidents (otherwise an empty panel is correct). */
  incident?: Incident;
  /** Fed by these services only: no data until they run (the AI helpers, loadgen). */
  needs?: string[];
  /** For the per-service dashboard: shows data only for services of this kind. */
  only?: 'grpc' | 'http' | 'client' | 'streams' | 'faults';
}

export interface RowDef {
  title: string;
  panels: PanelDef[];
}

export interface DashboardDef {
  uid: string;
  title: string;
  description: string;
  tags: string[];
  /** Adds the `service` template variable (values: every Mercato job). */
  serviceVariable?: boolean;
  rows: RowDef[];
  links: Array<{ title: string; url: string }>;
}

export const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };

/** Every query filters on this, so several releases in one Prometheus stay apart. */
export const NS = 'namespace=~"$namespace"';

function describe(p: PanelDef): string {
  const notes: string[] = [p.description];
  if (p.incident) notes.push(`Data only on incidents: ${p.incident.when}.`);
  if (p.needs?.length) notes.push(`Data only once ${p.needs.join(' and ')} ${p.needs.length > 1 ? 'run' : 'runs'}.`);
  return notes.join('\n\n');
}

function targets(p: PanelDef): prometheus.DataqueryBuilder[] {
  return p.queries.map((q, i) => {
    const b = new prometheus.DataqueryBuilder().expr(q.expr).refId(String.fromCharCode(65 + i)).range();
    return q.legend !== undefined ? b.legendFormat(q.legend) : b;
  });
}

function panel(p: PanelDef, id: number, pos: { x: number; y: number; w: number; h: number }) {
  const setup = <T extends { id(n: number): T; title(s: string): T; description(s: string): T; datasource(d: { type: string; uid: string }): T; gridPos(g: { x: number; y: number; w: number; h: number }): T; withTarget(t: prometheus.DataqueryBuilder): T; unit(u: string): T }>(b: T): T => {
    let out = b.id(id).title(p.title).description(describe(p)).datasource(DATASOURCE).gridPos(pos);
    for (const t of targets(p)) out = out.withTarget(t);
    return p.unit ? out.unit(p.unit) : out;
  };
  switch (p.viz ?? 'timeseries') {
    case 'stat':
      return setup(new stat.PanelBuilder());
    case 'table':
      return setup(new table.PanelBuilder());
    case 'timeseries': {
      const b = setup(new timeseries.PanelBuilder()).lineWidth(1).fillOpacity(10);
      return p.stacked ? b.stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal)) : b;
    }
  }
}

/** The panels of a dashboard in order, with the id build() gives each. */
export function numberedPanels(def: DashboardDef): Array<PanelDef & { id: number; row: string }> {
  let id = 0;
  return def.rows.flatMap((r) => {
    id++; // the row's own id
    return r.panels.map((p) => ({ ...p, id: ++id, row: r.title }));
  });
}

export function build(def: DashboardDef, services: string[]): object {
  let b = new dashboard.DashboardBuilder(def.title)
    .uid(def.uid)
    .description(def.description)
    .tags(def.tags)
    .editable()
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .tooltip(dashboard.DashboardCursorSync.Crosshair)
    .withVariable(new dashboard.DatasourceVariableBuilder('datasource').label('Data source').type('prometheus'))
    .withVariable(
      new dashboard.QueryVariableBuilder('namespace')
        .label('Namespace')
        .datasource(DATASOURCE)
        .query(`label_values(process_start_time_seconds{job=~"${services.join('|')}"}, namespace)`)
        .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
        .includeAll(true)
        .allValue('.*')
        .current({ text: 'All', value: '$__all' }),
    );
  if (def.serviceVariable) {
    b = b.withVariable(
      new dashboard.QueryVariableBuilder('service')
        .label('Service')
        .datasource(DATASOURCE)
        .query(`label_values(process_start_time_seconds{${NS}, job=~"${services.join('|')}"}, job)`)
        .refresh(dashboard.VariableRefresh.OnTimeRangeChanged)
        .sort(dashboard.VariableSort.AlphabeticalAsc)
        .current({ text: 'orders', value: 'orders' }),
    );
  }
  b = b.link(new dashboard.DashboardLinkBuilder('Mercato').type(dashboard.DashboardLinkType.Dashboards).tags(['mercato']).asDropdown(true).includeVars(true).keepTime(true));
  for (const l of def.links) b = b.link(new dashboard.DashboardLinkBuilder(l.title).type(dashboard.DashboardLinkType.Link).url(l.url).targetBlank(true));

  let id = 0;
  let y = 0;
  for (const r of def.rows) {
    b = b.withRow(new dashboard.RowBuilder(r.title).id(++id).gridPos({ x: 0, y, w: 24, h: 1 }));
    y += 1;
    let x = 0;
    let rowHeight = 0;
    for (const p of r.panels) {
      const w = p.width ?? 12;
      const h = p.height ?? (p.viz === 'stat' ? 5 : 8);
      if (x + w > 24) {
        x = 0;
        y += rowHeight;
        rowHeight = 0;
      }
      b = b.withPanel(panel(p, ++id, { x, y, w, h }));
      x += w;
      rowHeight = Math.max(rowHeight, h);
    }
    y += rowHeight;
  }
  return b.build();
}
