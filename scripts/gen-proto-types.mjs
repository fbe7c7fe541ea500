#!/usr/bin/env node
// Generates TypeScript types for every proto under protos/ into packages/protos/src/generated,
// with the same loader options as packages/protos (keep them in step). Usage:
//   node scripts/gen-proto-types.mjs            write the generated files
//   node scripts/gen-proto-types.mjs --out DIR  write them elsewhere (the drift test does)
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const protos = path.join(root, 'protos');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'packages/protos/src/generated');

function list(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? list(full) : name.endsWith('.proto') ? [path.relative(protos, full)] : [];
  });
}

const require = createRequire(import.meta.url);
const bin = path.join(path.dirname(require.resolve('@grpc/proto-loader/package.json')), 'build/bin/proto-loader-gen-types.js');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(process.execPath, [
  bin,
  '--longs=String', '--enums=String', '--defaults', '--oneofs', '--includeComments',
  '--grpcLib=@grpc/grpc-js',
  '-I', protos,
  '-O', out,
  ...list(path.join(protos, 'mercato')).map((f) => path.join('mercato', f.slice('mercato/'.length))),
], { cwd: protos, stdio: 'inherit' });
// The per-file aggregate types collide (several events.proto) and are unused: keep the per-type files.
for (const name of readdirSync(out)) if (name.endsWith('.ts')) rmSync(path.join(out, name));
// Record the proto path relative to the repo, never this machine's folders.
const walk = (dir) => readdirSync(dir).forEach((name) => {
  const full = path.join(dir, name);
  if (statSync(full).isDirectory()) return walk(full);
  const text = readFileSync(full, 'utf8');
  const fixed = text.replace(/^\/\/ Original file: (.*)$/m, (_, file) => `// Original file: ${path.relative(root, file).split(path.sep).join('/')}`);
  if (fixed !== text) writeFileSync(full, fixed);
});
walk(out);
console.log(`generated types for ${list(path.join(protos, 'mercato')).length} proto files into ${path.relative(root, out)}`);
