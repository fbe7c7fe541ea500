#!/usr/bin/env node
// Regenerates what the chart and k8s/ derive from the topology:
//   1. the `services:` block of charts/mercato/values.yaml (from services/*/service.yaml);
//   2. with --k8s (needs helm: .tools/helm or PATH), k8s/base/mercato.yaml (`helm template` with
//      k8s/base/values.yaml) and k8s/components/{istio,linkerd,observability}/ (what each option adds).
// `--check` writes nothing and exits 1 when a file is out of date.
// The derivation itself is tests/manifests/lib/derive.ts (shared with the drift test); TypeScript
// is transpiled on the fly with the project's own `typescript`, so no build step is needed.
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const ts = require('typescript');
const Module = require('node:module');
Module._extensions['.ts'] = (mod, filename) => {
  const src = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(src, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  mod._compile(out.outputText, filename);
};

const derive = require(path.join(root, 'tests/manifests/lib/derive.ts'));
const { loadTopology } = require(path.join(root, 'packages/topology/src/index.ts'));
const { renderK8s } = require(path.join(root, 'tests/manifests/lib/k8s-base.ts'));

const args = new Set(process.argv.slice(2));
const check = args.has('--check');
let stale = false;

const valuesPath = path.join(root, 'charts/mercato/values.yaml');
const current = fs.readFileSync(valuesPath, 'utf8');
const next = derive.spliceValues(current, derive.renderServicesBlock(loadTopology(root)));
if (next !== current) {
  stale = true;
  if (!check) fs.writeFileSync(valuesPath, next);
  console.log(`${check ? 'out of date' : 'wrote'}: charts/mercato/values.yaml`);
}

if (args.has('--k8s')) {
  const files = renderK8s(root, (cmd, argv) => execFileSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 }));
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (old === content) continue;
    stale = true;
    if (!check) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    console.log(`${check ? 'out of date' : 'wrote'}: ${rel}`);
  }
}
if (check && stale) process.exit(1);
