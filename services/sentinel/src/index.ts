export { sentinelConfig, setupSentinel, type SentinelConfig } from './service';
export { Sentinel, type PredictionRecord, type SentinelSettings } from './engine';
export { defaultDetectorSettings } from './model/signal';
export { limitsFromTopology, SLO, type Limits, type SignalSpec } from './signals/definitions';
export { DEFAULT_EXTRACT, type Scrape } from './signals/extract';
export { parseExposition, type Sample } from './prom/text';
export { parseTargets } from './sources/targets';
export { runEvaluation, DEFAULT_EVAL, type SentinelEvaluation } from './eval/evaluate';
