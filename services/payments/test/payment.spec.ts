// The payment and card-token deciders as specifications: given events, when a command, then events.
import { DomainError, FailedPreconditionError, fold, given, InvalidArgumentError, NotFoundError } from '@mercato/eventsourcing';
import { moneyFromCents, type Money } from '@mercato/kit';
import type { CardSummary__Output } from '@mercato/protos/gen/mercato/payments/v1/CardSummary';
import { CARD_TOKENIZED, cardToken, type CardTokenCommand, type CardTokenEvent } from '../src/domain/card-token';
import { AUTHORIZED, CAPTURED, DECLINED, payment, type AuthorizeData, paymentIdFor, REFUNDED, VOIDED, type PaymentCommand, type PaymentEvent } from '../src/domain/payment';
import { timestamp } from '../src/domain/time';

const NOW = new Date('2025-03-04T05:06:07.890Z');
const T = timestamp(NOW);
const ID = '3f0c1d2e-4b5a-5c6d-8e7f-0123456789ab';
const CARD: CardSummary__Output = { brand: 'CARD_BRAND_VISA', last4: '4242', expiryMonth: 12, expiryYear: 2030 };
const usd = (cents: number): Money => moneyFromCents(cents, 'USD');
const ids = { paymentId: ID, orderId: 'o-1', customerId: 'u-1' };

const authorize = (over: Partial<AuthorizeData> = {}): PaymentCommand => ({
  type: 'Authorize',
  data: { ...ids, idempotencyKey: 'k-1', amount: usd(10_000), card: CARD, fingerprint: 'fp-1', now: NOW, ...over },
});
const capture = (amount?: Money): PaymentCommand => ({ type: 'Capture', data: { paymentId: ID, ...(amount ? { amount } : {}), now: NOW } });
const voidIt: PaymentCommand = { type: 'Void', data: { paymentId: ID, now: NOW } };
const refund = (idempotencyKey: string, amount?: Money): PaymentCommand => ({ type: 'Refund', data: { paymentId: ID, idempotencyKey, reason: 'damaged', ...(amount ? { amount } : {}), now: NOW } });

const base = { ...ids, idempotencyKey: 'k-1', amount: usd(10_000), card: CARD, cardFingerprint: 'fp-1', eventTime: T };
const authorized: PaymentEvent = { type: AUTHORIZED, data: base };
const declined: PaymentEvent = { type: DECLINED, data: { ...base, reason: 'DECLINE_REASON_INSUFFICIENT_FUNDS', message: 'Your card has insufficient funds.' } };
const captured = (cents: number): PaymentEvent => ({ type: CAPTURED, data: { ...ids, amount: usd(cents), eventTime: T } });
const voided: PaymentEvent = { type: VOIDED, data: { ...ids, eventTime: T } };
const refunded = (key: string, cents: number): PaymentEvent => ({ type: REFUNDED, data: { ...ids, idempotencyKey: key, amount: usd(cents), reason: 'damaged', eventTime: T } });

const refusedWith = (code: DomainError['code'], message: RegExp) => (err: unknown) => err instanceof DomainError && err.code === code && message.test(err.message);

