// The simulated card issuer: which cards it declines and what it tells the shopper. Test cards are
// recognised by fingerprint (see CardKeys), so their behaviour survives tokenization while no
// card number is ever kept.
import type { CardSummary__Output } from '@mercato/protos/gen/mercato/payments/v1/CardSummary';
import type { DeclineReason__Output } from '@mercato/protos/gen/mercato/payments/v1/DeclineReason';
import { hasExpired } from './card';

export type DeclineCode = Exclude<DeclineReason__Output, 'DECLINE_REASON_UNSPECIFIED'>;

export interface Decline {
  reason: DeclineCode;
  /** Safe to show to the shopper. */
  message: string;
}

/** Published test numbers that decline; every other valid number is approved. */
export const DECLINING_TEST_CARDS: ReadonlyArray<{ number: string; reason: DeclineCode }> = [
  { number: '4000000000000002', reason: 'DECLINE_REASON_CARD_DECLINED' },
  { number: '4000000000009995', reason: 'DECLINE_REASON_INSUFFICIENT_FUNDS' },
  { number: '4000000000000069', reason: 'DECLINE_REASON_EXPIRED_CARD' },
  { number: '4000000000000127', reason: 'DECLINE_REASON_INCORRECT_CVC' },
  { number: '4100000000000019', reason: 'DECLINE_REASON_FRAUD_SUSPECTED' },
  { number: '4000000000000119', reason: 'DECLINE_REASON_PROCESSING_ERROR' },
];

export const DECLINE_MESSAGES: Readonly<Record<DeclineCode, string>> = {
  DECLINE_REASON_CARD_DECLINED: 'Your card was declined.',
  DECLINE_REASON_INSUFFICIENT_FUNDS: 'Your card has insufficient funds.',
  DECLINE_REASON_EXPIRED_CARD: 'Your card has expired.',
  DECLINE_REASON_INCORRECT_CVC: "Your card's security code is incorrect.",
  DECLINE_REASON_INVALID_NUMBER: 'Your card number is incorrect.',
  // Deliberately vague: a fraudster learns nothing from it.
  DECLINE_REASON_FRAUD_SUSPECTED: 'Your card was declined. Please contact your card issuer.',
  DECLINE_REASON_PROCESSING_ERROR: 'An error occurred while processing your card. Please try again.',
};

/**
 * The issuer's answer to an authorization: undefined approves. `testBehaviour` is the decline a
 * test card is known for; a tokenized card may also have expired since it was tokenized.
 */
export function issuerDecision(testBehaviour: DeclineCode | undefined, card: CardSummary__Output, now: Date): Decline | undefined {
  const reason = testBehaviour ?? (hasExpired(card, now) ? 'DECLINE_REASON_EXPIRED_CARD' : undefined);
  return reason ? { reason, message: DECLINE_MESSAGES[reason] } : undefined;
}
