// Assessments as a specification: given a history, when an order is assessed, then this decision
// with these reasons — the rules, the thresholds, and what the reasons say.
import { assessOrder, MAX_REASONS, type Assessment, type Thresholds } from '../src/assess';
import { FEATURES } from '../src/features/extract';
import { shippedModel, type RiskModel } from '../src/model/model';
import { RULE_LIMITS } from '../src/rules';
import { address, DAY, fold, History, HOUR, MINUTE, regular, riskOrder, T0, type RequestOptions } from './support/history';

const model = shippedModel();
const DEFAULTS: Thresholds = { review: 0.5, decline: 0.85 };
const logit = (p: number): number => Math.log(p / (1 - p));

/** A model that answers `p` whatever the order (zero weights), to pin the thresholds down. */
const constant = (p: number): RiskModel => ({ ...model, weights: model.weights.map(() => 0), bias: logit(p), version: 'constant' });

const given = (build: (h: History) => History = (h) => h, m: RiskModel = model, t: Thresholds = DEFAULTS) => ({
  when: (o: RequestOptions): Assessment => assessOrder(fold(build(new History())), riskOrder(o), m, t),
});

const codes = (a: Assessment): string[] => a.reasons.map((r) => r.code);

describe('assessing an order', () => {
  it('approves an ordinary order of a regular customer, with a low score', () => {
    const a = given((h) => regular(h, 'amy', 6, 50)).when({ orderId: 'o', customerId: 'amy', total: 55 });
    expect(a.verdict).toBe('approve');
    expect(a.score).toBeLessThan(0.1);
    expect(a.rules).toEqual([]);
    expect(a.modelVersion).toBe(model.version);
  });

  it('maps the score to a decision with the configured thresholds', () => {
    expect(given(undefined, constant(0.49)).when({ orderId: 'o', customerId: 'c' }).verdict).toBe('approve');
    expect(given(undefined, constant(0.51)).when({ orderId: 'o', customerId: 'c' }).verdict).toBe('review');
    expect(given(undefined, constant(0.86)).when({ orderId: 'o', customerId: 'c' }).verdict).toBe('decline');
    expect(given(undefined, constant(0.86), { review: 0.5, decline: 0.9 }).when({ orderId: 'o', customerId: 'c' }).verdict).toBe('review');
  });

  it('declines a card declined again and again in the last hour, whatever the score (rule first among the reasons)', () => {
    const burst = (h: History) => h.declined('d1', 'x', T0 - 50 * MINUTE, 'fp-hot').declined('d2', 'y', T0 - 30 * MINUTE, 'fp-hot').declined('d3', 'x', T0 - 5 * MINUTE, 'fp-hot');
    const a = given(burst, constant(0.01)).when({ orderId: 'o', customerId: 'z', fingerprint: 'fp-hot' });
    expect(a.verdict).toBe('decline');
    expect(a.reasons[0]).toMatchObject({ code: 'card_decline_burst', weight: 1 });
    expect(a.reasons[0]!.description).toContain(`declined 3 times in the last hour (rule declines from ${RULE_LIMITS.cardDeclinesPerHour})`);
    // Two declines are not a burst.
    const two = (h: History) => h.declined('d1', 'x', T0 - 50 * MINUTE, 'fp-hot').declined('d2', 'y', T0 - 30 * MINUTE, 'fp-hot');
    expect(given(two, constant(0.01)).when({ orderId: 'o', customerId: 'z', fingerprint: 'fp-hot' }).verdict).toBe('approve');
  });

  it('declines a card used by many other customers', () => {
    const h = (b: History) => {
      for (let i = 0; i < RULE_LIMITS.cardCustomers; i++) b.placed({ orderId: `o${i}`, customerId: `acct-${i}`, at: T0 - (i + 1) * DAY, fingerprint: 'fp-list' });
      return b;
    };
    const a = given(h, constant(0.01)).when({ orderId: 'o', customerId: 'me', fingerprint: 'fp-list' });
    expect(a.verdict).toBe('decline');
    expect(codes(a)[0]).toBe('card_many_customers');
  });

  it('sends a brand-new account with a large basket to review, and not an old one', () => {
    const large = { orderId: 'o', customerId: 'n', total: RULE_LIMITS.largeBasket, accountCreatedAt: T0 - 2 * HOUR };
    const a = given(undefined, constant(0.01)).when(large);
    expect(a.verdict).toBe('review');
    expect(a.reasons[0]!.description).toMatch(/^New account with a large basket: account 2 hours old, total USD 1,000\.00/);
    expect(given(undefined, constant(0.01)).when({ ...large, accountCreatedAt: T0 - 3 * DAY }).verdict).toBe('approve');
  });

  it('sends an order burst and a customer recently declined by risk to review', () => {
    const burst = (h: History) => {
      for (let i = 0; i < RULE_LIMITS.ordersPerHour; i++) h.placed({ orderId: `b${i}`, customerId: 'fast', at: T0 - (i + 1) * 5 * MINUTE });
      return h;
    };
    expect(codes(given(burst, constant(0.01)).when({ orderId: 'o', customerId: 'fast' }))).toContain('order_burst');
    const declined = (h: History) => h.placed({ orderId: 'd', customerId: 'again', at: T0 - 3 * HOUR }).failed('d', 'again', T0 - 3 * HOUR, 'FAILURE_REASON_RISK_DECLINED');
    const a = given(declined, constant(0.01)).when({ orderId: 'o', customerId: 'again' });
    expect(a.verdict).toBe('review');
    expect(codes(a)[0]).toBe('recent_risk_decline');
    // A payment decline is not a risk decline.
    const paid = (h: History) => h.placed({ orderId: 'd', customerId: 'again', at: T0 - 3 * HOUR }).failed('d', 'again', T0 - 3 * HOUR, 'FAILURE_REASON_PAYMENT_DECLINED');
    expect(given(paid, constant(0.01)).when({ orderId: 'o', customerId: 'again' }).verdict).toBe('approve');
  });

  it('never lets a rule make a decision milder than the score', () => {
    const a = given(undefined, constant(0.99)).when({ orderId: 'o', customerId: 'n', total: RULE_LIMITS.largeBasket, accountCreatedAt: T0 - HOUR });
    expect(a.verdict).toBe('decline');
  });

  it('explains a takeover-like order by the amount against the customer’s norm, a new card and a new address', () => {
    const a = given((h) => regular(h, 'amy', 6, 40)).when({ orderId: 'o', customerId: 'amy', total: 1200, fingerprint: 'fp-unknown', shipping: address('US', '10001', '5 Drop Ln'), billing: address('US', '94105', '12 Market St'), lines: [{ quantity: 2, unitPrice: 600 }] });
    expect(a.verdict).not.toBe('approve');
    expect(codes(a).slice(0, 3)).toContain('amount_vs_customer_norm');
    const amount = a.reasons.find((r) => r.code === 'amount_vs_customer_norm')!;
    expect(amount.description).toBe("Amount vs customer norm: USD 1,200.00 is 30.0x this customer's median order (USD 40.00)");
  });

  it('gives at most MAX_REASONS reasons, strongest first, with feature shares that add up to at most 1', () => {
    const messy = (h: History) => h.declined('d1', 'm', T0 - 3 * HOUR, 'fp-m').placed({ orderId: 'p1', customerId: 'm', at: T0 - 20 * MINUTE, fingerprint: 'fp-m' });
    const a = given(messy).when({ orderId: 'o', customerId: 'm', fingerprint: 'fp-m', total: 2500, billing: address('FR', '75001'), accountCreatedAt: T0 - 30 * MINUTE, lines: [{ quantity: 5, unitPrice: 500, categoryId: 'electronics' }] });
    expect(a.reasons.length).toBeLessThanOrEqual(MAX_REASONS);
    const features = a.reasons.filter((r) => r.weight < 1 || FEATURES.some((f) => f.code === r.code));
    const weights = features.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((x, y) => y - x));
    expect(weights.reduce((s, w) => s + w, 0)).toBeLessThanOrEqual(1.0001);
    for (const r of a.reasons) expect(r.description.length).toBeGreaterThan(10);
  });

  it('is deterministic: the same state and order give the same assessment', () => {
    const build = (h: History) => regular(h, 'amy', 4, 50).declined('x', 'amy', T0 - HOUR, 'fp-amy');
    const o = { orderId: 'o', customerId: 'amy', total: 300 };
    expect(given(build).when(o)).toEqual(given(build).when(o));
  });
});