describe('the payment decider', () => {
  it('authorizes a new payment, or records the decline the issuer gave', () => {
    given(payment).when(authorize()).then([authorized]);
    given(payment)
      .when(authorize({ decline: { reason: 'DECLINE_REASON_INSUFFICIENT_FUNDS', message: 'Your card has insufficient funds.' } }))
      .then([declined]);
  });

  it('answers a repeated authorization with nothing new, and refuses the key for another charge', () => {
    given(payment, [authorized]).when(authorize()).then([]);
    given(payment, [declined]).when(authorize()).then([]);
    given(payment, [authorized]).when(authorize({ amount: usd(9_999) })).thenThrows(refusedWith('FAILED_PRECONDITION', /^idempotency_key: already used/));
    given(payment, [authorized]).when(authorize({ orderId: 'o-2' })).thenThrows(FailedPreconditionError);
    given(payment, [authorized]).when(authorize({ amount: moneyFromCents(10_000, 'EUR') })).thenThrows(FailedPreconditionError);
    given(payment, [authorized]).when(authorize({ fingerprint: 'fp-other' })).thenThrows(FailedPreconditionError);
  });

  it('captures all of the authorization, or part of it, once', () => {
    given(payment, [authorized]).when(capture()).then([captured(10_000)]);
    given(payment, [authorized]).when(capture(usd(4_000))).then([captured(4_000)]);
    given(payment, [authorized, captured(4_000)]).when(capture(usd(4_000))).then([]);
    given(payment, [authorized, captured(10_000), refunded('r-1', 10_000)]).when(capture()).then([]);
    given(payment, [authorized, captured(4_000)]).when(capture()).thenThrows(refusedWith('FAILED_PRECONDITION', /already captured \(USD 40\.00\)/));
  });

  it('refuses to capture more than authorized, in another currency, or what was declined or voided', () => {
    given(payment, [authorized]).when(capture(usd(10_001))).thenThrows(refusedWith('FAILED_PRECONDITION', /^amount: USD 100\.01 is more than the authorized USD 100\.00/));
    given(payment, [authorized]).when(capture(moneyFromCents(100, 'EUR'))).thenThrows(refusedWith('INVALID_ARGUMENT', /^amount\.currency_code: must be USD/));
    given(payment, [declined]).when(capture()).thenThrows(refusedWith('FAILED_PRECONDITION', /was declined/));
    given(payment, [authorized, voided]).when(capture()).thenThrows(refusedWith('FAILED_PRECONDITION', /was voided/));
    given(payment).when(capture()).thenThrows(NotFoundError);
  });

  it('voids an authorization before capture, once', () => {
    given(payment, [authorized]).when(voidIt).then([voided]);
    given(payment, [authorized, voided]).when(voidIt).then([]);
    given(payment, [authorized, captured(10_000)]).when(voidIt).thenThrows(refusedWith('FAILED_PRECONDITION', /refund it instead/));
    given(payment, [declined]).when(voidIt).thenThrows(FailedPreconditionError);
    given(payment).when(voidIt).thenThrows(NotFoundError);
  });

  it('refunds up to what was captured, each refund once by its key', () => {
    given(payment, [authorized, captured(6_000)]).when(refund('r-1', usd(2_500))).then([refunded('r-1', 2_500)]);
    given(payment, [authorized, captured(6_000), refunded('r-1', 2_500)]).when(refund('r-2')).then([refunded('r-2', 3_500)]);
    given(payment, [authorized, captured(6_000), refunded('r-1', 2_500)]).when(refund('r-1', usd(2_500))).then([]);
    given(payment, [authorized, captured(6_000), refunded('r-1', 6_000)]).when(refund('r-1')).then([]);
    given(payment, [authorized, captured(6_000), refunded('r-1', 2_500)]).when(refund('r-1', usd(100))).thenThrows(refusedWith('FAILED_PRECONDITION', /^idempotency_key: already used for a refund of USD 25\.00/));
    given(payment, [authorized, captured(6_000), refunded('r-1', 2_500)]).when(refund('r-2', usd(3_501))).thenThrows(refusedWith('FAILED_PRECONDITION', /USD 35\.00 left to refund/));
    given(payment, [authorized, captured(6_000), refunded('r-1', 6_000)]).when(refund('r-2')).thenThrows(refusedWith('FAILED_PRECONDITION', /is refunded/));
    given(payment, [authorized]).when(refund('r-1')).thenThrows(refusedWith('FAILED_PRECONDITION', /is authorized: only a captured payment/));
    given(payment, [authorized, captured(6_000)]).when(refund('r-1', moneyFromCents(1, 'EUR'))).thenThrows(InvalidArgumentError);
  });

  it('folds a payment through its life', () => {
    const p = fold(payment, [authorized, captured(6_000), refunded('r-1', 2_500)]);
    expect(p).toMatchObject({ status: 'PAYMENT_STATUS_PARTIALLY_REFUNDED', amount: usd(10_000), captured: usd(6_000), refunded: usd(2_500), refunds: { 'r-1': usd(2_500) } });
    expect(fold(payment, [authorized, captured(6_000), refunded('r-1', 2_500), refunded('r-2', 3_500)])).toMatchObject({ status: 'PAYMENT_STATUS_REFUNDED', refunded: usd(6_000) });
    expect(fold(payment, [declined])).toMatchObject({ status: 'PAYMENT_STATUS_DECLINED', decline: { reason: 'DECLINE_REASON_INSUFFICIENT_FUNDS' } });
  });

  it('derives the payment id from the idempotency key', () => {
    expect(paymentIdFor('k-1')).toBe(paymentIdFor('k-1'));
    expect(paymentIdFor('k-1')).not.toBe(paymentIdFor('k-2'));
    expect(paymentIdFor('k-1')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('the card token decider', () => {
  const tokenize = (over: Partial<Extract<CardTokenCommand, { type: 'Tokenize' }>['data']> = {}): CardTokenCommand => ({
    type: 'Tokenize',
    data: { cardToken: 'tok_1', card: CARD, fingerprint: 'fp-1', idempotencyKey: 'k-1', now: NOW, ...over },
  });
  const tokenized: CardTokenEvent = { type: CARD_TOKENIZED, data: { cardToken: 'tok_1', card: CARD, fingerprint: 'fp-1', idempotencyKey: 'k-1', eventTime: T } };

  it('issues a token once, and answers a retry for the same card with nothing new', () => {
    given(cardToken).when(tokenize()).then([tokenized]);
    given(cardToken, [tokenized]).when(tokenize()).then([]);
  });

  it('refuses the same key for another card', () => {
    given(cardToken, [tokenized]).when(tokenize({ fingerprint: 'fp-2' })).thenThrows(refusedWith('FAILED_PRECONDITION', /^idempotency_key: /));
    given(cardToken, [tokenized]).when(tokenize({ card: { ...CARD, expiryYear: 2031 } })).thenThrows(FailedPreconditionError);
  });
});
