// The suite's topology: every services/<name>/service.yaml, checked against its JSON Schema and
// against the protos, as one synchronous, read-only object. The kit, the local runner, the Helm
// values and the mesh policies all derive from this, so a mistake here fails loudly, naming the
// file and the field.

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ErrorObject } from 'ajv';
import * as protobuf from 'protobufjs';
// The YAML parser and the schema validator load only when the files are read: a service handed its
// topology by the runner (readTopologyFile) needs neither.
const parseYaml = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);
import { listProtoFiles } from '@mercato/protos';

export type Tier = 'edge' | 'commerce' | 'data' | 'ai' | 'ops';
export type Idempotency = 'NO_SIDE_EFFECTS' | 'IDEMPOTENT' | 'UNKNOWN';

export interface MethodRef {
  name: string;
  /** Deadline for calls of this method in ms; 0 means none (long-lived streams). */
  deadlineMs: number;
  /** From the method's `idempotency_level` option: the kit retries only NO_SIDE_EFFECTS and IDEMPOTENT. */
  idempotency: Idempotency;
  /** "/mercato.catalog.v1.CatalogService/GetProduct" */
  fullPath: string;
  serverStreaming: boolean;
  clientStreaming: boolean;
}

export interface ServiceCall {
  service: string;
  protocol: 'grpc' | 'http';
  /** Full name of the target's gRPC service; absent for http calls. */
  grpcService?: string;
  deadlineMs: number;
  /** Empty for http calls. */
  methods: MethodRef[];
}

export interface Setting {
  name: string;
  description: string;
  default?: string;
  required?: boolean;
}

export interface Consumption {
  streamPrefix?: string;
  events: string[];
}

export interface Quantities {
  cpu?: string;
  memory?: string;
}

export interface Resources {
  requests: Quantities;
  limits: Quantities;
}

export interface Scaling {
  minReplicas: number;
  maxReplicas: number;
  targetCPUUtilizationPercentage?: number;
}

export interface ServiceSpec {
  name: string;
  description: string;
  tier: Tier;
  /** Absolute path of services/<name>. */
  dir: string;
  ports: { grpc?: number; http?: number; metrics: number };
  serves: string[];
  stateful: boolean;
  calls: ServiceCall[];
  consumes: Consumption[];
  settings: Setting[];
  resources: Resources;
  scaling: Scaling;
  scrapes?: 'all';
}

export interface Topology {
  /** Absolute path of the repository root. */
  root: string;
  /** Sorted by name. */
  services: ServiceSpec[];
  /** Throws a TopologyError for an unknown name. */
  get(name: string): ServiceSpec;
  /** Who calls this service, and which of its methods (empty for http calls). */
  callersOf(name: string): { caller: string; methods: MethodRef[] }[];
}

export class TopologyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TopologyError';
  }
}

export const DEFAULT_DEADLINE_MS = 1000;

const SCHEMA_PATH = path.join(__dirname, '..', 'schema', 'service.schema.json');

/** The repository root: the nearest folder above `from` holding both services/ and protos/. */
export function findRoot(from: string = __dirname): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (isDir(path.join(dir, 'services')) && isDir(path.join(dir, 'protos'))) return dir;
    if (path.dirname(dir) === dir) {
      throw new TopologyError(`topology: no folder holding services/ and protos/ above ${from}`);
    }
  }
}

