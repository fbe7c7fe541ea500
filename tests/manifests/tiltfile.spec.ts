// There is no tilt binary here. This proves only that the Tiltfile is syntactically valid for
// Python's parser (Starlark is a Python subset) and uses no constructs Starlark lacks (classes,
// try, while, with, imports, lambdas with defaults are fine); it does not run Tilt's API.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTopology } from '@mercato/topology';
import { describeWith, findTool, repoRoot } from './lib/tools';

const python = findTool('python3');
const CHECK = `
import ast, sys
src = open(sys.argv[1]).read()
tree = ast.parse(src, sys.argv[1])
banned = (ast.ClassDef, ast.Try, ast.While, ast.With, ast.Import, ast.ImportFrom, ast.AsyncFunctionDef, ast.Global, ast.Nonlocal, ast.Yield, ast.YieldFrom, ast.Await)
bad = [f"{type(n).__name__} at line {n.lineno}" for n in ast.walk(tree) if isinstance(n, banned)]
if bad:
    print("not Starlark: " + ", ".join(bad)); sys.exit(1)
print("ok")
`;

describeWith('python3', python !== undefined, () => {
  test('the Tiltfile parses as Starlark (Python-subset syntax check)', () => {
    const r = spawnSync(python!, ['-c', CHECK, path.join(repoRoot, 'Tiltfile')], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('ok');
    expect(r.status).toBe(0);
  });
}, 'Tiltfile');

test('the Tiltfile derives its resources from the topology, not a hand-kept list', () => {
  const text = fs.readFileSync(path.join(repoRoot, 'Tiltfile'), 'utf8');
  expect(text).toContain("listdir('services'");
  expect(text).toContain("helm('charts/mercato'");
  for (const s of loadTopology().services) expect(text.includes(`'${s.name}'`)).toBe(false);
});
