// The telemetry contract (telemetry.yaml at the package root): loading it, resolving who emits
// what against the topology, and checking scraped metrics and captured spans against it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { ServiceSpec, Topology } from '@mercato/topology';

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary';
export type Emitters = 'all' | 'grpc_servers' | 'grpc_clients' | string[];

export interface MetricContract {
  name: string;
  type: MetricType;
  labels: string[];
  services: Emitters;
  planned: boolean;
  runtime: boolean;
  help?: string;
}

export type SpanKindName = 'server' | 'client' | 'consumer' | 'producer' | 'internal';

export interface SpanContract {
  id: string;
  name: string;
  pattern: boolean;
  kind: SpanKindName;
  services: Emitters;
  library: boolean;
  links?: 'producer';
  required: string[];
  optional: string[];
  source: string;
}

export interface TelemetryContract {
  defaultLabels: string[];
  metrics: Map<string, MetricContract>;
  spans: SpanContract[];
}

export const TELEMETRY_FILE = path.resolve(__dirname, '..', 'telemetry.yaml');

export function loadTelemetry(file = TELEMETRY_FILE): TelemetryContract {
  const doc = parse(readFileSync(file, 'utf8')) as {
    defaultLabels?: string[];
    metrics: Record<string, { type: MetricType; labels?: string[]; services: Emitters; status?: string; runtime?: boolean; help?: string }>;
    spans: Array<{ id: string; name: string; pattern?: boolean; kind: SpanKindName; services: Emitters; library?: boolean; links?: 'producer'; attributes?: { required?: string[]; optional?: string[] }; source: string }>;
  };
  const metrics = new Map<string, MetricContract>();
  for (const [name, m] of Object.entries(doc.metrics)) {
    if (!['counter', 'gauge', 'histogram', 'summary'].includes(m.type)) throw new Error(`${file}: metric ${name} has an unknown type "${m.type}"`);
    metrics.set(name, {
      name,
      type: m.type,
      labels: m.labels ?? [],
      services: m.services,
      planned: m.status === 'planned',
      runtime: m.runtime === true,
      ...(m.help ? { help: m.help } : {}),
    });
  }
  const spans = doc.spans.map((s) => ({
    id: s.id,
    name: s.name,
    pattern: s.pattern === true,
    kind: s.kind,
    services: s.services,
    library: s.library === true,
    ...(s.links ? { links: s.links } : {}),
    required: s.attributes?.required ?? [],
    optional: s.attributes?.optional ?? [],
    source: s.source,
  }));
  return { defaultLabels: doc.defaultLabels ?? [], metrics, spans };
}

/** The service names an `services:` entry stands for. */
export function emitters(e: Emitters, topology: Topology): string[] {
  const all = topology.services;
  if (e === 'all') return all.map((s) => s.name);
  if (e === 'grpc_servers') return all.filter((s) => s.ports.grpc !== undefined).map((s) => s.name);
  if (e === 'grpc_clients') return all.filter((s) => s.calls.some((c) => c.protocol === 'grpc')).map((s) => s.name);
  for (const name of e) topology.get(name); // throws on an unknown service
  return e;
}

/** The metric families a service must export (planned ones included: callers decide). */
export function metricsOf(contract: TelemetryContract, service: ServiceSpec | string, topology: Topology): MetricContract[] {
  const name = typeof service === 'string' ? service : service.name;
  return [...contract.metrics.values()].filter((m) => emitters(m.services, topology).includes(name));
}

// --- Prometheus text format ----------------------------------------------------------------------

export interface ScrapedFamily {
  name: string;
  type: string;
  samples: Array<{ name: string; labels: Record<string, string>; value: number }>;
}

/** Parses the Prometheus text exposition format (what prom-client serves). */
export function parsePrometheusText(text: string): Map<string, ScrapedFamily> {
  const families = new Map<string, ScrapedFamily>();
  const familyOf = (sample: string): ScrapedFamily | undefined => {
    const direct = families.get(sample);
    if (direct) return direct;
    for (const suffix of ['_bucket', '_sum', '_count']) {
      if (sample.endsWith(suffix)) {
        const f = families.get(sample.slice(0, -suffix.length));
        if (f && (f.type === 'histogram' || f.type === 'summary')) return f;
      }
    }
    return undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      families.set(type[1]!, { name: type[1]!, type: type[2]!, samples: [] });
      continue;
    }
    if (line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+\S+)?$/.exec(line);
    if (!m) throw new Error(`unparsable metrics line: ${line}`);
    const labels: Record<string, string> = {};
    if (m[3]) {
      const re = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)",?/g;
      for (let l = re.exec(m[3]); l; l = re.exec(m[3])) labels[l[1]!] = l[2]!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    }
    const family = familyOf(m[1]!);
    if (!family) throw new Error(`sample ${m[1]} has no # TYPE line`);
    family.samples.push({ name: m[1]!, labels, value: Number(m[4]) });
  }
  return families;
}

