import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { listProtoFiles, loadProtos } from '@mercato/protos';

const root = path.resolve(__dirname, '../../..');
const committed = path.join(root, 'packages/protos/src/generated');

function tree(dir: string, base = dir): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [k, v] of tree(full, base)) out.set(k, v);
    else out.set(path.relative(base, full), readFileSync(full, 'utf8'));
  }
  return out;
}

describe('generated proto types', () => {
  it('match what the generator makes from protos/ today (run `npm run gen` after editing a proto)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'mercato-gen-'));
    try {
      execFileSync(process.execPath, [path.join(root, 'scripts/gen-proto-types.mjs'), '--out', out], { stdio: 'pipe' });
      const fresh = tree(out);
      const current = tree(committed);
      expect([...current.keys()].sort()).toEqual([...fresh.keys()].sort());
      for (const [file, text] of fresh) expect({ file, text: current.get(file) }).toEqual({ file, text });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('load every proto with the shared options', () => {
    expect(listProtoFiles().length).toBeGreaterThan(10);
    const defs = loadProtos();
    expect(defs['mercato.catalog.v1.CatalogService']).toBeDefined();
    expect(defs['mercato.common.v1.Money']).toBeDefined();
  });
});
