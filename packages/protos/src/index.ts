// The shared contracts: every .proto under protos/ loaded once with the same options the
// generated types were made with (scripts/gen-proto-types.mjs).
import * as protoLoader from '@grpc/proto-loader';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Keep in step with the generator's flags: the generated types assume exactly these. */
export const LOADER_OPTIONS: protoLoader.Options = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
};

/** The protos/ folder: found next to the repo root (or an image's /app). */
export function protosRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'protos');
    if (existsSync(path.join(candidate, 'mercato'))) return candidate;
    dir = path.dirname(dir);
  }
  throw new Error('cannot find the protos/ folder above ' + __dirname);
}

export function listProtoFiles(root = protosRoot()): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.proto')) out.push(path.relative(root, full));
    }
  };
  walk(path.join(root, 'mercato'));
  return out;
}

let cached: protoLoader.PackageDefinition | undefined;

/** Every Mercato proto, loaded once per process. */
export function loadProtos(): protoLoader.PackageDefinition {
  if (!cached) {
    const root = protosRoot();
    cached = protoLoader.loadSync(listProtoFiles(root), { ...LOADER_OPTIONS, includeDirs: [root] });
  }
  return cached;
}

/** Loads extra proto files (tests, benchmarks) with the same options. */
export function loadProtoFiles(files: string[], includeDirs: string[]): protoLoader.PackageDefinition {
  return protoLoader.loadSync(files, { ...LOADER_OPTIONS, includeDirs });
}

/** The message type of a full name, for encoding/decoding event payloads. */
export function messageType(fullName: string): protoLoader.MessageTypeDefinition<object, object> {
  const def = loadProtos()[fullName];
  if (!def || !('format' in def) || def.format !== 'Protocol Buffer 3 DescriptorProto') throw new Error(`no message named ${fullName} in the protos`);
  return def as protoLoader.MessageTypeDefinition<object, object>;
}
