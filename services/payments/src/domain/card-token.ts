// The decider of "card-<card_token>" streams: a token is issued once, for one card. A retry with
// the same idempotency key (hence the same token) for the same card writes nothing new.
import { assertNever, FailedPreconditionError, type Decider, type Message } from '@mercato/eventsourcing';
import type { CardSummary__Output } from '@mercato/protos/gen/mercato/payments/v1/CardSummary';
import type { CardTokenized__Output } from '@mercato/protos/gen/mercato/payments/v1/CardTokenized';
import { timestamp } from './time';

export const CARD_TOKENIZED = 'mercato.payments.v1.CardTokenized';

export type CardTokenEvent = Message<typeof CARD_TOKENIZED, CardTokenized__Output>;

export type CardTokenCommand = Message<'Tokenize', { cardToken: string; card: CardSummary__Output; fingerprint: string; idempotencyKey: string; now: Date }>;

export type TokenizedCard = { cardToken: string; card: CardSummary__Output; fingerprint: string } | undefined;

export const cardStream = (cardToken: string): string => `card-${cardToken}`;

export const cardToken: Decider<CardTokenCommand, CardTokenEvent, TokenizedCard> = {
  initialState: () => undefined,
  decide(command, state) {
    switch (command.type) {
      case 'Tokenize': {
        const c = command.data;
        if (!state) {
          return [{ type: CARD_TOKENIZED, data: { cardToken: c.cardToken, card: c.card, fingerprint: c.fingerprint, idempotencyKey: c.idempotencyKey, eventTime: timestamp(c.now) } }];
        }
        const same = state.fingerprint === c.fingerprint && state.card.expiryMonth === c.card.expiryMonth && state.card.expiryYear === c.card.expiryYear;
        if (same) return [];
        throw new FailedPreconditionError('idempotency_key: already used to tokenize a different card');
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve(_state, event) {
    switch (event.type) {
      case CARD_TOKENIZED:
        return { cardToken: event.data.cardToken, card: event.data.card!, fingerprint: event.data.fingerprint };
      default:
        return assertNever(event.type);
    }
  },
};
