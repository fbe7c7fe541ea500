// Names derived, never drawn: one order has one shipment id, one stream and one tracking number,
// the same on every replica and every retry — which is what makes CreateShipment idempotent.
import { createHash } from 'node:crypto';

export const SHIPMENT_ID_PATTERN = /^shp_[0-9a-f]{24}$/;
export const STREAM_PREFIX = 'shipment-';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** "shp_" + 24 hex digits of a hash of the order id. */
export function shipmentIdFor(orderId: string): string {
  return `shp_${sha256(`mercato.shipping/order/${orderId}`).slice(0, 24)}`;
}

export function streamOf(shipmentId: string): string {
  return `${STREAM_PREFIX}${shipmentId}`;
}

/** The shipment id of a `shipment-<id>` stream, or undefined for any other stream. */
export function shipmentIdOfStream(stream: string): string | undefined {
  const id = stream.slice(STREAM_PREFIX.length);
  return stream.startsWith(STREAM_PREFIX) && SHIPMENT_ID_PATTERN.test(id) ? id : undefined;
}

/** "MC" + 14 digits from a hash of the shipment id + a Luhn check digit, so a typo is caught. */
export function trackingNumberFor(shipmentId: string): string {
  const digits = (BigInt(`0x${sha256(`mercato.shipping/tracking/${shipmentId}`).slice(0, 16)}`) % 10n ** 14n).toString().padStart(14, '0');
  return `MC${digits}${luhnDigit(digits)}`;
}

/** The digit that makes `digits` + it pass the Luhn check. */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts at the rightmost digit of the payload (it sits next to the check digit).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
