// The decider of "payment-<payment_id>" streams: authorized (or declined) once, then captured once
// or voided, then refunded in parts up to the capture. Every command is safe to repeat: a repeat
// decides nothing and the caller answers from the state; a conflicting repeat is refused.
import { assertNever, commandEventId, FailedPreconditionError, InvalidArgumentError, NotFoundError, type Decider, type Message } from '@mercato/eventsourcing';
import { formatMoney, fromNanos, toNanos, zeroMoney, type Money } from '@mercato/kit';
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';
import type { CardSummary__Output } from '@mercato/protos/gen/mercato/payments/v1/CardSummary';
import type { PaymentAuthorized__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentAuthorized';
import type { PaymentCaptured__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentCaptured';
import type { PaymentDeclined__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentDeclined';
import type { PaymentRefunded__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentRefunded';
import type { PaymentStatus__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentStatus';
import type { PaymentVoided__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentVoided';
import type { Decline, DeclineCode } from './issuer';
import { timestamp } from './time';

export const AUTHORIZED = 'mercato.payments.v1.PaymentAuthorized';
export const DECLINED = 'mercato.payments.v1.PaymentDeclined';
export const CAPTURED = 'mercato.payments.v1.PaymentCaptured';
export const VOIDED = 'mercato.payments.v1.PaymentVoided';
export const REFUNDED = 'mercato.payments.v1.PaymentRefunded';

export type PaymentEvent =
  | Message<typeof AUTHORIZED, PaymentAuthorized__Output>
  | Message<typeof DECLINED, PaymentDeclined__Output>
  | Message<typeof CAPTURED, PaymentCaptured__Output>
  | Message<typeof VOIDED, PaymentVoided__Output>
  | Message<typeof REFUNDED, PaymentRefunded__Output>;

type At = { paymentId: string; now: Date };
export type AuthorizeData = At & { idempotencyKey: string; orderId: string; customerId: string; amount: Money; card: CardSummary__Output; fingerprint: string; decline?: Decline };
/** No amount: all of the authorization. */
export type CaptureData = At & { amount?: Money };
/** No amount: all that is captured and not yet refunded. */
export type RefundData = At & { idempotencyKey: string; amount?: Money; reason: string };

export type PaymentCommand = Message<'Authorize', AuthorizeData> | Message<'Capture', CaptureData> | Message<'Void', At> | Message<'Refund', RefundData>;

export type Status = Exclude<PaymentStatus__Output, 'PAYMENT_STATUS_UNSPECIFIED'>;

export interface Payment {
  paymentId: string;
  orderId: string;
  customerId: string;
  status: Status;
  /** The amount asked for: authorized unless declined. */
  amount: Money;
  captured: Money;
  refunded: Money;
  /** Refunded amount per refund idempotency key. */
  refunds: Record<string, Money>;
  card: CardSummary__Output;
  fingerprint: string;
  decline?: { reason: DeclineCode; message: string };
  createTime: Timestamp__Output;
  updateTime: Timestamp__Output;
}

export type PaymentState = Payment | undefined;

export const paymentStream = (paymentId: string): string => `payment-${paymentId}`;

/** A name-based UUID (v5 layout): a retried Authorize lands on the same payment. */
export const paymentIdFor = (idempotencyKey: string): string => commandEventId(`payments.Authorize:${idempotencyKey}`, 0);

const equal = (a: Money, b: Money): boolean => a.currencyCode === b.currencyCode && toNanos(a) === toNanos(b);

function inCurrency(amount: Money, p: Payment): Money {
  if (amount.currencyCode !== p.amount.currencyCode) throw new InvalidArgumentError(`amount.currency_code: must be ${p.amount.currencyCode}, the payment's currency`);
  return amount;
}

function authorize(c: AuthorizeData, p: PaymentState): PaymentEvent[] {
  if (p) {
    if (p.orderId === c.orderId && p.customerId === c.customerId && p.fingerprint === c.fingerprint && equal(p.amount, c.amount)) return [];
    throw new FailedPreconditionError(`idempotency_key: already used for another charge (order ${p.orderId}, ${formatMoney(p.amount)})`);
  }
  const base = { paymentId: c.paymentId, orderId: c.orderId, customerId: c.customerId, idempotencyKey: c.idempotencyKey, amount: c.amount, card: c.card, cardFingerprint: c.fingerprint, eventTime: timestamp(c.now) };
  return [c.decline ? { type: DECLINED, data: { ...base, reason: c.decline.reason, message: c.decline.message } } : { type: AUTHORIZED, data: base }];
}

function capture(c: CaptureData, p: Payment): PaymentEvent[] {
  const amount = c.amount ?? p.amount;
  switch (p.status) {
    case 'PAYMENT_STATUS_AUTHORIZED':
      inCurrency(amount, p);
      if (toNanos(amount) > toNanos(p.amount)) throw new FailedPreconditionError(`amount: ${formatMoney(amount)} is more than the authorized ${formatMoney(p.amount)}`);
      return [{ type: CAPTURED, data: { paymentId: p.paymentId, orderId: p.orderId, customerId: p.customerId, amount, eventTime: timestamp(c.now) } }];
    case 'PAYMENT_STATUS_CAPTURED':
    case 'PAYMENT_STATUS_PARTIALLY_REFUNDED':
    case 'PAYMENT_STATUS_REFUNDED':
      if (equal(amount, p.captured)) return [];
      throw new FailedPreconditionError(`payment ${p.paymentId} is already captured (${formatMoney(p.captured)}); a payment is captured once`);
    case 'PAYMENT_STATUS_DECLINED':
      throw new FailedPreconditionError(`payment ${p.paymentId} was declined: there is nothing to capture`);
    case 'PAYMENT_STATUS_VOIDED':
      throw new FailedPreconditionError(`payment ${p.paymentId} was voided: there is nothing to capture`);
    default:
      return assertNever(p.status);
  }
}

function voidPayment(c: At, p: Payment): PaymentEvent[] {
  switch (p.status) {
    case 'PAYMENT_STATUS_AUTHORIZED':
      return [{ type: VOIDED, data: { paymentId: p.paymentId, orderId: p.orderId, customerId: p.customerId, eventTime: timestamp(c.now) } }];
    case 'PAYMENT_STATUS_VOIDED':
      return [];
    case 'PAYMENT_STATUS_DECLINED':
      throw new FailedPreconditionError(`payment ${p.paymentId} was declined: there is nothing to void`);
    case 'PAYMENT_STATUS_CAPTURED':
    case 'PAYMENT_STATUS_PARTIALLY_REFUNDED':
    case 'PAYMENT_STATUS_REFUNDED':
      throw new FailedPreconditionError(`payment ${p.paymentId} is captured: refund it instead of voiding it`);
    default:
      return assertNever(p.status);
  }
}

function refund(c: RefundData, p: Payment): PaymentEvent[] {
  const earlier = p.refunds[c.idempotencyKey];
  if (earlier) {
    if (!c.amount || equal(c.amount, earlier)) return [];
    throw new FailedPreconditionError(`idempotency_key: already used for a refund of ${formatMoney(earlier)}`);
  }
  if (p.status !== 'PAYMENT_STATUS_CAPTURED' && p.status !== 'PAYMENT_STATUS_PARTIALLY_REFUNDED') {
    throw new FailedPreconditionError(`payment ${p.paymentId} is ${p.status.replace('PAYMENT_STATUS_', '').toLowerCase()}: only a captured payment can be refunded`);
  }
  const left = toNanos(p.captured) - toNanos(p.refunded);
  const amount = inCurrency(c.amount ?? fromNanos(left, p.captured.currencyCode), p);
  if (toNanos(amount) > left) throw new FailedPreconditionError(`amount: ${formatMoney(amount)} is more than the ${formatMoney(fromNanos(left, amount.currencyCode))} left to refund`);
  return [{ type: REFUNDED, data: { paymentId: p.paymentId, orderId: p.orderId, customerId: p.customerId, idempotencyKey: c.idempotencyKey, amount, reason: c.reason, eventTime: timestamp(c.now) } }];
}

function existing(p: PaymentState, paymentId: string): Payment {
  if (!p) throw new NotFoundError(`payment ${paymentId} not found`);
  return p;
}

export const payment: Decider<PaymentCommand, PaymentEvent, PaymentState> = {
  initialState: () => undefined,
  decide(command, state) {
    switch (command.type) {
      case 'Authorize':
        return authorize(command.data, state);
      case 'Capture':
        return capture(command.data, existing(state, command.data.paymentId));
      case 'Void':
        return voidPayment(command.data, existing(state, command.data.paymentId));
      case 'Refund':
        return refund(command.data, existing(state, command.data.paymentId));
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case AUTHORIZED:
      case DECLINED: {
        const e = event.data;
        const amount = e.amount!;
        const decline = event.type === DECLINED ? { decline: { reason: event.data.reason as DeclineCode, message: event.data.message } } : {};
        const status: Status = event.type === DECLINED ? 'PAYMENT_STATUS_DECLINED' : 'PAYMENT_STATUS_AUTHORIZED';
        const zero = zeroMoney(amount.currencyCode);
        return { paymentId: e.paymentId, orderId: e.orderId, customerId: e.customerId, status, amount, captured: zero, refunded: zero, refunds: {}, card: e.card!, fingerprint: e.cardFingerprint, ...decline, createTime: e.eventTime!, updateTime: e.eventTime! };
      }
      case CAPTURED:
        return { ...existing(state, event.data.paymentId), status: 'PAYMENT_STATUS_CAPTURED', captured: event.data.amount!, updateTime: event.data.eventTime! };
      case VOIDED:
        return { ...existing(state, event.data.paymentId), status: 'PAYMENT_STATUS_VOIDED', updateTime: event.data.eventTime! };
      case REFUNDED: {
        const p = existing(state, event.data.paymentId);
        const refunded = fromNanos(toNanos(p.refunded) + toNanos(event.data.amount!), p.refunded.currencyCode);
        const status: Status = toNanos(refunded) >= toNanos(p.captured) ? 'PAYMENT_STATUS_REFUNDED' : 'PAYMENT_STATUS_PARTIALLY_REFUNDED';
        return { ...p, status, refunded, refunds: { ...p.refunds, [event.data.idempotencyKey]: event.data.amount! }, updateTime: event.data.eventTime! };
      }
      default:
        return assertNever(event);
    }
  },
};
