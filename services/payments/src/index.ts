export * from './service';
export * from './api';
export { CardKeys, CARD_TOKEN_PATTERN } from './card-keys';
export { Flakiness, type FlakinessSettings } from './flakiness';
export { checkCard, detectBrand, luhnValid } from './domain/card';
export { DECLINING_TEST_CARDS, DECLINE_MESSAGES, type Decline, type DeclineCode } from './domain/issuer';
export { payment, paymentIdFor, paymentStream, type Payment, type PaymentCommand, type PaymentEvent } from './domain/payment';
export { cardToken, cardStream } from './domain/card-token';
