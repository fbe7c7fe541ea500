// Input schemas: field paths as the JSON spells them, text-mode coercion, and a document that
// says what the validator checks.
import { HttpError } from '../src/http/errors';
import { parseWith } from '../src/http/schema';
import { checkLuhn, checkoutInput, isoSeconds, productsQuery, signUpInput } from '../src/shop/inputs';

function fieldOf(fn: () => unknown): { field: string | undefined; status: number; message: string } {
  try {
    fn();
  } catch (err) {
    if (err instanceof HttpError) return { field: err.field, status: err.status, message: err.message };
    throw err;
  }
  throw new Error('expected a 400');
}

const checkout = () => ({
  idempotency_key: 'k-1',
  shipping_address: { recipient: 'Ada', address_lines: ['1 Main St'], locality: 'Springfield', administrative_area: 'IL', postal_code: '62701', region_code: 'US' },
  shipping_speed: 'standard',
  card: { number: '4242424242424242', expiry_month: 12, expiry_year: 2030, cvc: '123', holder_name: 'Ada' },
});

describe('input schemas', () => {
  it('accepts a valid checkout and drops unknown and prototype keys', () => {
    const input = parseWith(checkoutInput, { ...checkout(), extra: 1, ['__proto__']: { admin: true } }, 'json');
    expect(input.shipping_address.address_lines).toEqual(['1 Main St']);
    expect(Object.keys(input)).not.toContain('extra');
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it.each([
    ['a missing body', undefined, 'body'],
    ['a list instead of an object', [], 'body'],
    ['a number for a string', { ...checkout(), idempotency_key: 5 }, 'idempotency_key'],
    ['a nested field', { ...checkout(), shipping_address: { ...checkout().shipping_address, region_code: 'us' } }, 'shipping_address.region_code'],
    ['an empty list', { ...checkout(), shipping_address: { ...checkout().shipping_address, address_lines: [] } }, 'shipping_address.address_lines'],
    ['a list item', { ...checkout(), shipping_address: { ...checkout().shipping_address, address_lines: ['ok', 7] } }, 'shipping_address.address_lines[1]'],
    ['an enum', { ...checkout(), shipping_speed: 'teleport' }, 'shipping_speed'],
    ['an int out of range', { ...checkout(), card: { ...checkout().card, expiry_month: 13 } }, 'card.expiry_month'],
    ['a string number for an int in JSON', { ...checkout(), card: { ...checkout().card, expiry_month: '12' } }, 'card.expiry_month'],
    ['control characters', { ...checkout(), card: { ...checkout().card, holder_name: 'Ada\u0000' } }, 'card.holder_name'],
  ])('names the field for %s', (_what, body, field) => {
    expect(fieldOf(() => parseWith(checkoutInput, body, 'json'))).toMatchObject({ field, status: 400 });
  });

  it('reads numbers from query strings and forms, and treats empty values as absent', () => {
    expect(parseWith(productsQuery, { page_size: '5', order_by: '', page_token: '' }, 'text')).toEqual({ page_size: 5 });
    expect(fieldOf(() => parseWith(productsQuery, { page_size: '5.5' }, 'text')).field).toBe('page_size');
    expect(fieldOf(() => parseWith(productsQuery, { page_size: '101' }, 'text')).field).toBe('page_size');
  });

  it('checks passwords by length and e-mail addresses by shape', () => {
    expect(fieldOf(() => parseWith(signUpInput, { email: 'a@b.co', password: 'short', name: 'A' }, 'json')).field).toBe('password');
    expect(fieldOf(() => parseWith(signUpInput, { email: 'not-an-email', password: 'long enough pw', name: 'A' }, 'json')).field).toBe('email');
    expect(fieldOf(() => parseWith(signUpInput, { email: 'a@b.co', password: 'x'.repeat(129), name: 'A' }, 'json')).field).toBe('password');
  });

  it('describes what it validates as JSON Schema', () => {
    const doc = checkoutInput.json() as { required: string[]; properties: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    expect(doc.required).toEqual(['idempotency_key', 'shipping_address', 'shipping_speed', 'card']);
    expect(doc.properties.shipping_address!.required).toContain('region_code');
    expect(doc.properties.card!.properties!.number).toMatchObject({ type: 'string', pattern: '^\\d{12,19}$' });
  });

  it('checks card numbers with Luhn and times as ISO 8601 (UTC when no zone is given)', () => {
    expect(() => checkLuhn('4242424242424242')).not.toThrow();
    expect(fieldOf(() => checkLuhn('4242424242424241')).field).toBe('card.number');
    expect(isoSeconds('2026-01-31T12:00:00Z', 'from')).toBe(Date.UTC(2026, 0, 31, 12) / 1000);
    expect(isoSeconds('2026-01-31T12:00', 'from')).toBe(Date.UTC(2026, 0, 31, 12) / 1000);
    expect(fieldOf(() => isoSeconds('yesterday', 'from')).field).toBe('from');
  });
});
