// Trains the risk model on generated data and writes src/model/risk-model.json.
//   npm run train -w @mercato/risk
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainRiskModel } from './model/training';

const file = join(__dirname, '..', 'src', 'model', 'risk-model.json');
const started = Date.now();
const model = trainRiskModel();
writeFileSync(file, `${JSON.stringify(model, null, 2)}\n`);
process.stdout.write(`wrote ${model.version} (${model.training.orders} orders, train AUC ${model.training.trainAuc}) in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
