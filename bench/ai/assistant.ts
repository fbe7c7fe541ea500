// Assistant evaluation for npm run eval:ai: a thin wrapper over the service's evaluation core,
// with the catalog service on PostgreSQL when one is reachable (else the embedded PGlite).
// The seed generator's vocabulary labels review sentences as pros or cons: it is the ground
// truth for the polarity figures (reported on categories the lexicon was not tuned on).
import { testDatabaseIfAvailable } from '@mercato/db';
import { evaluateAssistant } from '../../services/assistant/src/eval/evaluate';
import { CATEGORIES } from '../../services/catalog/scripts/seed-vocab';
import type { AiEvaluation } from './types';

export async function evaluate(): Promise<AiEvaluation> {
  const db = await testDatabaseIfAvailable('mercato_eval_assistant');
  try {
    const report = await evaluateAssistant({ labels: { categories: CATEGORIES }, latencyCalls: 500, ...(db ? { databaseUrl: db.url } : {}) });
    for (const failure of report.failures.slice(0, 20)) console.log(`  assistant: ${failure}`);
    return { service: 'assistant', passed: report.passed, metrics: { ...report.metrics, catalogDatabase: db ? 'postgres' : 'pglite' }, table: report.table };
  } finally {
    await db?.drop();
  }
}
