// Explicit rules next to the model: patterns clear enough to act on whatever the score says.
// A rule can only make a decision stricter (approve → review → decline), never milder.
import { formatAmount } from './domain/order';
import { HOUR } from './features/state';
import type { FeatureCode, Signals } from './features/extract';

export type Verdict = 'approve' | 'review' | 'decline';

export type RuleCode = 'card_decline_burst' | 'card_many_customers' | 'new_account_large_basket' | 'order_burst' | 'recent_risk_decline';

export interface RuleHit {
  code: RuleCode;
  verdict: Exclude<Verdict, 'approve'>;
  description: string;
}

/** The rules' thresholds: one place to read and tune them. */
export const RULE_LIMITS = {
  /** Declines of one card in the last hour from which every order with it is declined. */
  cardDeclinesPerHour: 3,
  /** Other customers on one card (30 days) from which it is treated as stolen. */
  cardCustomers: 5,
  /** An account younger than this ... */
  newAccountMs: 24 * HOUR,
  /** ... with a basket at least this large (major units) goes to review. */
  largeBasket: 1000,
  /** Orders by one customer in the last hour from which the next goes to review. */
  ordersPerHour: 8,
} as const;

/** The feature each rule is about: a rule's reason names that feature too. */
export const RULE_FEATURE: Partial<Record<RuleCode, FeatureCode>> = {
  card_decline_burst: 'failed_payment_attempts',
  card_many_customers: 'card_shared',
  new_account_large_basket: 'new_account',
  order_burst: 'order_velocity',
};

export const RULE_CODES: readonly RuleCode[] = ['card_decline_burst', 'card_many_customers', 'new_account_large_basket', 'order_burst', 'recent_risk_decline'];

const hours = (ms: number): string => (ms < HOUR ? `${Math.max(1, Math.round(ms / 60_000))} minutes` : `${Math.round(ms / HOUR)} hours`);

export function fireRules(s: Signals, limits = RULE_LIMITS): RuleHit[] {
  const hits: RuleHit[] = [];
  if (s.cardDeclinesHour >= limits.cardDeclinesPerHour) {
    hits.push({ code: 'card_decline_burst', verdict: 'decline', description: `Card decline burst: this card was declined ${s.cardDeclinesHour} times in the last hour (rule declines from ${limits.cardDeclinesPerHour})` });
  }
  if (s.cardOtherCustomers >= limits.cardCustomers) {
    hits.push({ code: 'card_many_customers', verdict: 'decline', description: `Card shared by many customers: ${s.cardOtherCustomers} other customers used this card in the last 30 days (rule declines from ${limits.cardCustomers})` });
  }
  if (s.accountAgeMs < limits.newAccountMs && s.total >= limits.largeBasket) {
    hits.push({ code: 'new_account_large_basket', verdict: 'review', description: `New account with a large basket: account ${hours(s.accountAgeMs)} old, total ${formatAmount(s.total, s.currency)} (rule reviews from ${limits.largeBasket} within ${limits.newAccountMs / HOUR} hours)` });
  }
  if (s.ordersLastHour >= limits.ordersPerHour) {
    hits.push({ code: 'order_burst', verdict: 'review', description: `Order burst: ${s.ordersLastHour} earlier orders by this customer in the last hour (rule reviews from ${limits.ordersPerHour})` });
  }
  if (s.riskDeclinesDay > 0) {
    hits.push({ code: 'recent_risk_decline', verdict: 'review', description: `Recent risk decline: ${s.riskDeclinesDay} order(s) of this customer declined by risk in the last 24 hours` });
  }
  return hits;
}

const RANK: Record<Verdict, number> = { approve: 0, review: 1, decline: 2 };

export function strictest(...verdicts: Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((a, b) => (RANK[b] > RANK[a] ? b : a), 'approve');
}
