// What other services' tests, tools and the AI evaluation use.
export { recommendationsConfig, setupRecommendations, type RecommendationsConfig } from './service';
export { RECOMMENDATIONS_SERVICE, recommendationsAccess, recommendationsHandlers, modelVersion, type RecommendationsDeps } from './api';
export { CONSUMED, toSignal, type Signal } from './model/signals';
export { BehaviourModel, MODEL_FORMAT, DEFAULT_LIMITS, type ModelLimits, type ModelSnapshot } from './model/behaviour';
export { ContentIndex, type ProductText } from './model/content';
export { recommend, boughtTogether, type RecommendQuery, type Scored, type Source } from './model/recommender';
export { ModelRunner, type RunnerState } from './learn/runner';
export { SnapshotStore } from './learn/snapshots';
export { CatalogContent, productText } from './catalog';
export { RecommendationMetrics } from './metrics';
export { evaluateRecommendations, catalogFromSeed, TARGET_LIFT, type Evaluation, type SeedProduct, type EvalOptions } from './eval/evaluate';
export { generateHistory, sessionEvents, DEFAULT_HISTORY, type History, type HistoryOptions, type Session, type Draft, type CatalogItem } from './eval/history';
