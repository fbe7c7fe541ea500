// The access rules the code declares, read from the built services (what the running stack
// executes): each service's exported kit ServeOptions (`access` / `defaultAccess` per RPC) and the
// gateway's route table (`access` and `kind` per route). Read in a child Node process, so Jest does
// not transpile every service, and nothing is listed by hand: a new RPC or route is covered.
import { execFileSync } from 'node:child_process';
import type { Topology } from '@mercato/topology';

export type Rule = 'public' | 'user' | 'admin';

export interface DeclaredServeOptions {
  /** Source file (relative to the service) and export name, for messages. */
  where: string;
  access: Record<string, Rule>;
  defaultAccess: Rule | undefined;
}

export interface DeclaredRoute {
  method: string;
  path: string;
  kind: 'api' | 'page' | 'form' | 'asset' | 'ops';
  access: Rule;
}

export interface Declared {
  /** Per service name: the ServeOptions objects its modules export (usually one). */
  grpc: Record<string, DeclaredServeOptions[]>;
  /** The gateway's routes from every `export function xxxRoutes(` factory in its sources. */
  routes: DeclaredRoute[];
}

// Runs in a plain Node process at the repository root: finds source files that mention
// ServeOptions (services) or export a route factory (gateway) and requires their dist/ twins.
const SCRIPT = String.raw`
const fs = require('fs'), path = require('path');
const [services, gatewayDir] = JSON.parse(process.argv[1]);
const sources = (dir) => {
  const out = [];
  const walk = (d) => { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith('.ts') && !p.endsWith('.d.ts')) out.push(p); } };
  if (fs.existsSync(dir)) walk(dir);
  return out;
};
const distOf = (dir, src) => path.join(dir, 'dist', path.relative(path.join(dir, 'src'), src)).replace(/\.ts$/, '.js');
const grpc = {};
for (const { name, dir } of services) {
  grpc[name] = [];
  for (const src of sources(path.join(dir, 'src')).filter((f) => /ServeOptions</.test(fs.readFileSync(f, 'utf8')))) {
    const m = require(distOf(dir, src));
    for (const [key, v] of Object.entries(m)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && ('access' in v || 'defaultAccess' in v)) {
        grpc[name].push({ where: path.relative(dir, src) + ' ' + key, access: v.access || {}, defaultAccess: v.defaultAccess });
      }
    }
  }
}
const routes = [];
if (gatewayDir) {
  for (const src of sources(path.join(gatewayDir, 'src'))) {
    const names = [...fs.readFileSync(src, 'utf8').matchAll(/export function (\w+Routes)\(/g)].map((x) => x[1]);
    if (names.length === 0) continue;
    const m = require(distOf(gatewayDir, src));
    // The factories only build route objects; their dependencies are used when a handler runs.
    for (const n of names) for (const r of m[n]({})) routes.push({ method: r.method, path: r.path, kind: r.kind, access: r.access });
  }
}
process.stdout.write(JSON.stringify({ grpc, routes }));
`;

export function readDeclared(topology: Topology): Declared {
  const services = topology.services.filter((s) => s.serves.length > 0).map((s) => ({ name: s.name, dir: s.dir }));
  const gateway = topology.services.find((s) => s.name === 'gateway');
  const out = execFileSync(process.execPath, ['-e', SCRIPT, JSON.stringify([services, gateway?.dir])], { cwd: topology.root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(out) as Declared;
}

/**
 * The rule of every method of a service, as the kit applies it: the method's entry, else
 * `defaultAccess`, else public. Refuses an ambiguous declaration or one naming an unknown method.
 */
export function rulesFor(service: string, options: DeclaredServeOptions[], methods: string[]): Record<string, Rule> {
  if (options.length > 1) throw new Error(`${service} exports ${options.length} ServeOptions with access rules (${options.map((o) => o.where).join(', ')}): the matrix cannot tell which one is served`);
  const o = options[0];
  for (const m of Object.keys(o?.access ?? {})) if (!methods.includes(m)) throw new Error(`${o!.where} declares access for ${m}, which the proto does not have`);
  return Object.fromEntries(methods.map((m) => [m, o?.access[m] ?? o?.defaultAccess ?? 'public']));
}
