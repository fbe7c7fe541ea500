// Summarizes .cpuprofile files written by `BENCH_PROFILE=1 node bench/kit/dist/run.js`: self time
// by function and by package/file, so the kit's hot-path costs stand out.
//   node bench/kit/dist/profile-summary.js bench/kit/dist/profiles/kit-server-*.cpuprofile
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const TOP = Number(process.env.TOP ?? 30);

function where(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const pk = url.indexOf('/packages/');
  if (pk >= 0) return url.slice(pk + 1);
  if (url.startsWith('node:')) return url;
  return url.split('/').slice(-2).join('/');
}

for (const file of process.argv.slice(2)) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });
  const byFn = new Map<string, number>();
  const byPkg = new Map<string, number>();
  for (const [id, us] of self) {
    const n = byId.get(id)!;
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${where(f.url)}:${f.lineNumber + 1}`;
    byFn.set(key, (byFn.get(key) ?? 0) + us);
    const pkg = f.url ? where(f.url).split(':')[0]! : f.functionName;
    byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + us);
  }
  // CALLERS=name: where the self time of functions with that name comes from (3 frames up).
  const wanted = process.env.CALLERS;
  const parent = new Map<number, Node>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const byStack = new Map<string, number>();
  if (wanted) {
    for (const [id, us] of self) {
      const n = byId.get(id)!;
      if (n.callFrame.functionName !== wanted) continue;
      const chain: string[] = [];
      for (let q = parent.get(id), k = 0; q && k < Number(process.env.DEPTH ?? 4); q = parent.get(q.id), k++) chain.push(`${q.callFrame.functionName || '(anon)'} ${where(q.callFrame.url)}:${q.callFrame.lineNumber + 1}`);
      const key = chain.join(' < ');
      byStack.set(key, (byStack.get(key) ?? 0) + us);
    }
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)}%`;
  console.log(`\n== ${file}: ${(total / 1e6).toFixed(1)} s sampled`);
  console.log('-- self time by package/file');
  for (const [k, us] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(us)}  ${k}`);
  if (wanted) {
    console.log(`-- callers of ${wanted}`);
    for (const [k, us] of [...byStack].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`${pct(us)}  ${k}`);
  }
  console.log('-- self time by function');
  for (const [k, us] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${pct(us)}  ${k}`);
}
