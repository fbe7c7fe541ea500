// Finding the external tools (helm, kubectl, promtool) and the CRD schemas, rendering the chart,
// and validating rendered objects. Tools are looked up in .tools/ (scripts/install-tools.sh),
// then on PATH; a missing tool skips its tests unless MERCATO_REQUIRE_ALL=1.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { parseAllDocuments } from 'yaml';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const chartDir = path.join(repoRoot, 'charts', 'mercato');
export const crdDir = path.resolve(repoRoot, '..', 'shared', 'schemas', 'crds');
export const requireAll = process.env['MERCATO_REQUIRE_ALL'] === '1';

export function findTool(name: string): string | undefined {
  const local = path.join(repoRoot, '.tools', name);
  if (fs.existsSync(local)) return local;
  for (const dir of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** describe when the tool is there; otherwise a failing test (MERCATO_REQUIRE_ALL=1) or a skip. */
export function describeWith(what: string, available: boolean, fn: () => void, name: string): void {
  if (available) {
    describe(name, fn);
  } else if (requireAll) {
    describe(name, () => {
      test(`${what} is available (MERCATO_REQUIRE_ALL=1; run scripts/install-tools.sh)`, () => {
        throw new Error(`${what} is missing: run scripts/install-tools.sh`);
      });
    });
  } else {
    describe.skip(`${name} (skipped: ${what} missing; run scripts/install-tools.sh)`, fn);
  }
}

export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  [key: string]: any;
}

export function parseObjects(text: string): K8sObject[] {
  const out: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`YAML error: ${doc.errors[0]!.message}`);
    const obj = doc.toJS() as K8sObject | null;
    if (obj && typeof obj === 'object') out.push(obj);
  }
  return out;
}

export function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(' ')} failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

export function helmTemplate(helm: string, sets: Record<string, string>, namespace = 'mercato'): K8sObject[] {
  const args = ['template', 'mercato', chartDir, '--namespace', namespace];
  for (const [k, v] of Object.entries(sets)) args.push('--set', `${k}=${v}`);
  return parseObjects(run(helm, args));
}

// --- core kinds: kubernetes-models ------------------------------------------------------------

/** Validates core objects with kubernetes-models; returns "Kind name: error" for each failure. */
export function validateCore(objs: K8sObject[]): string[] {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'validate-core.mjs')], {
    cwd: repoRoot, input: JSON.stringify(objs), encoding: 'utf8', maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`validate-core.mjs failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { kind: string; name: string; error: string }[]).map((f) => `${f.kind} ${f.name}: ${f.error}`);
}

export function isCoreKind(obj: K8sObject): boolean {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0]! : '';
  return group === '' || group.endsWith('.k8s.io') && !group.startsWith('gateway.networking') || ['apps', 'autoscaling', 'policy', 'batch'].includes(group);
}

// --- custom resources: the CRDs' openAPIV3Schema with ajv ------------------------------------

export class CrdValidator {
  private readonly schemas = new Map<string, object>();
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, code: { regExp: goRegExp } });

  constructor(dir: string) {
    for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
      for (const crd of parseObjects(fs.readFileSync(path.join(dir, file), 'utf8'))) {
        if (crd.kind !== 'CustomResourceDefinition') continue;
        for (const v of crd.spec.versions as { name: string; served: boolean; schema?: { openAPIV3Schema: object } }[]) {
          if (v.served && v.schema) this.schemas.set(`${crd.spec.group}/${v.name}/${crd.spec.names.kind}`, v.schema.openAPIV3Schema);
        }
      }
    }
  }

  has(obj: K8sObject): boolean {
    return this.schemas.has(`${obj.apiVersion}/${obj.kind}`);
  }

  /** Throws with ajv's errors when obj does not match its CRD's schema. */
  validate(obj: K8sObject): void {
    const key = `${obj.apiVersion}/${obj.kind}`;
    const schema = this.schemas.get(key);
    if (!schema) throw new Error(`no CRD schema for ${key}`);
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(stripKubernetesExtensions(schema));
      this.compiled.set(key, fn);
    }
    const ok: boolean = fn(obj as unknown);
    if (!ok) {
      throw new Error(`${key} ${obj.metadata.name}: ${this.ajv.errorsText(fn.errors, { separator: '; ' })}`);
    }
  }
}

/** CRD patterns are Go (RE2) regexps: an inline (?i) becomes the JavaScript 'i' flag. */
const goRegExp = Object.assign(
  (pattern: string, flags: string) => (pattern.includes('(?i)') ? new RegExp(pattern.replace(/\(\?i\)/g, ''), `${flags}i`) : new RegExp(pattern, flags)),
  { code: 'new RegExp' },
);

/** Structural schemas carry x-kubernetes-* keys ajv doesn't know; int-or-string needs a type. */
function stripKubernetesExtensions(schema: any): any {
  if (Array.isArray(schema)) return schema.map(stripKubernetesExtensions);
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [k, v] of Object.entries(schema)) {
    if (k.startsWith('x-kubernetes-')) continue;
    out[k] = stripKubernetesExtensions(v);
  }
  if (schema['x-kubernetes-int-or-string'] === true && out.type === undefined && out.anyOf === undefined) {
    out.type = ['integer', 'string'];
  }
  return out;
}