/** Differences between what a service exports and the contract (empty when they agree). */
export function checkScrape(service: string, families: Map<string, ScrapedFamily>, contract: TelemetryContract, topology: Topology): string[] {
  const problems: string[] = [];
  for (const f of families.values()) {
    const c = contract.metrics.get(f.name);
    if (!c) {
      problems.push(`${service}: exports ${f.name} (${f.type}), which is not in telemetry.yaml`);
      continue;
    }
    if (c.type !== f.type) problems.push(`${service}: ${f.name} is a ${f.type}, telemetry.yaml says ${c.type}`);
    if (!emitters(c.services, topology).includes(service)) problems.push(`${service}: exports ${f.name}, but telemetry.yaml does not list it among its exporters`);
    const allowed = new Set([...c.labels, ...contract.defaultLabels, ...(c.type === 'histogram' ? ['le'] : []), ...(c.type === 'summary' ? ['quantile'] : [])]);
    for (const s of f.samples) {
      const names = Object.keys(s.labels);
      const extra = names.filter((l) => !allowed.has(l));
      if (extra.length) problems.push(`${service}: ${s.name} has labels ${extra.join(', ')} not declared for ${f.name}`);
      const missing = c.labels.filter((l) => !(l in s.labels));
      if (missing.length) problems.push(`${service}: ${s.name} lacks the declared labels ${missing.join(', ')}`);
      for (const d of contract.defaultLabels) if (s.labels[d] === undefined) problems.push(`${service}: ${s.name} lacks the default label ${d}`);
    }
  }
  for (const c of metricsOf(contract, service, topology)) {
    if (!families.has(c.name)) problems.push(`${service}: telemetry.yaml lists ${c.name} for it, but it does not export it`);
  }
  return [...new Set(problems)];
}

// --- spans -----------------------------------------------------------------------------------------

/** What checkSpan needs of a span (an OpenTelemetry ReadableSpan or a decoded OTLP span). */
export interface SpanFacts {
  name: string;
  kind: SpanKindName;
  attributes: Record<string, unknown>;
  links: number;
}

/** The contract entry a span matches by name and kind, if any. */
export function spanContractFor(span: Pick<SpanFacts, 'name' | 'kind'>, contract: TelemetryContract): SpanContract | undefined {
  return contract.spans.find((c) => c.kind === span.kind && (c.pattern ? new RegExp(c.name).test(span.name) : c.name === span.name));
}

/** Differences between one span and the contract (empty when it conforms). */
export function checkSpan(service: string, span: SpanFacts, contract: TelemetryContract, topology: Topology): string[] {
  const c = spanContractFor(span, contract);
  if (!c) return [`${service}: span "${span.name}" (${span.kind}) is not in telemetry.yaml`];
  const problems: string[] = [];
  if (!emitters(c.services, topology).includes(service)) problems.push(`${service}: emits ${c.id} spans, but telemetry.yaml does not list it among their emitters`);
  for (const a of c.required) if (span.attributes[a] === undefined) problems.push(`${service}: span "${span.name}" lacks the attribute ${a}`);
  if (!c.library) {
    const known = new Set([...c.required, ...c.optional]);
    for (const a of Object.keys(span.attributes)) if (!known.has(a)) problems.push(`${service}: span "${span.name}" has the undeclared attribute ${a}`);
  }
  if (c.id.startsWith('rpc.')) {
    if (span.attributes['rpc.method'] !== span.name) problems.push(`${service}: span "${span.name}" has rpc.method ${String(span.attributes['rpc.method'])}`);
    if (span.attributes['rpc.system.name'] !== 'grpc') problems.push(`${service}: span "${span.name}" has rpc.system.name ${String(span.attributes['rpc.system.name'])}`);
    if (!/^[A-Z_]+$/.test(String(span.attributes['rpc.response.status_code']))) problems.push(`${service}: span "${span.name}" has rpc.response.status_code ${String(span.attributes['rpc.response.status_code'])}`);
  }
  if (c.links === 'producer' && span.links === 0) problems.push(`${service}: consumer span "${span.name}" has no link to its producer`);
  return problems;
}
