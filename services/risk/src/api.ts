// gRPC handler of mercato.risk.v1.RiskService: validate → an earlier decision for the order? →
// assess against the feature store → record the decision first-wins → answer.
import { isIP } from 'node:net';
import { status } from '@grpc/grpc-js';
import { check, checkMoney, GrpcError, invalidArgument, type AsyncHandlers, type ServeOptions } from '@mercato/kit';
import type { AssessRequest__Output } from '@mercato/protos/gen/mercato/risk/v1/AssessRequest';
import type { AssessResponse } from '@mercato/protos/gen/mercato/risk/v1/AssessResponse';
import type { Decision__Output } from '@mercato/protos/gen/mercato/risk/v1/Decision';
import type { RiskServiceHandlers } from '@mercato/protos/gen/mercato/risk/v1/RiskService';
import type { Address__Output } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';
import { assessOrder, type Thresholds } from './assess';
import { moneyAmount, placeFacts, timestampMs, type PlaceFacts, type RiskOrder } from './domain/order';
import type { FeatureState } from './features/state';
import type { RiskMetrics } from './metrics';
import type { RiskModel } from './model/model';
import type { Verdict } from './rules';
import type { DecisionBook, StoredDecision } from './store/decisions';

export const RISK_SERVICE = 'mercato.risk.v1.RiskService';

const DECISION: Record<Verdict, Decision__Output> = { approve: 'DECISION_APPROVE', review: 'DECISION_REVIEW', decline: 'DECISION_DECLINE' };
const VERDICT: Partial<Record<Decision__Output, Verdict>> = { DECISION_APPROVE: 'approve', DECISION_REVIEW: 'review', DECISION_DECLINE: 'decline' };

const ID = { max: 128 };
const MAX_LINES = 500;
const MAX_QUANTITY = 1_000_000;

function address(a: Address__Output | null, field: string, required: boolean): PlaceFacts | undefined {
  if (!a) {
    if (required) throw invalidArgument(field, 'is required');
    return undefined;
  }
  check.text(a.regionCode, `${field}.region_code`, { max: 2, pattern: /^[A-Z]{2}$/, hint: 'must be a two-letter region code such as "US"' });
  check.optionalText(a.postalCode, `${field}.postal_code`, { max: 32 });
  check.optionalText(a.locality, `${field}.locality`, { max: 256 });
  check.list(a.addressLines, `${field}.address_lines`, { max: 10 }).forEach((line, i) => check.optionalText(line, `${field}.address_lines[${i}]`, { max: 256 }));
  return placeFacts(a);
}

function time(t: Timestamp__Output | null, field: string): number | undefined {
  if (!t) return undefined;
  const seconds = check.int(t.seconds, `${field}.seconds`, { min: 1, max: 253_402_300_799 }); // up to year 9999
  check.int(t.nanos, `${field}.nanos`, { min: 0, max: 999_999_999 });
  return timestampMs({ seconds, nanos: t.nanos });
}

/** The request as the risk core takes it; throws INVALID_ARGUMENT naming the proto field. */
export function toRiskOrder(req: AssessRequest__Output, nowMs: number): RiskOrder {
  const orderId = check.text(req.orderId, 'order_id', ID);
  const customerId = check.text(req.customerId, 'customer_id', ID);
  const total = checkMoney(req.total, 'total');
  const lines = check.list<AssessRequest__Output['lines'][number]>(req.lines, 'lines', { min: 1, max: MAX_LINES }).map((l, i) => {
    const unitPrice = checkMoney(l.unitPrice, `lines[${i}].unit_price`);
    if (unitPrice.currencyCode !== total.currencyCode) throw invalidArgument(`lines[${i}].unit_price.currency_code`, `must be the total's currency ${total.currencyCode}`);
    return {
      productId: check.text(l.productId, `lines[${i}].product_id`, ID),
      quantity: check.int(l.quantity, `lines[${i}].quantity`, { min: 1, max: MAX_QUANTITY }),
      unitPrice: moneyAmount(unitPrice),
      categoryId: check.optionalText(l.categoryId, `lines[${i}].category_id`, ID) ?? '',
    };
  });
  const shipping = address(req.shippingAddress, 'shipping_address', true)!;
  const billing = address(req.billingAddress, 'billing_address', false);
  const cardFingerprint = check.optionalText(req.cardFingerprint, 'card_fingerprint', { max: 256 });
  if (req.clientIp && !isIP(req.clientIp)) throw invalidArgument('client_ip', 'must be an IPv4 or IPv6 address');
  const accountCreatedMs = time(req.accountCreateTime, 'account_create_time');
  const orderTimeMs = time(req.orderTime, 'order_time') ?? nowMs;
  return {
    orderId,
    customerId,
    total: moneyAmount(total),
    currency: total.currencyCode,
    lines,
    shipping,
    ...(billing ? { billing } : {}),
    ...(cardFingerprint ? { cardFingerprint } : {}),
    ...(accountCreatedMs !== undefined ? { accountCreatedMs } : {}),
    orderTimeMs,
  };
}

