// Card checks, card keys (fingerprints, tokens, test-card recognition) and the simulated issuer.
import { status } from '@grpc/grpc-js';
import type { PaymentCard__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentCard';
import { CARD_TOKEN_PATTERN, CardKeys } from '../src/card-keys';
import { checkCard, detectBrand, luhnValid } from '../src/domain/card';
import { DECLINING_TEST_CARDS, issuerDecision } from '../src/domain/issuer';

const NOW = new Date('2025-06-15T12:00:00Z');
const card = (over: Partial<PaymentCard__Output> = {}): PaymentCard__Output => ({ number: '4242424242424242', expiryMonth: 12, expiryYear: 2027, cvc: '123', holderName: 'Ada Lovelace', ...over });
const refused = (over: Partial<PaymentCard__Output>) => {
  try {
    checkCard(card(over), 'card', NOW);
  } catch (err) {
    return err as { code: number; message: string };
  }
  throw new Error('the card was accepted');
};

describe('card checks', () => {
  it('runs the Luhn check', () => {
    expect(luhnValid('4242424242424242')).toBe(true);
    expect(luhnValid('4242424242424241')).toBe(false);
    expect(luhnValid('378282246310005')).toBe(true);
    for (const c of DECLINING_TEST_CARDS) expect(luhnValid(c.number)).toBe(true);
  });

  it('detects the brand from the leading digits', () => {
    expect(detectBrand('4242424242424242')).toBe('CARD_BRAND_VISA');
    expect(detectBrand('5555555555554444')).toBe('CARD_BRAND_MASTERCARD');
    expect(detectBrand('2223003122003222')).toBe('CARD_BRAND_MASTERCARD');
    expect(detectBrand('378282246310005')).toBe('CARD_BRAND_AMEX');
    expect(detectBrand('6011111111111117')).toBe('CARD_BRAND_DISCOVER');
    expect(detectBrand('6445644564456445')).toBe('CARD_BRAND_DISCOVER');
    expect(detectBrand('3566002020360505')).toBe('CARD_BRAND_OTHER');
  });

  it('keeps only a summary that may be shown and stored', () => {
    expect(checkCard(card(), 'card', NOW)).toEqual({ number: '4242424242424242', cvc: '123', summary: { brand: 'CARD_BRAND_VISA', last4: '4242', expiryMonth: 12, expiryYear: 2027 } });
    expect(checkCard(card({ number: '378282246310005', cvc: '1234' }), 'card', NOW).summary.brand).toBe('CARD_BRAND_AMEX');
    // The current month is still good.
    expect(() => checkCard(card({ expiryMonth: 6, expiryYear: 2025 }), 'card', NOW)).not.toThrow();
  });

  it.each([
    [{ number: '4242 4242 4242 4242' }, /^card\.number: must be 12 to 19 digits/],
    [{ number: '42424242424' }, /^card\.number: must be 12 to 19 digits/],
    [{ number: '42424242424242424242' }, /^card\.number: must be 12 to 19 digits/],
    [{ number: '4242424242424241' }, /^card\.number: .*Luhn/],
    [{ expiryMonth: 0 }, /^card\.expiry_month: must be from 1 to 12/],
    [{ expiryMonth: 13 }, /^card\.expiry_month: must be from 1 to 12/],
    [{ expiryYear: 27 }, /^card\.expiry_year: must be four digits/],
    [{ expiryYear: 2024 }, /^card\.expiry_year: is in the past/],
    [{ expiryYear: 2046 }, /^card\.expiry_year: must be at most 2045/],
    [{ expiryMonth: 5, expiryYear: 2025 }, /^card\.expiry_month: is in the past/],
    [{ cvc: '12' }, /^card\.cvc: must be 3 digits/],
    [{ cvc: '12a' }, /^card\.cvc: must be 3 digits/],
    [{ number: '378282246310005', cvc: '123' }, /^card\.cvc: must be 4 digits for American Express/],
    [{ holderName: 'x'.repeat(101) }, /^card\.holder_name: /],
  ])('refuses %j as INVALID_ARGUMENT naming the field', (over, message) => {
    const err = refused(over);
    expect(err.code).toBe(status.INVALID_ARGUMENT);
    expect(err.message).toMatch(message);
  });

  it('requires the card', () => {
    expect(() => checkCard(null, 'card', NOW)).toThrow(/^card: is required/);
  });
});

describe('card keys', () => {
  const keys = new CardKeys('a-test-secret-of-enough-length');

  it('fingerprints a number the same way every time, and differently under another key', () => {
    const fp = keys.fingerprint('4242424242424242');
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(fp).not.toContain('4242424242424242');
    expect(keys.fingerprint('4242424242424242')).toBe(fp);
    expect(keys.fingerprint('5555555555554444')).not.toBe(fp);
    expect(new CardKeys('another-secret-of-enough-length').fingerprint('4242424242424242')).not.toBe(fp);
  });

  it('gives the same token for the same idempotency key, a random one without', () => {
    expect(keys.token('k-1')).toBe(keys.token('k-1'));
    expect(keys.token('k-1')).not.toBe(keys.token('k-2'));
    expect(keys.token(undefined)).not.toBe(keys.token(undefined));
    for (const t of [keys.token('k-1'), keys.token(undefined)]) expect(t).toMatch(CARD_TOKEN_PATTERN);
  });

  it('recognises each declining test card by its fingerprint alone', () => {
    for (const c of DECLINING_TEST_CARDS) expect(keys.testBehaviour(keys.fingerprint(c.number))).toBe(c.reason);
    expect(keys.testBehaviour(keys.fingerprint('4242424242424242'))).toBeUndefined();
  });
});

describe('the simulated issuer', () => {
  const summary = { brand: 'CARD_BRAND_VISA' as const, last4: '0002', expiryMonth: 12, expiryYear: 2027 };

  it('approves unless the card is a declining test card or has expired since it was tokenized', () => {
    expect(issuerDecision(undefined, summary, NOW)).toBeUndefined();
    expect(issuerDecision('DECLINE_REASON_CARD_DECLINED', summary, NOW)).toEqual({ reason: 'DECLINE_REASON_CARD_DECLINED', message: 'Your card was declined.' });
    expect(issuerDecision(undefined, { ...summary, expiryMonth: 5, expiryYear: 2025 }, NOW)).toMatchObject({ reason: 'DECLINE_REASON_EXPIRED_CARD' });
  });
});
