// gRPC handlers of mercato.payments.v1.PaymentsService: validate → provider latency/failure →
// load → decide → append → answer. Refusals of the deciders become gRPC statuses here.
import { status } from '@grpc/grpc-js';
import { DomainError, handleCommand, StreamCache, type EventStorePort, type HandleOptions } from '@mercato/eventsourcing';
import { check, checkMoney, GrpcError, invalidArgument, zeroMoney, type AsyncHandlers, type CallContext, type ServeOptions } from '@mercato/kit';
import type { AuthorizeRequest__Output } from '@mercato/protos/gen/mercato/payments/v1/AuthorizeRequest';
import type { CardSummary__Output } from '@mercato/protos/gen/mercato/payments/v1/CardSummary';
import type { Payment as PaymentMessage } from '@mercato/protos/gen/mercato/payments/v1/Payment';
import type { PaymentsServiceHandlers } from '@mercato/protos/gen/mercato/payments/v1/PaymentsService';
import { CARD_TOKEN_PATTERN, type CardKeys } from './card-keys';
import { checkCard, type CheckedCard } from './domain/card';
import { cardStream, cardToken, type CardTokenEvent, type TokenizedCard } from './domain/card-token';
import { issuerDecision } from './domain/issuer';
import { payment, paymentIdFor, paymentStream, type Payment, type PaymentCommand, type PaymentEvent, type PaymentState } from './domain/payment';
import type { Flakiness, Injected } from './flakiness';

export interface PaymentsDeps {
  /** The event store as seen from one call (its cancellation reaches the store's calls). */
  store(ctx: CallContext): EventStorePort;
  keys: CardKeys;
  flakiness: Flakiness;
  /** Hears of each simulated delay or failure (metrics). */
  onInjected?(ctx: CallContext, kind: Injected): void;
  now?: () => Date;
}

const KEY = { max: 200 };
const ID = { max: 128 };

export function toPaymentMessage(p: Payment): PaymentMessage {
  return {
    paymentId: p.paymentId,
    orderId: p.orderId,
    customerId: p.customerId,
    status: p.status,
    authorizedAmount: p.status === 'PAYMENT_STATUS_DECLINED' ? zeroMoney(p.amount.currencyCode) : p.amount,
    capturedAmount: p.captured,
    refundedAmount: p.refunded,
    card: p.card,
    declineReason: p.decline?.reason ?? 'DECLINE_REASON_UNSPECIFIED',
    declineMessage: p.decline?.message ?? '',
    createTime: p.createTime,
    updateTime: p.updateTime,
  };
}

/** Runs a command and turns a decider's refusal into its gRPC status. */
async function refusalsAsStatus<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) throw new GrpcError(err.grpcStatus, err.message);
    throw err;
  }
}

const paymentIdOf = (value: string): string => check.uuid(value, 'payment_id').toLowerCase();

type Source = { kind: 'token'; token: string } | { kind: 'card'; card: CheckedCard };

function sourceOf(req: AuthorizeRequest__Output, now: Date): Source {
  switch (req.source) {
    case 'cardToken':
      return { kind: 'token', token: check.text(req.cardToken, 'card_token', { max: 64, pattern: CARD_TOKEN_PATTERN, hint: 'must be a token from TokenizeCard' }) };
    case 'card':
      return { kind: 'card', card: checkCard(req.card, 'card', now) };
    default:
      throw invalidArgument('card_token', 'a card_token or a card is required');
  }
}

