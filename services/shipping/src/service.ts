// The shipping service's set-up, shared by main.ts and the integration tests.
import { clientStore } from '@mercato/eventsourcing';
import { EventStoreClient } from '@mercato/eventstore';
import type { Config, Kit, Setting } from '@mercato/kit';
import { isCountryCode } from './domain/countries';
import { SHIPPING_SERVICE, shippingAccess, shippingHandlers } from './api';
import { Tracker } from './tracking';

/** Seconds as a positive number; fractions let tests run a whole delivery in a blink. */
const stepSeconds: Setting<number> = {
  expected: 'a positive number of seconds, at most 86400 (fractions allowed, e.g. 0.05)',
  default: 30,
  parse: (raw) => {
    const n = raw.trim() === '' ? NaN : Number(raw);
    return Number.isFinite(n) && n > 0 && n <= 86_400 ? n : undefined;
  },
};

const countryCode: Setting<string> = {
  expected: 'an ISO 3166-1 alpha-2 country code such as "US"',
  default: 'US',
  parse: (raw) => (isCountryCode(raw) ? raw : undefined),
};

export const shippingConfig = {
  SHIPPING_TRACKING_STEP_SECONDS: stepSeconds,
  SHIPPING_ORIGIN_COUNTRY: countryCode,
};

export type ShippingConfig = Config<typeof shippingConfig>;

export function setupShipping(kit: Kit<ShippingConfig>): void {
  const store = clientStore(new EventStoreClient(kit.client('eventstore')));
  const tracker = new Tracker({ store, stepMs: kit.config.SHIPPING_TRACKING_STEP_SECONDS * 1000, log: kit.log });
  tracker.start();
  kit.onShutdown(() => tracker.stop());
  kit.serve(SHIPPING_SERVICE, shippingHandlers({ store, tracker, origin: kit.config.SHIPPING_ORIGIN_COUNTRY }), shippingAccess);
}
