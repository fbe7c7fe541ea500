// The order aggregate as a decider: every saga step's outcome is a command recorded here, and
// `nextStep` reads the state to say what the saga must do next. Pure: no I/O, no clock.
import { assertNever, FailedPreconditionError, type Decider, type Message } from '@mercato/eventsourcing';
import type { Money } from '@mercato/kit';
import type { OrderPlaced__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPlaced';
import type { OrderPriced__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPriced';
import type { OrderRiskAssessed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderRiskAssessed';
import type { OrderStockReserved__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderStockReserved';
import type { OrderPaymentAuthorized__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPaymentAuthorized';
import type { OrderShipmentCreated__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderShipmentCreated';
import type { OrderStockCommitted__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderStockCommitted';
import type { OrderPaymentCaptured__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPaymentCaptured';
import type { OrderConfirmed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderConfirmed';
import type { OrderFailed__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderFailed';
import type { OrderStockReleased__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderStockReleased';
import type { OrderPaymentVoided__Output } from '@mercato/protos/gen/mercato/orders/v1/OrderPaymentVoided';
import type { SagaStep__Output } from '@mercato/protos/gen/mercato/orders/v1/SagaStep';
import type { FailureReason__Output } from '@mercato/protos/gen/mercato/orders/v1/FailureReason';
import type { Reason__Output } from '@mercato/protos/gen/mercato/risk/v1/Reason';
import type { Decision__Output } from '@mercato/protos/gen/mercato/risk/v1/Decision';
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';

const T = 'mercato.orders.v1.';
export const ORDER_EVENT_TYPES = [
  'OrderPlaced',
  'OrderPriced',
  'OrderRiskAssessed',
  'OrderStockReserved',
  'OrderPaymentAuthorized',
  'OrderShipmentCreated',
  'OrderStockCommitted',
  'OrderPaymentCaptured',
  'OrderConfirmed',
  'OrderFailed',
  'OrderStockReleased',
  'OrderPaymentVoided',
].map((name) => T + name);

export type OrderEvent =
  | Message<'mercato.orders.v1.OrderPlaced', OrderPlaced__Output>
  | Message<'mercato.orders.v1.OrderPriced', OrderPriced__Output>
  | Message<'mercato.orders.v1.OrderRiskAssessed', OrderRiskAssessed__Output>
  | Message<'mercato.orders.v1.OrderStockReserved', OrderStockReserved__Output>
  | Message<'mercato.orders.v1.OrderPaymentAuthorized', OrderPaymentAuthorized__Output>
  | Message<'mercato.orders.v1.OrderShipmentCreated', OrderShipmentCreated__Output>
  | Message<'mercato.orders.v1.OrderStockCommitted', OrderStockCommitted__Output>
  | Message<'mercato.orders.v1.OrderPaymentCaptured', OrderPaymentCaptured__Output>
  | Message<'mercato.orders.v1.OrderConfirmed', OrderConfirmed__Output>
  | Message<'mercato.orders.v1.OrderFailed', OrderFailed__Output>
  | Message<'mercato.orders.v1.OrderStockReleased', OrderStockReleased__Output>
  | Message<'mercato.orders.v1.OrderPaymentVoided', OrderPaymentVoided__Output>;

type At = { now: Date };
export type OrderCommand =
  | Message<'Place', At & { placed: Omit<OrderPlaced__Output, 'eventTime'>; priced: Omit<OrderPriced__Output, 'eventTime' | 'orderId' | 'customerId'> }>
  | Message<'RecordRisk', At & { decision: Decision__Output; score: number; reasons: Reason__Output[]; modelVersion: string }>
  | Message<'RecordStockReserved', At>
  | Message<'RecordPaymentAuthorized', At & { paymentId: string; amount: Money }>
  | Message<'RecordShipmentCreated', At & { shipmentId: string; trackingNumber: string; carrier: string }>
  | Message<'RecordStockCommitted', At>
  | Message<'RecordPaymentCaptured', At & { amount: Money }>
  | Message<'Confirm', At>
  | Message<'Fail', At & { step: SagaStep__Output; reason: FailureReason__Output; message: string }>
  | Message<'RecordStockReleased', At>
  | Message<'RecordPaymentVoided', At & { paymentId?: string }>;

export interface OrderState {
  phase: 'new' | 'running' | 'confirmed' | 'failed';
  placed?: OrderPlaced__Output;
  priced?: OrderPriced__Output;
  risk?: OrderRiskAssessed__Output;
  stockReserved: boolean;
  payment?: { paymentId: string; amount: Money };
  shipment?: { shipmentId: string; trackingNumber: string; carrier: string };
  stockCommitted: boolean;
  paymentCaptured: boolean;
  failure?: { step: SagaStep__Output; reason: FailureReason__Output; message: string };
  stockReleased: boolean;
  paymentVoided: boolean;
  createdAt?: Timestamp__Output;
  updatedAt?: Timestamp__Output;
}

/** What the saga does next; undefined when the order needs nothing more. */
export type SagaAction =
  | 'assess-risk'
  | 'reserve-stock'
  | 'authorize-payment'
  | 'create-shipment'
  | 'commit-stock'
  | 'capture-payment'
  | 'confirm'
  | 'release-stock'
  | 'void-payment';

/** The order failed at the authorization because payments could not be reached: one may exist. */
export const authorizationUncertain = (s: OrderState): boolean => s.failure?.step === 'SAGA_STEP_AUTHORIZE_PAYMENT' && s.failure.reason === 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE';

export function nextStep(s: OrderState, options: { riskEnabled: boolean }): SagaAction | undefined {
  if (s.phase === 'running') {
    if (options.riskEnabled && !s.risk) return 'assess-risk';
    if (!s.stockReserved) return 'reserve-stock';
    if (!s.payment) return 'authorize-payment';
    if (!s.shipment) return 'create-shipment';
    if (!s.stockCommitted) return 'commit-stock';
    if (!s.paymentCaptured) return 'capture-payment';
    return 'confirm';
  }
  if (s.phase === 'failed') {
    // A reservation whose answer was lost (the step failed as unavailable) may exist: release
    // it too; inventory answers a release of nothing as a no-op.
    const uncertainStock = s.failure?.step === 'SAGA_STEP_RESERVE_STOCK' && s.failure.reason === 'FAILURE_REASON_DEPENDENCY_UNAVAILABLE';
    if ((s.stockReserved || uncertainStock) && !s.stockReleased) return 'release-stock';
    // Likewise an authorization whose answer was lost may exist: void it (payments answers a void
    // of an authorization it never made with NOT_FOUND, which the saga takes as done).
    if ((s.payment || authorizationUncertain(s)) && !s.paymentVoided) return 'void-payment';
  }
  return undefined;
}

/** The saga step an action belongs to (for OrderFailed and the Order message). */
export const STEP_OF: Record<SagaAction, SagaStep__Output> = {
  'assess-risk': 'SAGA_STEP_ASSESS_RISK',
  'reserve-stock': 'SAGA_STEP_RESERVE_STOCK',
  'authorize-payment': 'SAGA_STEP_AUTHORIZE_PAYMENT',
  'create-shipment': 'SAGA_STEP_CREATE_SHIPMENT',
  'commit-stock': 'SAGA_STEP_CONFIRM',
  'capture-payment': 'SAGA_STEP_CONFIRM',
  confirm: 'SAGA_STEP_CONFIRM',
  'release-stock': 'SAGA_STEP_RESERVE_STOCK',
  'void-payment': 'SAGA_STEP_AUTHORIZE_PAYMENT',
};

export function timestamp(d: Date): Timestamp__Output {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (ms % 1000) * 1_000_000 };
}

function running(s: OrderState, what: string): void {
  if (s.phase === 'new') throw new FailedPreconditionError(`cannot record ${what}: the order was never placed`);
}

export const orderDecider: Decider<OrderCommand, OrderEvent, OrderState> = {
  initialState: () => ({ phase: 'new', stockReserved: false, stockCommitted: false, paymentCaptured: false, stockReleased: false, paymentVoided: false }),

  decide(command, s) {
    const eventTime = timestamp(command.data.now);
    const ids = { orderId: s.placed?.orderId ?? '', customerId: s.placed?.customerId ?? '' };
    // Forward steps after a failure or confirmation write nothing: a late answer changes nothing.
    const forward = (what: string, done: boolean, ready: boolean): boolean => {
      running(s, what);
      if (s.phase !== 'running' || done) return false;
      if (!ready) throw new FailedPreconditionError(`cannot record ${what} yet: an earlier step is not done`);
      return true;
    };
    switch (command.type) {
      case 'Place': {
        if (s.phase !== 'new') throw new FailedPreconditionError(`order ${s.placed?.orderId} already exists`);
        const { placed, priced } = command.data;
        return [
          { type: 'mercato.orders.v1.OrderPlaced', data: { ...placed, eventTime } },
          { type: 'mercato.orders.v1.OrderPriced', data: { ...priced, orderId: placed.orderId, customerId: placed.customerId, eventTime } },
        ];
      }
      case 'RecordRisk': {
        if (!forward('the risk assessment', !!s.risk, true)) return [];
        const { decision, score, reasons, modelVersion } = command.data;
        const assessed: OrderEvent = { type: 'mercato.orders.v1.OrderRiskAssessed', data: { ...ids, decision, score, reasons, modelVersion, eventTime } };
        if (decision !== 'DECISION_DECLINE') return [assessed];
        const why = reasons.map((r) => r.description).filter(Boolean).join('; ');
        return [assessed, failed(ids, 'SAGA_STEP_ASSESS_RISK', 'FAILURE_REASON_RISK_DECLINED', `declined by risk assessment${why ? `: ${why}` : ''}`, eventTime)];
      }
      case 'RecordStockReserved':
        return forward('the stock reservation', s.stockReserved, true) ? [{ type: 'mercato.orders.v1.OrderStockReserved', data: { ...ids, eventTime } }] : [];
      case 'RecordPaymentAuthorized': {
        if (!forward('the payment authorization', !!s.payment, s.stockReserved)) return [];
        const { paymentId, amount } = command.data;
        return [{ type: 'mercato.orders.v1.OrderPaymentAuthorized', data: { ...ids, paymentId, amount, eventTime } }];
      }
      case 'RecordShipmentCreated': {
        if (!forward('the shipment', !!s.shipment, !!s.payment)) return [];
        const { shipmentId, trackingNumber, carrier } = command.data;
        return [{ type: 'mercato.orders.v1.OrderShipmentCreated', data: { ...ids, shipmentId, trackingNumber, carrier, eventTime } }];
      }
      case 'RecordStockCommitted':
        return forward('the stock commit', s.stockCommitted, !!s.shipment) ? [{ type: 'mercato.orders.v1.OrderStockCommitted', data: { ...ids, eventTime } }] : [];
      case 'RecordPaymentCaptured':
        if (!forward('the payment capture', s.paymentCaptured, !!s.shipment)) return [];
        return [{ type: 'mercato.orders.v1.OrderPaymentCaptured', data: { ...ids, paymentId: s.payment!.paymentId, amount: command.data.amount, eventTime } }];
      case 'Confirm':
        if (!forward('the confirmation', false, s.stockCommitted && s.paymentCaptured)) return [];
        return [{ type: 'mercato.orders.v1.OrderConfirmed', data: { ...ids, total: s.priced?.total ?? null, eventTime } }];
      case 'Fail': {
        running(s, 'a failure');
        if (s.phase !== 'running') return [];
        // Past the shipment the order moves only forward: there is nothing left to undo it with.
        if (s.shipment) throw new FailedPreconditionError('the order has a shipment: it can no longer fail, only complete');
        const { step, reason, message } = command.data;
        return [failed(ids, step, reason, message, eventTime)];
      }
      case 'RecordStockReleased':
        running(s, 'a stock release');
        return s.phase === 'failed' && !s.stockReleased ? [{ type: 'mercato.orders.v1.OrderStockReleased', data: { ...ids, eventTime } }] : [];
      case 'RecordPaymentVoided':
        running(s, 'a payment void');
        if (s.phase !== 'failed' || s.paymentVoided || !(s.payment || authorizationUncertain(s))) return [];
        return [{ type: 'mercato.orders.v1.OrderPaymentVoided', data: { ...ids, paymentId: s.payment?.paymentId ?? command.data.paymentId ?? '', eventTime } }];
      default:
        return assertNever(command);
    }
  },

  evolve(s, event) {
    const at = { updatedAt: event.data.eventTime ?? s.updatedAt };
    switch (event.type) {
      case 'mercato.orders.v1.OrderPlaced':
        return { ...s, ...at, phase: 'running', placed: event.data, createdAt: event.data.eventTime ?? undefined };
      case 'mercato.orders.v1.OrderPriced':
        return { ...s, ...at, priced: event.data };
      case 'mercato.orders.v1.OrderRiskAssessed':
        return { ...s, ...at, risk: event.data };
      case 'mercato.orders.v1.OrderStockReserved':
        return { ...s, ...at, stockReserved: true };
      case 'mercato.orders.v1.OrderPaymentAuthorized':
        return { ...s, ...at, payment: { paymentId: event.data.paymentId, amount: event.data.amount as Money } };
      case 'mercato.orders.v1.OrderShipmentCreated':
        return { ...s, ...at, shipment: { shipmentId: event.data.shipmentId, trackingNumber: event.data.trackingNumber, carrier: event.data.carrier } };
      case 'mercato.orders.v1.OrderStockCommitted':
        return { ...s, ...at, stockCommitted: true };
      case 'mercato.orders.v1.OrderPaymentCaptured':
        return { ...s, ...at, paymentCaptured: true };
      case 'mercato.orders.v1.OrderConfirmed':
        return { ...s, ...at, phase: 'confirmed' };
      case 'mercato.orders.v1.OrderFailed':
        return { ...s, ...at, phase: 'failed', failure: { step: event.data.step, reason: event.data.reason, message: event.data.message } };
      case 'mercato.orders.v1.OrderStockReleased':
        return { ...s, ...at, stockReleased: true };
      case 'mercato.orders.v1.OrderPaymentVoided':
        return { ...s, ...at, paymentVoided: true };
      default:
        return assertNever(event);
    }
  },
};

function failed(ids: { orderId: string; customerId: string }, step: SagaStep__Output, reason: FailureReason__Output, message: string, eventTime: Timestamp__Output): OrderEvent {
  return { type: 'mercato.orders.v1.OrderFailed', data: { ...ids, step, reason, message, eventTime } };
}
