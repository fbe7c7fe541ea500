// The image runs each service as the local runner does: the same V8 flags (through NODE_OPTIONS,
// so they must be flags Node accepts there) and the kit's OpenTelemetry preload.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVICE_NODE_FLAGS } from '@mercato/runner';
import { repoRoot } from './lib/tools';

const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

function nodeOptions(): string[] {
  const match = /NODE_OPTIONS="([^"]*)"/.exec(dockerfile);
  if (!match) throw new Error('the Dockerfile sets no NODE_OPTIONS');
  return match[1]!.split(/\s+/).filter(Boolean);
}

test("the image's NODE_OPTIONS carry the runner's service flags", () => {
  expect(SERVICE_NODE_FLAGS.length).toBeGreaterThan(0);
  expect(nodeOptions()).toEqual(expect.arrayContaining([...SERVICE_NODE_FLAGS]));
});

test("Node accepts the image's NODE_OPTIONS and applies the semi-space limit", () => {
  const r = spawnSync(process.execPath, ['-e', "const s = require('v8').getHeapSpaceStatistics().find((x) => x.space_name === 'new_space'); console.log(s.space_size)"], {
    env: { ...process.env, NODE_OPTIONS: nodeOptions().join(' ') },
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const limit = /--max-semi-space-size=(\d+)/.exec(nodeOptions().join(' '));
  expect(limit).not.toBeNull();
  expect(Number(r.stdout.trim())).toBeLessThanOrEqual(Number(limit![1]) * 2 ** 20);
});

test('the image starts services through the kit preload', () => {
  const entrypoint = dockerfile.split('\n').find((line) => line.startsWith('ENTRYPOINT'));
  expect(entrypoint).toContain('exec node --require @mercato/kit/otel');
  expect(entrypoint).toContain('services/${SERVICE}/dist/main.js');
});
