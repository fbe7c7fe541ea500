// The Mercato dashboards: suite overview, one per service, event store and projections,
// resilience, checkout and business, AI. Service lists come from the topology; the SLO panels
// read the recording rules of rules.ts.
import type { Topology } from '@mercato/topology';
import { SICK_CODES } from '../promql';
import { record } from '../rules';
import { SLOS } from '../slo';
import { NS, type DashboardDef, type FaultPlan, type Incident, type PanelDef } from './model';

const RI = '$__rate_interval';
const sel = (metric: string, ...matchers: string[]): string => `${metric}{${[NS, ...matchers].join(', ')}}`;
const rate = (metric: string, ...matchers: string[]): string => `rate(${sel(metric, ...matchers)}[${RI}])`;
const quantile = (q: number, metric: string, by: string[], ...matchers: string[]): string =>
  `histogram_quantile(${q}, sum by (${['le', ...by].join(', ')}) (${rate(`${metric}_bucket`, ...matchers)}))`;
/** a / b where a may have no series yet (no errors): 0 instead of an empty result. */
const ratio = (by: string, errors: string, total: string): string => `(sum by (${by}) (${errors}) or 0 * sum by (${by}) (${total})) / sum by (${by}) (${total})`;

/** The public mesh and gRPC dashboards: linked, not redone. */
export const MESH_LINKS = [
  { title: 'Istio mesh (grafana.com 7639)', url: 'https://grafana.com/grafana/dashboards/7639' },
  { title: 'Istio service (7636)', url: 'https://grafana.com/grafana/dashboards/7636' },
  { title: 'Istio workload (7630)', url: 'https://grafana.com/grafana/dashboards/7630' },
  { title: 'Linkerd top line (15474)', url: 'https://grafana.com/grafana/dashboards/15474' },
  { title: 'Linkerd deployment (15486)', url: 'https://grafana.com/grafana/dashboards/15486' },
  { title: 'gRPC overview (14765)', url: 'https://grafana.com/grafana/dashboards/14765' },
];

/**
 * The incident the dashboards test stages: shipping answers UNAVAILABLE to everything. Checkouts
 * then fail after stock and payment were taken (compensations), breakers to shipping open,
 * clients retry its idempotent methods, shipping's SLO burns, alerts go pending.
 */
export const SHIPPING_DOWN: FaultPlan = { service: 'shipping', method: 'mercato.shipping.v1.ShippingService/*', errorRate: 1, errorCode: 'UNAVAILABLE' };
const shippingDown = (when: string): Incident => ({ when, faults: [SHIPPING_DOWN] });
/** Catalog slows down step by step: a latency creep sentinel should see coming. */
const SENTINEL_INCIDENT: Incident = {
  when: 'a signal trends towards its line (latency creep, error ramp, leak, saturation)',
  faults: [{ service: 'catalog', method: 'mercato.catalog.v1.CatalogService/*', delayMs: 300, errorRate: 0.3, errorCode: 'UNAVAILABLE' }],
  slow: 'sentinel fits one-minute bins and predicts only after ten of them and three minutes of persistence',
};

