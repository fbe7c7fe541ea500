// npm run gen:dashboards: writes the dashboards and the alert rules into the chart.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadTopology } from '@mercato/topology';
import { DASHBOARDS_DIR, renderAll } from './render';

const topology = loadTopology();
const root = topology.root;
const files = renderAll(topology);
// Dashboards that no longer exist go away.
const dashboards = path.join(root, DASHBOARDS_DIR);
mkdirSync(dashboards, { recursive: true });
for (const f of readdirSync(dashboards)) if (!files.has(path.join(DASHBOARDS_DIR, f))) rmSync(path.join(dashboards, f));
for (const [rel, content] of files) {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), content);
  process.stdout.write(`wrote ${rel}\n`);
}