/** Loads and validates every services/<name>/service.yaml under the repository root. */
export function loadTopology(root?: string): Topology {
  const repo = root === undefined ? findRoot() : path.resolve(root);
  const servicesDir = path.join(repo, 'services');
  if (!isDir(servicesDir)) throw new TopologyError(`topology: ${servicesDir} is not a folder`);

  const protos = loadProtos(path.join(repo, 'protos'));
  const validate = compileSchema();

  const raws: { file: string; dir: string; doc: RawService }[] = [];
  for (const entry of fs.readdirSync(servicesDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(servicesDir, entry.name);
    const file = path.join('services', entry.name, 'service.yaml');
    const abs = path.join(repo, file);
    if (!fs.existsSync(abs)) throw new TopologyError(`${file}: missing (every folder under services/ is a deployable and declares itself)`);
    let doc: unknown;
    try {
      doc = parseYaml(fs.readFileSync(abs, 'utf8'));
    } catch (err) {
      throw new TopologyError(`${file}: not valid YAML: ${(err as Error).message}`);
    }
    if (!validate(doc)) throw new TopologyError(`${file}: ${describeSchemaErrors(validate.errors ?? [])}`);
    const raw = doc as RawService;
    if (raw.name !== entry.name) throw new TopologyError(`${file}: name "${raw.name}" must equal its folder name "${entry.name}"`);
    raws.push({ file, dir, doc: raw });
  }

  const byName = new Map(raws.map((r) => [r.doc.name, r]));
  checkPorts(raws);

  // Each file on its own first, so an error is reported against the file that holds it.
  for (const { file, doc } of raws) {
    checkOwnShape(file, doc);
    for (const [i, grpcService] of doc.serves.entries()) {
      if (!protos.service(grpcService)) {
        throw new TopologyError(`${file}: serves[${i}] "${grpcService}" is not a service defined in protos/`);
      }
    }
    for (const [i, consumption] of (doc.consumes ?? []).entries()) {
      for (const [j, event] of consumption.events.entries()) {
        if (!protos.message(event)) {
          throw new TopologyError(`${file}: consumes[${i}].events[${j}] "${event}" is not a message defined in protos/`);
        }
      }
    }
  }

  const services: ServiceSpec[] = raws.map(({ file, dir, doc }) => {
    const calls = (doc.calls ?? []).map((call, i) => resolveCall(file, doc, call, i, byName, protos));
    const spec: ServiceSpec = {
      name: doc.name,
      description: doc.description,
      tier: doc.tier,
      dir,
      ports: { ...doc.ports },
      serves: [...doc.serves],
      stateful: doc.stateful,
      calls,
      consumes: (doc.consumes ?? []).map((c) => ({ ...(c.streamPrefix !== undefined ? { streamPrefix: c.streamPrefix } : {}), events: [...c.events] })),
      settings: (doc.settings ?? []).map((s) => ({ ...s })),
      resources: { requests: { ...doc.resources.requests }, limits: { ...doc.resources.limits } },
      scaling: { ...doc.scaling },
    };
    if (doc.scrapes !== undefined) spec.scrapes = doc.scrapes;
    return spec;
  });

  return topologyOf(repo, services);
}

/** A Topology over service specs already in hand: the loader's result, or a test's own services. */
export function topologyOf(root: string, services: ServiceSpec[]): Topology {
  const index = new Map(services.map((s) => [s.name, s]));
  const get = (name: string): ServiceSpec => {
    const spec = index.get(name);
    if (!spec) throw new TopologyError(`topology: no service named "${name}" (known: ${[...index.keys()].join(', ')})`);
    return spec;
  };
  const callersOf = (name: string): { caller: string; methods: MethodRef[] }[] => {
    get(name);
    return services.flatMap((s) => s.calls.filter((c) => c.service === name).map((c) => ({ caller: s.name, methods: c.methods })));
  };
  return { root, services, get, callersOf };
}

/**
 * The variable by which a process that has loaded and checked the topology (the local runner)
 * hands it to the services it starts: fourteen processes each parsing every proto, YAML file and
 * the JSON schema again cost about a fifth of a second of CPU apiece, on the cores start-up waits for.
 */
export const TOPOLOGY_FILE_VARIABLE = 'MERCATO_TOPOLOGY_FILE';

const TOPOLOGY_FILE_VERSION = 1;

/** Writes a loaded topology for readTopologyFile. */
export function writeTopologyFile(topology: Topology, file: string): void {
  fs.writeFileSync(file, JSON.stringify({ version: TOPOLOGY_FILE_VERSION, root: topology.root, services: topology.services }));
}

/**
 * A topology written by writeTopologyFile. Its writer checked it against the files; here only its
 * shape is checked, and any fault names the variable and the file.
 */
export function readTopologyFile(file: string): Topology {
  const fail = (why: string): never => {
    throw new TopologyError(`${TOPOLOGY_FILE_VARIABLE}: ${file} ${why}`);
  };
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(`cannot be read as JSON: ${(err as Error).message}`);
  }
  const d = doc as { version?: unknown; root?: unknown; services?: unknown } | null;
  if (typeof d !== 'object' || d === null || d.version !== TOPOLOGY_FILE_VERSION) return fail(`is not a topology file of version ${TOPOLOGY_FILE_VERSION}`);
  if (typeof d.root !== 'string' || !path.isAbsolute(d.root)) return fail('has no absolute "root"');
  if (!Array.isArray(d.services) || d.services.length === 0) return fail('lists no services');
  for (const [i, s] of (d.services as unknown[]).entries()) {
    const spec = s as Partial<Record<keyof ServiceSpec, unknown>> | null;
    const ok =
      typeof spec === 'object' && spec !== null && typeof spec.name === 'string' && typeof spec.dir === 'string' &&
      typeof spec.ports === 'object' && spec.ports !== null && Array.isArray(spec.serves) && Array.isArray(spec.calls) &&
      Array.isArray(spec.consumes) && Array.isArray(spec.settings) && typeof spec.resources === 'object' && typeof spec.scaling === 'object';
    if (!ok) return fail(`services[${i}] is not a service spec`);
  }
  return topologyOf(d.root, d.services as ServiceSpec[]);
}