export function dashboardDefs(topology: Topology): DashboardDef[] {
  const grpcJobs = topology.services.filter((s) => s.ports.grpc !== undefined).map((s) => s.name);
  const sloJobs = SLOS.filter((s) => topology.services.some((t) => t.name === s.service)).map((s) => s.service);
  const grpcJob = `job=~"${grpcJobs.join('|')}"`;
  const sloJob = `job=~"${sloJobs.join('|')}"`;
  const unary = 'grpc_type="unary"';
  const http = ['job="gateway"', 'route!="/healthz"'];

  const sloPanels = (scope: string): PanelDef[] => [
    {
      title: 'Availability burn rate (1 h)',
      description: 'How fast the availability error budget burns over the last hour: 1 spends exactly the 30-day budget in 30 days; the fast-burn alert pages above 14.4.',
      queries: [{ expr: `${sel(record.availability('1h'), scope)} / on (job) group_left () (1 - ${record.availabilityObjective})`, legend: '{{job}}' }],
      width: 12,
    },
    {
      title: 'Latency burn rate (1 h)',
      description: 'How fast the latency error budget (calls slower than the SLO bound) burns over the last hour.',
      queries: [{ expr: `${sel(record.latency('1h'), scope)} / on (job) group_left () (1 - ${record.latencyObjective})`, legend: '{{job}}' }],
      width: 12,
    },
    {
      title: 'Availability error budget left (30 d)',
      description: 'Share of the 30-day availability error budget not yet spent (windows without traffic left out). Negative: the SLO is broken.',
      queries: [{ expr: `1 - avg_over_time((${sel(record.availability('5m'), scope)} >= 0)[30d:1m]) / on (job) group_left () (1 - ${record.availabilityObjective})`, legend: '{{job}}' }],
      viz: 'stat',
      unit: 'percentunit',
      width: 12,
    },
    {
      title: 'Latency error budget left (30 d)',
      description: 'Share of the 30-day latency error budget not yet spent.',
      queries: [{ expr: `1 - avg_over_time((${sel(record.latency('5m'), scope)} >= 0)[30d:1m]) / on (job) group_left () (1 - ${record.latencyObjective})`, legend: '{{job}}' }],
      viz: 'stat',
      unit: 'percentunit',
      width: 12,
    },
  ];

  const overview: DashboardDef = {
    uid: 'mercato-overview',
    title: 'Mercato — suite overview',
    description: 'Rate, errors and duration of every service, SLO burn rates and error budgets, alerts.',
    tags: ['mercato', 'grpc', 'slo'],
    links: MESH_LINKS,
    rows: [
      {
        title: 'Rate, errors, duration',
        panels: [
          {
            title: 'Calls per second',
            description: 'Unary gRPC calls handled per service, and HTTP requests at the gateway.',
            queries: [
              { expr: `sum by (job) (${rate('grpc_server_handled_total', grpcJob, unary)})`, legend: '{{job}}' },
              { expr: `sum by (job) (${rate('http_server_request_duration_seconds_count', ...http)})`, legend: '{{job}} (HTTP)' },
            ],
            unit: 'reqps',
            width: 8,
          },
          {
            title: 'Error ratio (server-sick codes, HTTP 5xx)',
            description: `Share of calls answered ${SICK_CODES.split('|').join(', ')} (gRPC) or 5xx (HTTP): what spends the availability budget.`,
            queries: [
              { expr: ratio('job', rate('grpc_server_handled_total', grpcJob, unary, `grpc_code=~"${SICK_CODES}"`), rate('grpc_server_handled_total', grpcJob, unary)), legend: '{{job}}' },
              { expr: ratio('job', rate('http_server_request_duration_seconds_count', ...http, 'status=~"5.."'), rate('http_server_request_duration_seconds_count', ...http)), legend: '{{job}} (HTTP)' },
            ],
            unit: 'percentunit',
            width: 8,
          },
          {
            title: 'p99 latency',
            description: 'The 99th percentile of unary call and HTTP request durations, per service.',
            queries: [
              { expr: quantile(0.99, 'grpc_server_handling_seconds', ['job'], grpcJob, unary), legend: '{{job}}' },
              { expr: quantile(0.99, 'http_server_request_duration_seconds', ['job'], ...http), legend: '{{job}} (HTTP)' },
            ],
            unit: 's',
            width: 8,
          },
          {
            title: 'Instances up',
            description: 'Scrapeable instances per service.',
            queries: [{ expr: `sum by (job) (${sel('up', `job=~"${topology.services.map((s) => s.name).join('|')}"`)})`, legend: '{{job}}' }],
            viz: 'stat',
            width: 24,
          },
        ],
      },
      { title: 'SLOs and error budgets', panels: sloPanels(sloJob) },
      {
        title: 'Alerts',
        panels: [
          {
            title: 'Mercato alerts pending or firing',
            description: 'Every Mercato alert Prometheus currently evaluates as pending or firing (see docs/runbooks.md).',
            queries: [{ expr: `sum by (alertname, alertstate, job, severity) (${sel('ALERTS', 'alertname=~"Mercato.*"')})`, legend: '{{alertname}} {{job}} ({{alertstate}})' }],
            viz: 'table',
            width: 24,
            incident: shippingDown('an SLO burns, a service is down, a breaker stays open, a projection lags or sentinel predicts a breach'),
          },
        ],
      },
    ],
  };

  const svc = 'job="$service"';
  const service: DashboardDef = {
    uid: 'mercato-service',
    title: 'Mercato — service',
    description: 'One service in depth: calls served, SLO, calls made, breakers, runtime. Pick it with the service variable.',
    tags: ['mercato', 'grpc'],
    serviceVariable: true,
    links: MESH_LINKS,
    rows: [
      {
        title: 'Calls served (gRPC)',
        panels: [
          { title: 'Calls per second by method', description: 'gRPC calls handled, by method.', queries: [{ expr: `sum by (grpc_method) (${rate('grpc_server_handled_total', svc)})`, legend: '{{grpc_method}}' }], unit: 'reqps', only: 'grpc' },
          { title: 'Calls per second by code', description: 'gRPC calls handled, by status code.', queries: [{ expr: `sum by (grpc_code) (${rate('grpc_server_handled_total', svc)})`, legend: '{{grpc_code}}' }], unit: 'reqps', stacked: true, only: 'grpc' },
          {
            title: 'Unary latency percentiles',
            description: 'p50, p95 and p99 of unary calls.',
            queries: [0.5, 0.95, 0.99].map((q) => ({ expr: quantile(q, 'grpc_server_handling_seconds', [], svc, unary), legend: `p${q * 100}` })),
            unit: 's',
            only: 'grpc',
          },
          { title: 'p99 latency by method', description: 'p99 of unary calls, by method.', queries: [{ expr: quantile(0.99, 'grpc_server_handling_seconds', ['grpc_method'], svc, unary), legend: '{{grpc_method}}' }], unit: 's', only: 'grpc' },
          {
            title: 'Open streams',
            description: 'Server streams started and not yet ended, by method (subscriptions, tracking).',
            queries: [
              {
                expr: `sum by (grpc_method) (${sel('grpc_server_started_total', svc, 'grpc_type!="unary"')}) - (sum by (grpc_method) (${sel('grpc_server_handled_total', svc, 'grpc_type!="unary"')}) or 0 * sum by (grpc_method) (${sel('grpc_server_started_total', svc, 'grpc_type!="unary"')}))`,
                legend: '{{grpc_method}}',
              },
            ],
            only: 'streams',
          },
          {
            title: 'Error ratio',
            description: 'Share of unary calls answered with a server-sick code.',
            queries: [{ expr: ratio('job', rate('grpc_server_handled_total', svc, unary, `grpc_code=~"${SICK_CODES}"`), rate('grpc_server_handled_total', svc, unary)), legend: '{{job}}' }],
            unit: 'percentunit',
            only: 'grpc',
          },
        ],
      },
      {
        title: 'Requests served (HTTP edge)',
        panels: [
          { title: 'Requests per second by route', description: 'HTTP requests, by route template and status.', queries: [{ expr: `sum by (method, route, status) (${rate('http_server_request_duration_seconds_count', svc)})`, legend: '{{method}} {{route}} {{status}}' }], unit: 'reqps', only: 'http' },
          { title: 'p99 latency by route', description: 'p99 of HTTP request durations, by route template.', queries: [{ expr: quantile(0.99, 'http_server_request_duration_seconds', ['route'], svc), legend: '{{route}}' }], unit: 's', only: 'http' },
        ],
      },
      { title: 'SLO', panels: sloPanels(svc).map((p) => ({ ...p, only: 'grpc' as const })) },
      {
        title: 'Calls made',
        panels: [
          { title: 'Outgoing calls per second by target and code', description: 'gRPC calls this service made, by target service and status code.', queries: [{ expr: `sum by (grpc_service, grpc_code) (${rate('grpc_client_handled_total', svc)})`, legend: '{{grpc_service}} {{grpc_code}}' }], unit: 'reqps', only: 'client' },
          { title: 'Outgoing p99 latency by target', description: 'p99 of the calls this service made, by target service.', queries: [{ expr: quantile(0.99, 'grpc_client_handling_seconds', ['grpc_service'], svc), legend: '{{grpc_service}}' }], unit: 's', only: 'client' },
          { title: 'Breaker state by target', description: '0 closed, 1 half-open, 2 open.', queries: [{ expr: `max by (target) (${sel('mercato_breaker_state', svc)})`, legend: '{{target}}' }], only: 'client' },
          { title: 'Bulkhead use by target', description: 'Calls in flight over the bulkhead capacity, per target.', queries: [{ expr: `max by (target) (${sel('mercato_bulkhead_in_flight', svc)} / ${sel('mercato_bulkhead_capacity', svc)})`, legend: '{{target}}' }], unit: 'percentunit', only: 'client' },
        ],
      },
      {
        title: 'Runtime',
        panels: [
          { title: 'CPU', description: 'CPU seconds per second, per instance.', queries: [{ expr: `sum by (instance) (${rate('process_cpu_seconds_total', svc)})`, legend: '{{instance}}' }], unit: 'percentunit', width: 8 },
          { title: 'Resident memory', description: 'Resident set size, per instance.', queries: [{ expr: `max by (instance) (${sel('process_resident_memory_bytes', svc)})`, legend: '{{instance}}' }], unit: 'bytes', width: 8 },
          { title: 'Heap used', description: 'V8 heap used, per instance: a steady climb is a leak (sentinel watches it too).', queries: [{ expr: `max by (instance) (${sel('nodejs_heap_size_used_bytes', svc)})`, legend: '{{instance}}' }], unit: 'bytes', width: 8 },
          { title: 'Event-loop lag p99', description: 'Event-loop delay, 99th percentile, per instance.', queries: [{ expr: `max by (instance) (${sel('nodejs_eventloop_lag_p99_seconds', svc)})`, legend: '{{instance}}' }], unit: 's', width: 12 },
          { title: 'GC time per second', description: 'Time spent in garbage collection, by kind.', queries: [{ expr: `sum by (kind) (${rate('nodejs_gc_duration_seconds_sum', svc)})`, legend: '{{kind}}' }], unit: 'percentunit', width: 12 },
        ],
      },
    ],
  };

  const es = 'job="eventstore"';
  const projection = 'job="order-history"';
  const eventstore: DashboardDef = {
    uid: 'mercato-eventstore',
    title: 'Mercato — event store and projections',
    description: 'Appends, reads and subscriptions of the event store; the read side: projection lag, checkpoints, the orders saga recovery.',
    tags: ['mercato', 'eventsourcing'],
    links: MESH_LINKS,
    rows: [
      {
        title: 'Event store',
        panels: [
          { title: 'Calls per second by method', description: 'Appends and reads handled by the event store.', queries: [{ expr: `sum by (grpc_method) (${rate('grpc_server_handled_total', es, unary)})`, legend: '{{grpc_method}}' }], unit: 'reqps', width: 8 },
          {
            title: 'Append latency',
            description: 'p50 and p99 of Append (one transaction with the expected-revision check).',
            queries: [0.5, 0.99].map((q) => ({ expr: quantile(q, 'grpc_server_handling_seconds', [], es, 'grpc_method="Append"'), legend: `p${q * 100}` })),
            unit: 's',
            width: 8,
          },
          { title: 'Read latency p99 by method', description: 'p99 of stream and $all reads.', queries: [{ expr: quantile(0.99, 'grpc_server_handling_seconds', ['grpc_method'], es, unary, 'grpc_method=~"Read.*"'), legend: '{{grpc_method}}' }], unit: 's', width: 8 },
          {
            title: 'Append conflicts per second',
            description: 'Appends refused for a wrong expected revision (FailedPrecondition): concurrent writers on one stream; the command handlers retry them.',
            queries: [{ expr: `sum by (job) (${rate('grpc_server_handled_total', es, 'grpc_method="Append"', 'grpc_code="FailedPrecondition"')})`, legend: 'conflicts' }],
            unit: 'reqps',
            width: 8,
            incident: { when: 'two writers race on one stream (or an append is refused)', faults: [{ service: 'eventstore', method: 'mercato.eventstore.v1.EventStoreService/Append', errorRate: 0.2, errorCode: 'FAILED_PRECONDITION' }] },
          },
          {
            title: 'Open subscriptions',
            description: 'Catch-up-then-live subscriptions currently open (consumers: order-history, orders recovery, shipping tracking, the AI helpers).',
            queries: [
              {
                expr: `sum(${sel('grpc_server_started_total', es, 'grpc_method="Subscribe"')}) - (sum(${sel('grpc_server_handled_total', es, 'grpc_method="Subscribe"')}) or vector(0))`,
                legend: 'subscriptions',
              },
            ],
            width: 8,
          },
          { title: 'Events delivered to subscribers per second', description: 'Messages sent on Subscribe streams (events, checkpoints, caught-up markers).', queries: [{ expr: `sum(${rate('grpc_server_msg_sent_total', es, 'grpc_method="Subscribe"')})`, legend: 'delivered' }], unit: 'ops', width: 8 },
        ],
      },
      {
        title: 'Projections and consumers',
        panels: [
          {
            title: 'Consumer lag',
            description: 'Age of each event when its consumer applied it (0 once caught up): the order-history projection, the risk feature store, the recommendations model.',
            queries: [
              { expr: `max by (job, projection) (${sel('mercato_projection_lag_seconds')})`, legend: '{{job}} {{projection}}' },
              { expr: `max by (job) (${sel('mercato_risk_feature_lag_seconds')})`, legend: '{{job}} features' },
              { expr: `max by (job) (${sel('mercato_recommendations_model_lag_seconds')})`, legend: '{{job}} model' },
            ],
            unit: 's',
            width: 8,
          },
          { title: 'Events applied per second', description: 'Events the projection applied or skipped (unreadable payloads).', queries: [{ expr: `sum by (projection, outcome) (${rate('mercato_projection_events_total')})`, legend: '{{projection}} {{outcome}}' }], unit: 'ops', width: 8 },
          { title: 'Checkpoint position', description: 'The $all commit position each projection has applied up to (it moves with every event).', queries: [{ expr: `max by (projection) (${sel('mercato_projection_checkpoint_commit')})`, legend: '{{projection}}' }], viz: 'stat', width: 8 },
          { title: 'Projection running', description: '1 while the projection runs on an instance, 0 when it failed or stopped.', queries: [{ expr: `max by (job, projection) (${sel('mercato_projection_running', projection)})`, legend: '{{projection}}' }], viz: 'stat', width: 8 },
          {
            title: 'Projection restarts',
            description: 'Times the projection stopped on an error and was restarted, over the time range.',
            queries: [{ expr: `sum by (projection) (increase(${sel('mercato_projection_failures_total')}[$__range])) or 0 * max by (projection) (${sel('mercato_projection_running')})`, legend: '{{projection}}' }],
            viz: 'stat',
            width: 8,
          },
          { title: 'Unfinished sagas', description: 'Orders whose checkout saga still needs a step or a compensation, as the orders recovery subscription sees them.', queries: [{ expr: `sum(${sel('mercato_saga_unfinished_orders')})`, legend: 'unfinished' }], viz: 'stat', width: 8 },
        ],
      },
    ],
  };

  const resilience: DashboardDef = {
    uid: 'mercato-resilience',
    title: 'Mercato — resilience',
    description: 'Circuit breakers, retries, deadlines, bulkheads and injected faults, per caller and target. The mesh layer (Istio/Linkerd retries, outlier detection) has its own public dashboards, linked above.',
    tags: ['mercato', 'resilience'],
    links: MESH_LINKS,
    rows: [
      {
        title: 'Circuit breakers',
        panels: [
          { title: 'Breaker state by caller and target', description: '0 closed, 1 half-open, 2 open.', queries: [{ expr: `max by (job, target) (${sel('mercato_breaker_state')})`, legend: '{{job}} → {{target}}' }] },
          { title: 'Breakers not closed', description: 'Breakers open or half-open now.', queries: [{ expr: `max by (job, target) (${sel('mercato_breaker_state')}) > 0`, legend: '{{job}} → {{target}}' }], incident: shippingDown('a target keeps failing with server-sick codes') },
          { title: 'Breaker transitions per second', description: 'open, half_open and close events.', queries: [{ expr: `sum by (job, target, event) (${rate('mercato_breaker_events_total', 'event=~"open|half_open|close"')})`, legend: '{{job}} → {{target}} {{event}}' }] },
          { title: 'Calls short-circuited per second', description: 'Calls rejected by an open breaker or a full bulkhead, and fallbacks served.', queries: [{ expr: `sum by (job, target, event) (${rate('mercato_breaker_events_total', 'event=~"reject|bulkhead_reject|fallback"')})`, legend: '{{job}} → {{target}} {{event}}' }] },
        ],
      },
      {
        title: 'Retries, deadlines, bulkheads',
        panels: [
          { title: 'Retries per second', description: 'Client retries of idempotent methods (only where no mesh retries: CLIENT_RETRIES).', queries: [{ expr: `sum by (job, target, grpc_method) (${rate('mercato_client_retries_total')})`, legend: '{{job}} → {{target}} {{grpc_method}}' }], incident: shippingDown('a target answers UNAVAILABLE to idempotent calls') },
          {
            title: 'Server-sick answers seen by callers',
            description: `Outgoing calls ending ${SICK_CODES.split('|').join(', ')}, by caller, target and code (DeadlineExceeded: the deadline ran out).`,
            queries: [{ expr: `sum by (job, grpc_service, grpc_code) (${rate('grpc_client_handled_total', `grpc_code=~"${SICK_CODES}"`)})`, legend: '{{job}} → {{grpc_service}} {{grpc_code}}' }],
            incident: shippingDown('a dependency fails or runs out of deadline'),
          },
          { title: 'Bulkhead saturation', description: 'Calls in flight over capacity, per caller and target: at 100% new calls are refused (RESOURCE_EXHAUSTED).', queries: [{ expr: `max by (job, target) (${sel('mercato_bulkhead_in_flight')} / ${sel('mercato_bulkhead_capacity')})`, legend: '{{job}} → {{target}}' }], unit: 'percentunit' },
          { title: 'Calls in flight by target', description: 'Concurrent outgoing calls, per caller and target.', queries: [{ expr: `sum by (job, target) (${sel('mercato_bulkhead_in_flight')})`, legend: '{{job}} → {{target}}' }] },
        ],
      },
      {
        title: 'Fault injection',
        panels: [
          { title: 'Fault rules active', description: 'Rules loaded from FAULTS / FAULTS_FILE, per service and method pattern.', queries: [{ expr: `sum by (job, method) (${sel('mercato_faults_active')})`, legend: '{{job}} {{method}}' }], incident: shippingDown('an operator or a chaos experiment injects faults') },
          { title: 'Faults injected per second', description: 'Injected delays and errors, per service, method and kind.', queries: [{ expr: `sum by (job, grpc_method, kind) (${rate('mercato_fault_injections_total')})`, legend: '{{job}} {{grpc_method}} {{kind}}' }], incident: shippingDown('an operator or a chaos experiment injects faults') },
        ],
      },
    ],
  };

  const orders = 'job="orders"';
  const business: DashboardDef = {
    uid: 'mercato-business',
    title: 'Mercato — checkout and business',
    description: 'The checkout funnel at the edge, checkouts by outcome, the saga step by step, compensations, stock reservations, and the synthetic load.',
    tags: ['mercato', 'business'],
    links: MESH_LINKS,
    rows: [
      {
        title: 'Funnel',
        panels: [
          {
            title: 'Shoppers through the funnel',
            description: 'Successful product views, cart additions and checkouts at the gateway (JSON API and storefront pages), per second.',
            queries: [
              { expr: `sum(${rate('http_server_request_duration_seconds_count', 'job="gateway"', 'method="GET"', 'route=~"/api/v1/products/[{]id[}]|/p/[{]id[}]"', 'status=~"2.."')})`, legend: 'product views' },
              { expr: `sum(${rate('http_server_request_duration_seconds_count', 'job="gateway"', 'method="POST"', 'route=~"/api/v1/cart/items|/cart/items"', 'status=~"2..|3.."')})`, legend: 'added to cart' },
              { expr: `sum(${rate('http_server_request_duration_seconds_count', 'job="gateway"', 'method="POST"', 'route=~"/api/v1/checkout|/checkout"')})`, legend: 'checkouts submitted' },
            ],
            unit: 'reqps',
          },
          { title: 'Checkouts per minute by outcome', description: 'Checkouts that reached a final state: confirmed, or the failure reason.', queries: [{ expr: `sum by (outcome) (${rate('mercato_checkouts_total', orders)}) * 60`, legend: '{{outcome}}' }], unit: 'short', stacked: true },
          { title: 'Checkout success ratio', description: 'Confirmed over all finished checkouts (declined cards included).', queries: [{ expr: `(sum(${rate('mercato_checkouts_total', orders, 'outcome="confirmed"')}) or vector(0)) / sum(${rate('mercato_checkouts_total', orders)})`, legend: 'confirmed' }], unit: 'percentunit', viz: 'stat' },
          { title: 'Failed checkouts by reason', description: 'Checkouts that ended failed, by reason.', queries: [{ expr: `sum by (outcome) (${rate('mercato_checkouts_total', orders, 'outcome!="confirmed"')}) * 60`, legend: '{{outcome}}' }], incident: shippingDown('payments decline, stock runs out or a dependency fails') },
        ],
      },
      {
        title: 'Saga',
        panels: [
          { title: 'Saga step p95 by action', description: 'Time of each saga action (the dependency call and recording its outcome).', queries: [{ expr: quantile(0.95, 'mercato_saga_step_duration_seconds', ['action'], orders), legend: '{{action}}' }], unit: 's' },
          { title: 'Saga steps per second by action and outcome', description: 'Every action the saga took, by outcome.', queries: [{ expr: `sum by (action, outcome) (${rate('mercato_saga_step_duration_seconds_count', orders)})`, legend: '{{action}} {{outcome}}' }], unit: 'ops' },
          { title: 'Compensations per second', description: 'Stock released and payments voided after a later step failed.', queries: [{ expr: `sum by (action) (${rate('mercato_saga_compensations_total', orders)})`, legend: '{{action}}' }], unit: 'ops', incident: shippingDown('a step after the stock reservation or the payment fails') },
          { title: 'Sagas resumed', description: 'Unfinished sagas taken over after making no progress (a crashed or stuck instance), over the time range.', queries: [{ expr: `sum(increase(${sel('mercato_saga_resumed_total', orders)}[$__range]))`, legend: 'resumed' }], viz: 'stat' },
          { title: 'Stock reservations per second by status', description: 'Reserve, release and commit answers of inventory.', queries: [{ expr: `sum by (method, status) (${rate('mercato_stock_reservations_total')})`, legend: '{{method}} {{status}}' }], unit: 'ops' },
        ],
      },
      {
        title: 'Synthetic load',
        panels: [
          { title: 'Scenarios per second by outcome', description: 'Synthetic shoppers (loadgen), by scenario and outcome.', queries: [{ expr: `sum by (scenario, outcome) (${rate('loadgen_scenarios_total', 'job="loadgen"')})`, legend: '{{scenario}} {{outcome}}' }], unit: 'ops', needs: ['loadgen'] },
          { title: 'Scenario p95 duration', description: 'How long a synthetic shopper waits for each scenario.', queries: [{ expr: quantile(0.95, 'loadgen_scenario_duration_seconds', ['scenario'], 'job="loadgen"'), legend: '{{scenario}}' }], unit: 's', needs: ['loadgen'] },
        ],
      },
    ],
  };

  const ai: DashboardDef = {
    uid: 'mercato-ai',
    title: 'Mercato — AI',
    description: 'Decisions and fallbacks of the AI helpers: risk decisions, recommendation sources, assistant engines, sentinel predictions.',
    tags: ['mercato', 'ai'],
    links: MESH_LINKS,
    rows: [
      {
        title: 'Risk (checkout decisions)',
        panels: [
          { title: 'Risk decisions per second', description: 'New checkout risk decisions, by decision (approve, review, decline).', queries: [{ expr: `sum by (decision) (${rate('mercato_risk_decisions_total')})`, legend: '{{decision}}' }], unit: 'ops', stacked: true, needs: ['risk'], width: 8 },
          { title: 'Decline share', description: 'Share of new decisions that decline the order.', queries: [{ expr: `(sum(${rate('mercato_risk_decisions_total', 'decision="decline"')}) or vector(0)) / sum(${rate('mercato_risk_decisions_total')})`, legend: 'declined' }], unit: 'percentunit', viz: 'stat', needs: ['risk'], width: 8 },
          { title: 'Model score p50 / p95', description: 'Fraud probability the model gives new orders.', queries: [0.5, 0.95].map((q) => ({ expr: `histogram_quantile(${q}, sum by (le) (${rate('mercato_risk_score_bucket')}))`, legend: `p${q * 100}` })), needs: ['risk'], width: 8 },
          { title: 'Reasons given per second', description: 'Reasons attached to decisions, by code (the feature or rule behind them).', queries: [{ expr: `sum by (code) (${rate('mercato_risk_reasons_total')})`, legend: '{{code}}' }], unit: 'ops', needs: ['risk'] },
          { title: 'Risk call latency p99', description: 'p99 of risk assessments as risk serves them (on the checkout path).', queries: [{ expr: quantile(0.99, 'grpc_server_handling_seconds', ['grpc_method'], 'job="risk"', unary), legend: '{{grpc_method}}' }], unit: 's', needs: ['risk'] },
        ],
      },
      {
        title: 'Recommendations and assistant',
        panels: [
          { title: 'Recommendations served by source', description: 'Answers by the source of their best item: model (learned), content and popularity (fallbacks: cold start, model not ready), none (empty).', queries: [{ expr: `sum by (source) (${rate('mercato_recommendations_served_total')})`, legend: '{{source}}' }], unit: 'ops', stacked: true, needs: ['recommendations'] },
          {
            title: 'Recommendation fallback share',
            description: 'Share of answers not led by the learned model.',
            queries: [{ expr: `(sum(${rate('mercato_recommendations_served_total', 'source!="model"')}) or vector(0)) / sum(${rate('mercato_recommendations_served_total')})`, legend: 'fallback' }],
            unit: 'percentunit',
            needs: ['recommendations'],
          },
          { title: 'Assistant answers by engine and outcome', description: 'llm: the configured OpenAI-compatible endpoint; builtin: the offline engine.', queries: [{ expr: `sum by (engine, outcome) (${rate('mercato_assistant_answers_total')})`, legend: '{{engine}} {{outcome}}' }], unit: 'ops', needs: ['assistant'] },
          { title: 'Assistant fallbacks to the built-in engine', description: 'Why the built-in engine answered instead of the LLM: no endpoint configured, breaker open, timeout, error, busy.', queries: [{ expr: `sum by (reason) (${rate('mercato_assistant_fallbacks_total')})`, legend: '{{reason}}' }], unit: 'ops', needs: ['assistant'] },
        ],
      },
      {
        title: 'Sentinel (predictive maintenance)',
        panels: [
          { title: 'Signals watched', description: 'Signals sentinel forecasts.', queries: [{ expr: `sum(${sel('mercato_sentinel_signals')})`, legend: 'signals' }], viz: 'stat', needs: ['sentinel'], width: 8 },
          { title: 'Targets read', description: 'Whether sentinel could read each service\'s metrics at its last try.', queries: [{ expr: `min by (target) (${sel('mercato_sentinel_target_up')})`, legend: '{{target}}' }], needs: ['sentinel'], width: 16 },
          { title: 'Predicted breaches', description: 'Signals forecast to cross their line within the horizon (the time left: mercato_sentinel_breach_eta_seconds). Sentinel fits one-minute bins and needs ten of them before it predicts anything.', queries: [{ expr: `max by (service, signal, kind) (${sel('mercato_sentinel_predicted_breach')}) > 0`, legend: '{{service}} {{signal}}' }], needs: ['sentinel'], incident: SENTINEL_INCIDENT },
          { title: 'Signal value against its line', description: 'Each watched signal over its threshold (1 = on the line).', queries: [{ expr: `max by (service, signal) (${sel('mercato_sentinel_signal_value')} / ${sel('mercato_sentinel_signal_threshold')})`, legend: '{{service}} {{signal}}' }], needs: ['sentinel'] },
        ],
      },
    ],
  };

  return [overview, service, eventstore, resilience, business, ai];
}
