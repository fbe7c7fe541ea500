// Files derived from the topology must be current: the chart's `services:` values block, and
// k8s/ (rendered from the chart). Fix a failure with `npm run gen:chart`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadTopology } from '@mercato/topology';
import { committedBlock, renderServicesBlock } from './lib/derive';
import { renderK8s } from './lib/k8s-base';
import { describeWith, findTool, repoRoot, run } from './lib/tools';

test('charts/mercato/values.yaml: the services block matches services/*/service.yaml (npm run gen:chart)', () => {
  const values = fs.readFileSync(path.join(repoRoot, 'charts', 'mercato', 'values.yaml'), 'utf8');
  expect(committedBlock(values)).toBe(renderServicesBlock(loadTopology()));
});

const helm = findTool('helm');
describeWith('helm', helm !== undefined, () => {
  test('k8s/base and k8s/components match the chart (npm run gen:chart)', () => {
    const files = renderK8s(repoRoot, (cmd, args) => run(cmd === 'helm' ? helm! : cmd, args));
    for (const [rel, content] of Object.entries(files)) {
      const file = path.join(repoRoot, rel);
      expect({ file: rel, content: fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '(missing)' }).toEqual({ file: rel, content });
    }
  });
}, 'k8s/ drift');
