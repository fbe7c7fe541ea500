// What shoppers send, declared once: the JSON API and the HTML forms validate with these, and the
// OpenAPI document describes them. Field names are the JSON's (snake_case, as in the protos).
import { badRequest } from '../http/errors';
import { array, int, object, oneOf, optional, str, CATEGORY_ID, PAGE_SIZE, PAGE_TOKEN, PRODUCT_ID, UUID, type Infer } from '../http/schema';

export const EMAIL = str({ max: 254, pattern: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, hint: 'must be an e-mail address', format: 'email' });
export const PASSWORD = str({ min: 10, max: 128, hint: 'must be 10 to 128 characters' });
export const NAME = str({ max: 100, description: 'Display name.' });

export const signUpInput = object({ email: EMAIL, password: PASSWORD, name: NAME });
// Sign-in does not re-check password length: a wrong password is a 401, not a hint.
export const signInInput = object({ email: EMAIL, password: str({ max: 128 }) });
export type SignUpInput = Infer<typeof signUpInput>;
export type SignInInput = Infer<typeof signInInput>;

export const PRODUCT_ORDERS = ['name', 'price_asc', 'price_desc', 'rating', 'newest'] as const;
export type ProductOrder = (typeof PRODUCT_ORDERS)[number];

export const productsQuery = object({
  category: optional(CATEGORY_ID),
  order_by: optional(oneOf(PRODUCT_ORDERS)),
  page_size: PAGE_SIZE,
  page_token: PAGE_TOKEN,
});
export const searchQuery = object({
  q: str({ max: 200, description: 'Free text, e.g. "waterproof hiking boots".' }),
  category: optional(CATEGORY_ID),
  page_size: PAGE_SIZE,
  page_token: PAGE_TOKEN,
});
export const pageQuery = object({ page_size: PAGE_SIZE, page_token: PAGE_TOKEN });

export const productParams = object({ id: PRODUCT_ID });
export const itemParams = object({ product_id: PRODUCT_ID });
export const orderParams = object({ id: UUID });
export const categoryParams = object({ id: CATEGORY_ID });

export const QUANTITY = int({ min: 1, max: 99, description: 'Units of the product.' });
export const addItemInput = object({ product_id: PRODUCT_ID, quantity: QUANTITY });
export const setQuantityInput = object({ quantity: int({ min: 0, max: 99, description: '0 removes the line.' }) });

export const reviewInput = object({
  rating: int({ min: 1, max: 5 }),
  title: str({ max: 120 }),
  body: str({ max: 4000, multiline: true }),
});
export type ReviewInput = Infer<typeof reviewInput>;

export const ADDRESS = object({
  recipient: str({ max: 200 }),
  address_lines: array(str({ max: 200 }), { min: 1, max: 5 }),
  locality: str({ max: 100, description: 'City or town.' }),
  administrative_area: optional(str({ max: 100, description: 'State, province or region.' })),
  postal_code: optional(str({ max: 20, pattern: /^[A-Za-z0-9][A-Za-z0-9 -]*$/, hint: 'must be letters, digits, spaces and "-"' })),
  region_code: str({ min: 2, max: 2, pattern: /^[A-Z]{2}$/, hint: 'must be a two-letter country code such as "US"' }),
  phone: optional(str({ max: 16, pattern: /^\+[1-9]\d{1,14}$/, hint: 'must be an international (E.164) number such as +14155550100' })),
});
export type AddressInput = Infer<typeof ADDRESS>;

export const SPEEDS = ['standard', 'express', 'overnight'] as const;
export type Speed = (typeof SPEEDS)[number];

export const CARD = object({
  number: str({ min: 12, max: 19, pattern: /^\d{12,19}$/, hint: 'must be 12 to 19 digits' }),
  expiry_month: int({ min: 1, max: 12 }),
  expiry_year: int({ min: 2000, max: 2100 }),
  cvc: str({ min: 3, max: 4, pattern: /^\d{3,4}$/, hint: 'must be 3 or 4 digits' }),
  holder_name: str({ max: 100 }),
});

export const quoteInput = object({ address: ADDRESS });
export const checkoutInput = object({
  idempotency_key: str({ max: 128, pattern: /^[A-Za-z0-9._:-]+$/, hint: 'must be 1-128 letters, digits or ._:- (a UUID made when the checkout opened)' }),
  shipping_address: ADDRESS,
  billing_address: optional(ADDRESS),
  shipping_speed: oneOf(SPEEDS),
  card: CARD,
  email: optional(EMAIL),
});
export type CheckoutInput = Infer<typeof checkoutInput>;

export const salesQuery = object({
  from: optional(str({ max: 40, format: 'date-time', description: 'Start (inclusive), ISO 8601; default 24 hours before "to".' })),
  to: optional(str({ max: 40, format: 'date-time', description: 'End (exclusive), ISO 8601; default now.' })),
});

/** The Luhn check digit, so a typo is caught before the payment provider sees the number. */
export function checkLuhn(number: string, field = 'card.number'): void {
  let sum = 0;
  for (let i = 0; i < number.length; i++) {
    let d = number.charCodeAt(number.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  if (sum % 10 !== 0) throw badRequest(field, 'is not a valid card number (check the digits)');
}

/** An ISO 8601 time as seconds, naming the field when it is not one. */
export function isoSeconds(value: string, field: string): number {
  if (!/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/.test(value)) throw badRequest(field, 'must be an ISO 8601 time such as 2026-01-31T12:00:00Z');
  // No zone given (an HTML datetime-local field): UTC, whatever the server's zone.
  const ms = Date.parse(/T[\d:.]+$/.test(value) ? `${value}Z` : value);
  if (!Number.isFinite(ms)) throw badRequest(field, 'must be an ISO 8601 time such as 2026-01-31T12:00:00Z');
  return Math.floor(ms / 1000);
}