// --- the YAML as written ---------------------------------------------------------------------

type RawMethod = string | { name: string; deadlineMs?: number };

interface RawCall {
  service: string;
  protocol?: 'grpc' | 'http';
  grpcService?: string;
  deadlineMs?: number;
  methods?: RawMethod[];
}

interface RawService {
  name: string;
  description: string;
  tier: Tier;
  ports: { grpc?: number; http?: number; metrics: number };
  serves: string[];
  stateful: boolean;
  calls?: RawCall[];
  consumes?: Consumption[];
  settings?: Setting[];
  resources: Resources;
  scaling: Scaling;
  scrapes?: 'all';
}

// --- checks ------------------------------------------------------------------------------------

function compileSchema() {
  const schema: unknown = JSON.parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  const Ajv = (require('ajv') as typeof import('ajv')).default;
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, useDefaults: false });
  return ajv.compile(schema as object);
}

function describeSchemaErrors(errors: ErrorObject[]): string {
  // Branch noise from oneOf is less useful than the concrete failures under it.
  const concrete = errors.filter((e) => e.keyword !== 'oneOf');
  const shown = (concrete.length > 0 ? concrete : errors).slice(0, 5);
  return shown
    .map((e) => {
      const at = e.instancePath === '' ? '(top level)' : e.instancePath.slice(1).replace(/\//g, '.');
      if (e.keyword === 'additionalProperties') return `${at}: unknown field "${String(e.params['additionalProperty'])}"`;
      if (e.keyword === 'required') return `${at}: missing field "${String(e.params['missingProperty'])}"`;
      if (e.keyword === 'enum') return `${at}: must be one of ${(e.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
      return `${at}: ${e.message ?? 'is invalid'}`;
    })
    .join('; ');
}

function checkPorts(raws: { file: string; doc: RawService }[]): void {
  const seen = new Map<number, string>();
  for (const { file, doc } of raws) {
    for (const kind of ['grpc', 'http', 'metrics'] as const) {
      const port = doc.ports[kind];
      if (port === undefined) continue;
      const where = `${file}: ports.${kind}`;
      const clash = seen.get(port);
      if (clash) throw new TopologyError(`${where} ${port} is already used by ${clash}`);
      seen.set(port, where.replace(': ', ' '));
    }
  }
}

function checkOwnShape(file: string, doc: RawService): void {
  if (doc.serves.length > 0 && doc.ports.grpc === undefined) {
    throw new TopologyError(`${file}: ports.grpc is required because serves lists gRPC services`);
  }
  if (doc.ports.grpc !== undefined && doc.serves.length === 0) {
    throw new TopologyError(`${file}: serves must list the gRPC services behind ports.grpc`);
  }
  if (doc.scaling.maxReplicas < doc.scaling.minReplicas) {
    throw new TopologyError(`${file}: scaling.maxReplicas (${doc.scaling.maxReplicas}) is below scaling.minReplicas (${doc.scaling.minReplicas})`);
  }
  const names = new Set<string>();
  for (const [i, s] of (doc.settings ?? []).entries()) {
    if (names.has(s.name)) throw new TopologyError(`${file}: settings[${i}].name "${s.name}" is declared twice`);
    names.add(s.name);
  }
  const targets = new Set<string>();
  for (const [i, c] of (doc.calls ?? []).entries()) {
    const key = `${c.service}|${c.protocol ?? 'grpc'}|${c.grpcService ?? ''}`;
    if (targets.has(key)) throw new TopologyError(`${file}: calls[${i}] calls "${c.service}" a second time; merge the entries`);
    targets.add(key);
  }
}

function resolveCall(
  file: string,
  doc: RawService,
  call: RawCall,
  i: number,
  byName: Map<string, { file: string; doc: RawService }>,
  protos: Protos,
): ServiceCall {
  const at = `${file}: calls[${i}]`;
  if (call.service === doc.name) throw new TopologyError(`${at}.service: a service must not call itself`);
  const target = byName.get(call.service);
  if (!target) throw new TopologyError(`${at}.service "${call.service}" is not a service under services/ (known: ${[...byName.keys()].join(', ')})`);
  const deadlineMs = call.deadlineMs ?? DEFAULT_DEADLINE_MS;

  if (call.protocol === 'http') {
    if (call.methods !== undefined) throw new TopologyError(`${at}.methods: http calls name no gRPC methods`);
    if (call.grpcService !== undefined) throw new TopologyError(`${at}.grpcService: http calls name no gRPC service`);
    if (target.doc.ports.http === undefined) throw new TopologyError(`${at}: "${call.service}" has no ports.http to call over http`);
    return { service: call.service, protocol: 'http', deadlineMs, methods: [] };
  }

  const served = target.doc.serves;
  if (call.methods === undefined) throw new TopologyError(`${at}: missing field "methods" (the gRPC methods it calls)`);
  if (served.length === 0) throw new TopologyError(`${at}.service "${call.service}" serves no gRPC service; use protocol: http`);
  let grpcService: string;
  if (call.grpcService !== undefined) {
    if (!served.includes(call.grpcService)) throw new TopologyError(`${at}.grpcService "${call.grpcService}" is not served by "${call.service}" (it serves ${served.join(', ')})`);
    grpcService = call.grpcService;
  } else if (served.length === 1) {
    grpcService = served[0] as string;
  } else {
    throw new TopologyError(`${at}.grpcService is required: "${call.service}" serves ${served.join(', ')}`);
  }
  const service = protos.service(grpcService) as protobuf.Service; // checked for every serves entry

  const seen = new Set<string>();
  const methods = (call.methods ?? []).map((m, j): MethodRef => {
    const name = typeof m === 'string' ? m : m.name;
    if (seen.has(name)) throw new TopologyError(`${at}.methods[${j}] "${name}" is listed twice`);
    seen.add(name);
    const method = service.methods[name];
    if (!method) {
      throw new TopologyError(`${at}.methods[${j}] "${name}" is not a method of ${grpcService} (it has ${Object.keys(service.methods).join(', ')})`);
    }
    return {
      name,
      deadlineMs: typeof m === 'string' ? deadlineMs : m.deadlineMs ?? deadlineMs,
      idempotency: idempotencyOf(method),
      fullPath: `/${grpcService}/${name}`,
      serverStreaming: method.responseStream === true,
      clientStreaming: method.requestStream === true,
    };
  });
  return { service: call.service, protocol: 'grpc', grpcService, deadlineMs, methods };
}

function idempotencyOf(method: protobuf.Method): Idempotency {
  const level: unknown = method.options?.['idempotency_level'];
  return level === 'NO_SIDE_EFFECTS' || level === 'IDEMPOTENT' ? level : 'UNKNOWN';
}

// --- protos ------------------------------------------------------------------------------------

interface Protos {
  service(fullName: string): protobuf.Service | undefined;
  message(fullName: string): protobuf.Type | undefined;
}

/** Parses every .proto under protosDir (imports resolve against it; google/protobuf/* is bundled). */
export function loadProtos(protosDir: string): Protos {
  if (!isDir(protosDir)) throw new TopologyError(`protos: ${protosDir} is not a folder`);
  const files = listProtoFiles(protosDir).map((f) => f.split(path.sep).join('/'));
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => path.join(protosDir, target);
  try {
    root.loadSync(files, { keepCase: true });
    root.resolveAll();
  } catch (err) {
    throw new TopologyError(`protos: ${(err as Error).message}`);
  }
  const find = (fullName: string): protobuf.ReflectionObject | null => {
    // lookup() also searches nested namespaces for partial names; only the exact full name counts.
    const found = root.lookup(fullName);
    return found && found.fullName === `.${fullName}` ? found : null;
  };
  return {
    service(fullName) {
      const found = find(fullName);
      return found instanceof protobuf.Service ? found : undefined;
    },
    message(fullName) {
      const found = find(fullName);
      return found instanceof protobuf.Type ? found : undefined;
    },
  };
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