export function paymentsHandlers(deps: PaymentsDeps): AsyncHandlers<PaymentsServiceHandlers> {
  const { keys } = deps;
  const now = deps.now ?? (() => new Date());
  const provider = (ctx: CallContext): Promise<void> => deps.flakiness.before(ctx.signal, (kind) => deps.onInjected?.(ctx, kind));
  const meta = (ctx: CallContext): HandleOptions => (ctx.user ? { userId: ctx.user.id } : {});
  // Payments and card tokens stay folded in memory: Capture decides on the payment Authorize
  // left, Authorize on the card TokenizeCard stored, with no read (a stale entry costs a conflict
  // and a read of the newer events). Both kinds of stream are named after fresh keys: a stream not
  // in memory is taken as new, and read only if the append finds it exists.
  const payments = new StreamCache<PaymentEvent, PaymentState>(undefined, payment, { assumeNew: true });
  const cards = new StreamCache<CardTokenEvent, TokenizedCard>(undefined, cardToken, { assumeNew: true });

  async function tokenizedCard(store: EventStorePort, token: string): Promise<{ card: CardSummary__Output; fingerprint: string }> {
    // A token's stream is written once: a remembered one is current.
    const state = (cards.peek(cardStream(token)) ?? (await cards.refresh(cardStream(token), store))).state;
    if (!state) throw new GrpcError(status.NOT_FOUND, 'card_token: no card has this token');
    return state;
  }

  async function loadPayment(store: EventStorePort, paymentId: string): Promise<Payment> {
    const p = (await payments.refresh(paymentStream(paymentId), store)).state;
    if (!p) throw new GrpcError(status.NOT_FOUND, `payment ${paymentId} not found`);
    return p;
  }

  async function run(ctx: CallContext, command: PaymentCommand): Promise<{ payment: PaymentMessage }> {
    const r = await refusalsAsStatus(() => handleCommand(deps.store(ctx), payment, paymentStream(command.data.paymentId), command, { ...meta(ctx), cache: payments }));
    // Defined: on an unknown payment the decider refuses with NOT_FOUND.
    return { payment: toPaymentMessage(r.state!) };
  }

  return {
    TokenizeCard: async (req, ctx) => {
      const card = checkCard(req.card, 'card', now());
      const idempotencyKey = check.optionalText(req.idempotencyKey, 'idempotency_key', KEY);
      await provider(ctx);
      const token = keys.token(idempotencyKey);
      const command = { type: 'Tokenize' as const, data: { cardToken: token, card: card.summary, fingerprint: keys.fingerprint(card.number), idempotencyKey: idempotencyKey ?? '', now: now() } };
      const r = await refusalsAsStatus(() => handleCommand(deps.store(ctx), cardToken, cardStream(token), command, { ...meta(ctx), cache: cards }));
      return { cardToken: token, card: r.state!.card };
    },

    Authorize: async (req, ctx) => {
      const idempotencyKey = check.text(req.idempotencyKey, 'idempotency_key', KEY);
      const orderId = check.text(req.orderId, 'order_id', ID);
      const customerId = check.text(req.customerId, 'customer_id', ID);
      const amount = checkMoney(req.amount, 'amount', { positive: true });
      const source = sourceOf(req, now());
      // Orders calls on its own behalf; a forwarded user token must be the customer's (or an admin's).
      if (ctx.user) ctx.requireOwner(customerId);
      await provider(ctx);
      const store = deps.store(ctx);
      const { card, fingerprint } = source.kind === 'card' ? { card: source.card.summary, fingerprint: keys.fingerprint(source.card.number) } : await tokenizedCard(store, source.token);
      const at = now();
      const decline = issuerDecision(keys.testBehaviour(fingerprint), card, at);
      const paymentId = paymentIdFor(idempotencyKey);
      return run(ctx, { type: 'Authorize', data: { paymentId, idempotencyKey, orderId, customerId, amount, card, fingerprint, ...(decline ? { decline } : {}), now: at } });
    },

    Capture: async (req, ctx) => {
      const paymentId = paymentIdOf(req.paymentId);
      const amount = req.amount ? checkMoney(req.amount, 'amount', { positive: true }) : undefined;
      await provider(ctx);
      return run(ctx, { type: 'Capture', data: { paymentId, ...(amount ? { amount } : {}), now: now() } });
    },

    Void: async (req, ctx) => {
      const paymentId = paymentIdOf(req.paymentId);
      await provider(ctx);
      return run(ctx, { type: 'Void', data: { paymentId, now: now() } });
    },

    Refund: async (req, ctx) => {
      const paymentId = paymentIdOf(req.paymentId);
      const amount = req.amount ? checkMoney(req.amount, 'amount', { positive: true }) : undefined;
      const idempotencyKey = check.text(req.idempotencyKey, 'idempotency_key', KEY);
      const reason = check.optionalText(req.reason, 'reason', { max: 500 }) ?? '';
      await provider(ctx);
      return run(ctx, { type: 'Refund', data: { paymentId, idempotencyKey, reason, ...(amount ? { amount } : {}), now: now() } });
    },

    GetPayment: async (req, ctx) => {
      const paymentId = paymentIdOf(req.paymentId);
      await provider(ctx);
      const p = await loadPayment(deps.store(ctx), paymentId);
      ctx.requireOwner(p.customerId);
      return { payment: toPaymentMessage(p) };
    },
  };
}

/**
 * TokenizeCard, Authorize, Capture and Void are called by orders (its service.yaml `calls`): public
 * here, while in the mesh a method-level AuthorizationPolicy lets only orders reach them. Refunds
 * are an admin's act; a payment is read by its customer or an admin (checked in the handler).
 */
export const paymentsAccess: ServeOptions<PaymentsServiceHandlers> = {
  access: { Refund: 'admin', GetPayment: 'user' },
};
