// Card checks as a card network's first line does them: digits and length, Luhn, brand, expiry,
// CVC. Pure: the clock comes in as `now`. Each refusal is INVALID_ARGUMENT naming the proto field.
import { check, invalidArgument } from '@mercato/kit';
import type { CardBrand__Output } from '@mercato/protos/gen/mercato/payments/v1/CardBrand';
import type { CardSummary__Output } from '@mercato/protos/gen/mercato/payments/v1/CardSummary';
import type { PaymentCard__Output } from '@mercato/protos/gen/mercato/payments/v1/PaymentCard';

/** A card that passed every check. `number` and `cvc` live only as long as the call. */
export interface CheckedCard {
  number: string;
  cvc: string;
  summary: CardSummary__Output;
}

/** Cards are not issued for longer than this; a later year is a typo. */
const MAX_YEARS_AHEAD = 20;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The brand from the number's leading digits (the issuer identification number ranges). */
export function detectBrand(digits: string): CardBrand__Output {
  const prefix = (n: number): number => Number(digits.slice(0, n));
  if (digits.startsWith('4')) return 'CARD_BRAND_VISA';
  if (/^3[47]/.test(digits)) return 'CARD_BRAND_AMEX';
  if ((prefix(2) >= 51 && prefix(2) <= 55) || (prefix(4) >= 2221 && prefix(4) <= 2720)) return 'CARD_BRAND_MASTERCARD';
  if (digits.startsWith('6011') || digits.startsWith('65') || (prefix(3) >= 644 && prefix(3) <= 649) || (prefix(6) >= 622126 && prefix(6) <= 622925)) {
    return 'CARD_BRAND_DISCOVER';
  }
  return 'CARD_BRAND_OTHER';
}

/** True once the last day of the expiry month is over (UTC, as networks settle). */
export function hasExpired(card: { expiryMonth: number; expiryYear: number }, now: Date): boolean {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth() + 1;
  return card.expiryYear < year || (card.expiryYear === year && card.expiryMonth < month);
}

/** Checks a card from a request; `field` is where it sits in the request (e.g. "card"). */
export function checkCard(card: PaymentCard__Output | null | undefined, field: string, now: Date): CheckedCard {
  if (!card) throw invalidArgument(field, 'is required');
  const number = card.number;
  if (!/^\d{12,19}$/.test(number)) throw invalidArgument(`${field}.number`, 'must be 12 to 19 digits, without spaces or dashes');
  if (!luhnValid(number)) throw invalidArgument(`${field}.number`, 'is not a valid card number (Luhn check failed)');
  const brand = detectBrand(number);

  const { expiryMonth, expiryYear } = card;
  if (!Number.isInteger(expiryMonth) || expiryMonth < 1 || expiryMonth > 12) throw invalidArgument(`${field}.expiry_month`, 'must be from 1 to 12');
  if (!Number.isInteger(expiryYear) || expiryYear < 1000 || expiryYear > 9999) throw invalidArgument(`${field}.expiry_year`, 'must be four digits, e.g. 2029');
  const thisYear = now.getUTCFullYear();
  if (expiryYear < thisYear) throw invalidArgument(`${field}.expiry_year`, 'is in the past: the card has expired');
  if (expiryYear > thisYear + MAX_YEARS_AHEAD) throw invalidArgument(`${field}.expiry_year`, `must be at most ${thisYear + MAX_YEARS_AHEAD}`);
  if (hasExpired({ expiryMonth, expiryYear }, now)) throw invalidArgument(`${field}.expiry_month`, 'is in the past: the card has expired');

  const cvcLength = brand === 'CARD_BRAND_AMEX' ? 4 : 3;
  if (!new RegExp(`^\\d{${cvcLength}}$`).test(card.cvc)) {
    throw invalidArgument(`${field}.cvc`, `must be ${cvcLength} digits${brand === 'CARD_BRAND_AMEX' ? ' for American Express' : ''}`);
  }
  check.optionalText(card.holderName, `${field}.holder_name`, { max: 100 });
  return { number, cvc: card.cvc, summary: { brand, last4: number.slice(-4), expiryMonth, expiryYear } };
}
