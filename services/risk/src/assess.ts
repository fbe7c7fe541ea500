// One order's assessment, pure: features as of the order's time → model score → rules →
// decision, with the reasons that explain it. No I/O and no clock: the order carries its time.
import type { RiskOrder } from './domain/order';
import { FEATURES, featureVector, signals, type FeatureCode, type Signals } from './features/extract';
import type { FeatureState } from './features/state';
import { score } from './model/logistic';
import type { RiskModel } from './model/model';
import { describeFeature } from './reasons';
import { fireRules, strictest, type RuleCode, type RuleHit, type Verdict } from './rules';

export interface Thresholds {
  /** Score from which an order goes to review. */
  review: number;
  /** Score from which an order is declined. */
  decline: number;
}

export interface Reason {
  code: FeatureCode | RuleCode;
  description: string;
  /** Share of the score this reason explains: a feature group's share of the positive log-odds; 1 for a rule (it decides alone). */
  weight: number;
}

export interface Assessment {
  verdict: Verdict;
  score: number;
  reasons: Reason[];
  modelVersion: string;
  rules: RuleHit[];
  signals: Signals;
}

/** At most this many reasons, rules first; feature groups below MIN_SHARE are left out. */
export const MAX_REASONS = 5;
const MAX_FEATURE_REASONS = 3;
const MIN_SHARE = 0.1;

const round = (x: number, digits = 4): number => Math.round(x * 10 ** digits) / 10 ** digits;

/** Feature groups that pushed the score up, strongest first, with their share of that push. */
export function featureReasons(s: Signals, contributions: readonly number[], weights: readonly number[]): Reason[] {
  const byCode = new Map<FeatureCode, number>();
  // Only what reads as risk: a low value of a protective input (negative weight) is no reason.
  FEATURES.forEach((f, i) => byCode.set(f.code, (byCode.get(f.code) ?? 0) + (weights[i]! > 0 ? contributions[i]! : 0)));
  const up = [...byCode].filter(([, c]) => c > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const total = up.reduce((sum, [, c]) => sum + c, 0);
  return up
    .map(([code, c]) => ({ code, description: describeFeature(code, s), weight: round(c / total) }))
    .filter((r, i) => i === 0 || r.weight >= MIN_SHARE)
    .slice(0, MAX_FEATURE_REASONS);
}

export function assessOrder(state: FeatureState, order: RiskOrder, model: RiskModel, t: Thresholds): Assessment {
  const s = signals(state, order);
  const { probability, contributions } = score(model, featureVector(s));
  const rules = fireRules(s);
  const byScore: Verdict = probability >= t.decline ? 'decline' : probability >= t.review ? 'review' : 'approve';
  const verdict = strictest(byScore, ...rules.map((r) => r.verdict));
  const reasons: Reason[] = [...rules.map((r) => ({ code: r.code, description: r.description, weight: 1 })), ...featureReasons(s, contributions, model.weights)].slice(0, MAX_REASONS);
  return { verdict, score: round(probability, 6), reasons, modelVersion: model.version, rules, signals: s };
}
