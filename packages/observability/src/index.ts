// @mercato/observability: the telemetry contract, SLOs, dashboards and alert rules as code.
export * from './telemetry';
export * from './slo';
export * from './promql';
export * from './rules';
export * from './render';
export { dashboardDefs, MESH_LINKS, SHIPPING_DOWN } from './dashboards/defs';
export { build as buildDashboard, numberedPanels, NS, type DashboardDef, type PanelDef, type RowDef, type Incident, type FaultPlan, type Query } from './dashboards/model';
