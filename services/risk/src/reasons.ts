// Reasons people read: one sentence per feature group, naming the feature and its value.
import { formatAmount } from './domain/order';
import { HIGH_VALUE_PRICE, VALUABLE_PRICE, type FeatureCode, type Signals } from './features/extract';
import { DAY, HOUR } from './features/state';
import { assertNever } from '@mercato/eventsourcing';

function age(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / 60_000))} minutes`;
  if (ms < 2 * DAY) return `${Math.round(ms / HOUR)} hours`;
  return `${Math.round(ms / DAY)} days`;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function describeFeature(code: FeatureCode, s: Signals): string {
  switch (code) {
    case 'amount_vs_customer_norm':
      if (s.customerMedian) return `Amount vs customer norm: ${formatAmount(s.total, s.currency)} is ${(s.total / s.customerMedian).toFixed(1)}x this customer's median order (${formatAmount(s.customerMedian, s.currency)})`;
      if (s.storeMedian) return `Amount vs customer norm: ${formatAmount(s.total, s.currency)} from a customer without a norm yet is ${(s.total / s.storeMedian).toFixed(1)}x the store's median order (${formatAmount(s.storeMedian, s.currency)})`;
      return `Amount vs customer norm: ${formatAmount(s.total, s.currency)}, with no norm yet for this customer or the store`;
    case 'order_velocity':
      return `Order velocity: ${plural(s.ordersLastHour, 'earlier order')} by this customer in the last hour, ${s.ordersLastDay} in the last 24 hours`;
    case 'new_account':
      return s.ageSource === 'none' ? 'New account: no account age and no earlier activity (first seen now)' : `New account: ${s.ageSource === 'account' ? 'created' : 'first seen'} ${age(s.accountAgeMs)} ago`;
    case 'failed_payment_attempts':
      return `Failed payment attempts: ${plural(s.customerDeclinesDay, 'declined payment')} by this customer and ${s.cardDeclinesDay} on this card in the last 24 hours`;
    case 'address_mismatch':
      return s.countryMismatch
        ? `Address mismatch: billing country ${s.billingRegion} differs from shipping country ${s.shippingRegion}`
        : s.postalMismatch
          ? `Address mismatch: billing postal code differs from the shipping one (${s.shippingRegion})`
          : 'Address mismatch: none (billing matches shipping)';
    case 'new_card':
      return `New card: first use of this card by a customer with ${plural(s.priorConfirmed, 'earlier order')}`;
    case 'new_shipping_address':
      return `New shipping address: never used by this customer before (${plural(s.priorConfirmed, 'earlier order')})`;
    case 'basket_anomaly': {
      const parts = [`${plural(s.maxQuantity, 'unit')} of one item priced ${VALUABLE_PRICE} or more`, `${plural(s.highValueUnits, 'unit')} priced ${HIGH_VALUE_PRICE} or more`];
      if (s.categories !== undefined) parts.push(plural(s.categories, 'category', 'categories'));
      return `Basket anomaly: ${parts.join(', ')}`;
    }
    case 'card_shared':
      return `Card shared: ${plural(s.cardOtherCustomers, 'other customer')} used this card in the last 30 days`;
    case 'shared_address':
      return `Shared address: ${plural(s.addressOtherCustomers, 'other customer')} shipped to this address in the last 30 days`;
    default:
      return assertNever(code);
  }
}
