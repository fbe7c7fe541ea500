// Sentinel's evaluation for `npm run eval:ai`: a thin wrapper over the service's evaluation core
// (services/sentinel/src/eval), which the service's Jest suite runs too. Simulated days of the
// suite's metrics with injected degradations go through the same engine the service runs.
import { runEvaluation } from '../../services/sentinel/src/eval/evaluate';
import type { AiEvaluation } from './types';

export async function evaluate(): Promise<AiEvaluation> {
  const { details, ...result } = runEvaluation();
  const fmt = (t: number) => new Date(t).toISOString().slice(5, 16).replace('T', ' ');
  for (const s of details.scores) {
    if (!s.predicted) console.log(`  sentinel: missed ${s.episode.type} in ${s.episode.service}${s.episode.subject ? ` (${s.episode.subject})` : ''}, breach at ${fmt(s.episode.breachTime!)}`);
  }
  for (const p of details.falseAlarms) console.log(`  sentinel: false alarm ${fmt(p.predictTime)} ${p.service} ${p.signal}`);
  return result;
}
