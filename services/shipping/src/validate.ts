// Request checks: each failure is INVALID_ARGUMENT naming the proto field (snake_case, with the
// path and index, e.g. "destination.address_lines[0]", "parcels[2].quantity").
import { check, invalidArgument } from '@mercato/kit';
import type { Address__Output } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { Parcel__Output } from '@mercato/protos/gen/mercato/shipping/v1/Parcel';
import { isCountryCode } from './domain/countries';
import { SHIPMENT_ID_PATTERN } from './domain/ids';
import { CURRENCIES, MAX_SHIPMENT_GRAMS, shipmentWeightGrams, SPEEDS, type Currency, type Speed } from './domain/rates';

export const MAX_PARCELS = 100;
export const MAX_QUANTITY = 10_000;
export const MAX_UNIT_WEIGHT_GRAMS = 100_000;

/** Countries whose addresses need a state or province, and its shape there. */
const ADMINISTRATIVE_AREA: Record<string, { pattern: RegExp; hint: string }> = {
  US: { pattern: /^[A-Z]{2}$/, hint: 'must be a two-letter state code such as "NY"' },
  CA: { pattern: /^[A-Z]{2}$/, hint: 'must be a two-letter province code such as "ON"' },
  AU: { pattern: /^[A-Z]{2,3}$/, hint: 'must be a state code such as "NSW"' },
};

/** Postal code formats of the countries the rate table sees most; elsewhere any short code, or none. */
const POSTAL_CODE: Record<string, { pattern: RegExp; hint: string }> = {
  US: { pattern: /^\d{5}(-\d{4})?$/, hint: 'must be a ZIP code such as "10001" or "10001-1234"' },
  CA: { pattern: /^[A-Z]\d[A-Z] ?\d[A-Z]\d$/i, hint: 'must be a postal code such as "K1A 0B1"' },
  GB: { pattern: /^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/i, hint: 'must be a postcode such as "SW1A 1AA"' },
  DE: { pattern: /^\d{5}$/, hint: 'must be five digits' },
  FR: { pattern: /^\d{5}$/, hint: 'must be five digits' },
  NL: { pattern: /^\d{4} ?[A-Z]{2}$/i, hint: 'must be a postcode such as "1012 AB"' },
  AU: { pattern: /^\d{4}$/, hint: 'must be four digits' },
  JP: { pattern: /^\d{3}-?\d{4}$/, hint: 'must be a postal code such as "100-0001"' },
};
const ANY_POSTAL_CODE = { pattern: /^[A-Za-z0-9][A-Za-z0-9 -]*$/, hint: 'must be letters, digits, spaces and hyphens' };

export function checkAddress(value: Address__Output | null | undefined, field: string): Address__Output {
  const a = check.present(value, field);
  const regionCode = check.text(a.regionCode, `${field}.region_code`, { max: 16, pattern: /^[A-Z]{2}$/, hint: 'must be an ISO 3166-1 alpha-2 country code such as "US"' });
  if (!isCountryCode(regionCode)) throw invalidArgument(`${field}.region_code`, `"${regionCode}" is not an ISO 3166-1 alpha-2 country code`);
  const recipient = check.text(a.recipient, `${field}.recipient`, { max: 200 });
  const lines = check.list<unknown>(a.addressLines, `${field}.address_lines`, { min: 1, max: 5 }).map((line, i) => check.text(line, `${field}.address_lines[${i}]`, { max: 200 }));
  const locality = check.text(a.locality, `${field}.locality`, { max: 100 });
  const area = ADMINISTRATIVE_AREA[regionCode];
  const administrativeArea = area
    ? check.text(a.administrativeArea, `${field}.administrative_area`, { max: 100, pattern: area.pattern, hint: area.hint })
    : (check.optionalText(a.administrativeArea, `${field}.administrative_area`, { max: 100 }) ?? '');
  const postal = POSTAL_CODE[regionCode];
  const postalCode = postal
    ? check.text(a.postalCode, `${field}.postal_code`, { max: 20, pattern: postal.pattern, hint: postal.hint })
    : (check.optionalText(a.postalCode, `${field}.postal_code`, { max: 20, ...ANY_POSTAL_CODE }) ?? '');
  const phone = check.optionalText(a.phone, `${field}.phone`, { max: 32, pattern: /^\+[1-9]\d{1,14}$/, hint: 'must be an E.164 number such as "+14155550100"' }) ?? '';
  return { recipient, addressLines: lines, locality, administrativeArea, postalCode, regionCode, phone };
}

export function checkParcels(value: readonly Parcel__Output[] | null | undefined, field: string): Parcel__Output[] {
  const parcels = check.list<Parcel__Output>(value, field, { min: 1, max: MAX_PARCELS }).map((p, i) => ({
    productId: check.optionalText(p.productId, `${field}[${i}].product_id`, { max: 128 }) ?? '',
    quantity: check.int(p.quantity, `${field}[${i}].quantity`, { min: 1, max: MAX_QUANTITY }),
    unitWeightGrams: check.int(p.unitWeightGrams, `${field}[${i}].unit_weight_grams`, { min: 0, max: MAX_UNIT_WEIGHT_GRAMS }),
  }));
  const grams = shipmentWeightGrams(parcels);
  if (grams > MAX_SHIPMENT_GRAMS) throw invalidArgument(field, `weigh ${grams} g in total; a shipment may weigh at most ${MAX_SHIPMENT_GRAMS} g`);
  return parcels;
}

export function checkCurrency(value: unknown, field: string): Currency {
  const code = check.text(value, field, { max: 16, pattern: /^[A-Z]{3}$/, hint: 'must be a three-letter ISO 4217 code such as "USD"' });
  if (!(CURRENCIES as readonly string[]).includes(code)) throw invalidArgument(field, `${code} is not supported; quotes are in ${CURRENCIES.join(' or ')}`);
  return code as Currency;
}

export function checkSpeed(value: unknown, field: string): Speed {
  return check.enumValue(value, field, SPEEDS);
}

export function checkOrderId(value: unknown, field: string): string {
  return check.text(value, field, { max: 128, pattern: /^[A-Za-z0-9][A-Za-z0-9._:-]*$/, hint: 'must be letters, digits and . _ : - (an order id)' });
}

export function checkShipmentId(value: unknown, field: string): string {
  return check.text(value, field, { max: 64, pattern: SHIPMENT_ID_PATTERN, hint: 'must be a shipment id: "shp_" and 24 hex digits' });
}
