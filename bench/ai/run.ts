// npm run eval:ai — runs each AI service's evaluation (bench/ai/<service>.ts), prints one table,
// writes bench/results/ai.json, and exits 1 when a target is missed. EVAL_ONLY=risk,sentinel
// runs a subset.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as assistant from './assistant';
import * as recommendations from './recommendations';
import * as risk from './risk';
import * as sentinel from './sentinel';
import type { AiEvaluation } from './types';

const ALL: Record<string, { evaluate(): Promise<AiEvaluation> }> = { recommendations, risk, assistant, sentinel };

async function main(): Promise<void> {
  const only = process.env.EVAL_ONLY ? process.env.EVAL_ONLY.split(',').map((s) => s.trim()) : Object.keys(ALL);
  for (const name of only) if (!ALL[name]) throw new Error(`EVAL_ONLY: unknown service "${name}" (${Object.keys(ALL).join(', ')})`);
  const results: AiEvaluation[] = [];
  for (const name of only) {
    console.log(`evaluating ${name}…`);
    results.push(await ALL[name]!.evaluate());
  }
  const lines = ['| service | figure | measured | target |', '|---|---|---|---|'];
  for (const r of results) for (const [figure, measured, target] of r.table) lines.push(`| ${r.service} | ${figure} | ${measured} | ${target} |`);
  lines.push('', ...results.map((r) => `- ${r.service}: ${r.passed ? 'all targets met' : 'TARGET MISSED'}`));
  console.log(`\n${lines.join('\n')}`);
  const dir = join(__dirname, '..', '..', '..', '..', '..', 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`;
  writeFileSync(join(dir, 'ai.json'), `${JSON.stringify({ date: new Date().toISOString(), machine, results }, null, 2)}\n`);
  writeFileSync(join(dir, 'ai.md'), `# AI evaluation (${new Date().toISOString().slice(0, 10)}, ${machine})\n\n${lines.join('\n')}\n`);
  if (results.some((r) => !r.passed)) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