export interface FeatureView {
  readonly state: FeatureState;
  readonly ready: boolean;
}

export interface RiskApiOptions {
  features: FeatureView;
  decisions: DecisionBook;
  model: RiskModel;
  thresholds: Thresholds;
  metrics?: RiskMetrics;
  now?: () => number;
}

export class RiskApi {
  private readonly now: () => number;

  constructor(private readonly o: RiskApiOptions) {
    this.now = o.now ?? Date.now;
  }

  /** No I/O on this path: features and decisions are in memory; decisions are written behind. */
  async assess(req: AssessRequest__Output): Promise<AssessResponse> {
    const order = toRiskOrder(req, this.now());
    const earlier = this.earlier(order);
    if (earlier) return this.answer(earlier, order.customerId);
    // Still catching up: retries of orders decided before are answered above, a new order must wait.
    if (!this.o.features.ready) throw new GrpcError(status.UNAVAILABLE, 'risk features are still loading from the event store; retry shortly');
    const a = assessOrder(this.o.features.state, order, this.o.model, this.o.thresholds);
    const decision: StoredDecision = {
      orderId: order.orderId,
      customerId: order.customerId,
      verdict: a.verdict,
      score: a.score,
      reasons: a.reasons.map(({ code, description, weight }) => ({ code, description, weight })),
      modelVersion: a.modelVersion,
    };
    const stood = this.o.decisions.decide(decision);
    if (stood === decision) {
      const m = this.o.metrics;
      m?.decisions.inc({ decision: a.verdict });
      m?.score.observe(a.score);
      for (const r of a.rules) m?.ruleHits.inc({ rule: r.code });
      for (const r of a.reasons) m?.reasons.inc({ code: r.code });
    }
    return this.answer(stood, order.customerId);
  }

  /** The decision this order already has: in the book, or recorded by the saga in the order's stream. */
  private earlier(order: RiskOrder): StoredDecision | undefined {
    const known = this.o.decisions.get(order.orderId);
    if (known) {
      this.o.metrics?.repeats.inc({ source: 'memory' });
      return known;
    }
    // Recorded (OrderRiskAssessed) but not in our book: e.g. decided before an in-memory database restarted.
    const logged = this.o.features.state.orders.get(order.orderId);
    const verdict = logged?.decision && VERDICT[logged.decision.decision];
    if (!logged?.decision || !verdict) return undefined;
    this.o.metrics?.repeats.inc({ source: 'log' });
    const d = logged.decision;
    return this.o.decisions.decide({ orderId: order.orderId, customerId: logged.customerId, verdict, score: d.score, reasons: d.reasons.map(({ code, description, weight }) => ({ code, description, weight })), modelVersion: d.modelVersion });
  }

  private answer(d: StoredDecision, customerId: string): AssessResponse {
    if (d.customerId !== customerId) throw new GrpcError(status.FAILED_PRECONDITION, `order ${d.orderId} was assessed for another customer; an order id is assessed once`);
    return { decision: DECISION[d.verdict], score: d.score, reasons: d.reasons, modelVersion: d.modelVersion };
  }
}

export function riskHandlers(api: RiskApi): AsyncHandlers<RiskServiceHandlers> {
  return { Assess: (req) => api.assess(req) };
}

/**
 * Assess is 'public' at the app layer: only the orders saga calls it (orders' service.yaml), and in
 * the cluster the mesh's method-level AuthorizationPolicy admits only the orders identity.
 */
export const riskAccess: ServeOptions<RiskServiceHandlers> = { access: { Assess: 'public' } };
