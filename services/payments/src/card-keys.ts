// Everything keyed by PAYMENTS_FINGERPRINT_KEY: card fingerprints (HMAC-SHA256 of the number, so
// the same card is recognisable without being stored), card tokens, and the table that recognises
// the declining test cards by their fingerprints.
import { createHmac, randomBytes } from 'node:crypto';
import { DECLINING_TEST_CARDS, type DeclineCode } from './domain/issuer';

export const CARD_TOKEN_PATTERN = /^tok_[0-9a-f]{32}$/;

export class CardKeys {
  private readonly testCards: ReadonlyMap<string, DeclineCode>;

  constructor(private readonly secret: string) {
    this.testCards = new Map(DECLINING_TEST_CARDS.map((c) => [this.fingerprint(c.number), c.reason]));
  }

  /** Same card, same fingerprint; without the key the number cannot be recovered or tried. */
  fingerprint(number: string): string {
    return this.hmac(number);
  }

  /**
   * A retry with the same idempotency key gets the same token; keyed, so nobody can derive a
   * token from a key they saw. Without a key, a random token.
   */
  token(idempotencyKey: string | undefined): string {
    // The NUL keeps token inputs apart from card numbers (digits only).
    const id = idempotencyKey === undefined ? randomBytes(16).toString('hex') : this.hmac(`card-token\0${idempotencyKey}`).slice(0, 32);
    return `tok_${id}`;
  }

  /** The decline a test card is known for, by its fingerprint. */
  testBehaviour(fingerprint: string): DeclineCode | undefined {
    return this.testCards.get(fingerprint);
  }

  private hmac(input: string): string {
    return createHmac('sha256', this.secret).update(input).digest('hex');
  }
}
