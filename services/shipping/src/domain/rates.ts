// The rate table: a price per zone (domestic, regional, international) and speed, growing with
// the shipment's weight in 500 g steps. Pure and deterministic: the same request always costs the
// same, so a quote given at checkout is the price the shipment is created at.
import { compareMoney, moneyFromCents, type Money } from '@mercato/kit';
import { FailedPreconditionError } from '@mercato/eventsourcing';
import { regionOf } from './countries';

export type Zone = 'domestic' | 'regional' | 'international';
export type Speed = 'SHIPPING_SPEED_STANDARD' | 'SHIPPING_SPEED_EXPRESS' | 'SHIPPING_SPEED_OVERNIGHT';
export const SPEEDS: readonly Speed[] = ['SHIPPING_SPEED_STANDARD', 'SHIPPING_SPEED_EXPRESS', 'SHIPPING_SPEED_OVERNIGHT'];

/** Prices are set in USD; EUR is USD x 0.92, rounded half up to the cent (a fixed rate, no live FX). */
export const CURRENCIES = ['USD', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];
const PERCENT_OF_USD: Record<Currency, bigint> = { USD: 100n, EUR: 92n };

/** A unit declared with weight 0 (unknown) is billed as this much. */
export const DEFAULT_UNIT_WEIGHT_GRAMS = 500;
export const WEIGHT_STEP_GRAMS = 500;
/** Heavier shipments are freight, not parcels. */
export const MAX_SHIPMENT_GRAMS = 1_000_000;

interface Rate {
  carrier: string;
  /** Covers the first 500 g step. */
  baseCents: number;
  /** Each further started 500 g step. */
  stepCents: number;
  minDays: number;
  maxDays: number;
}

// Overnight exists only at home: no carrier crosses a border overnight.
const RATES: Record<Zone, Partial<Record<Speed, Rate>>> = {
  domestic: {
    SHIPPING_SPEED_STANDARD: { carrier: 'Mercato Post', baseCents: 599, stepCents: 100, minDays: 3, maxDays: 5 },
    SHIPPING_SPEED_EXPRESS: { carrier: 'Parcelwise Express', baseCents: 1499, stepCents: 150, minDays: 1, maxDays: 2 },
    SHIPPING_SPEED_OVERNIGHT: { carrier: 'Nightjar Overnight', baseCents: 2999, stepCents: 250, minDays: 1, maxDays: 1 },
  },
  regional: {
    SHIPPING_SPEED_STANDARD: { carrier: 'Mercato Post', baseCents: 1299, stepCents: 200, minDays: 5, maxDays: 8 },
    SHIPPING_SPEED_EXPRESS: { carrier: 'Parcelwise Express', baseCents: 2999, stepCents: 300, minDays: 2, maxDays: 4 },
  },
  international: {
    SHIPPING_SPEED_STANDARD: { carrier: 'Globe Freight', baseCents: 2499, stepCents: 400, minDays: 8, maxDays: 15 },
    SHIPPING_SPEED_EXPRESS: { carrier: 'Parcelwise International', baseCents: 5499, stepCents: 600, minDays: 3, maxDays: 6 },
  },
};

export interface Quote {
  speed: Speed;
  cost: Money;
  carrier: string;
  minTransitDays: number;
  maxTransitDays: number;
}

/** Same country: domestic; same region (e.g. US → CA, DE → FR): regional; else international. */
export function zoneOf(origin: string, destination: string): Zone {
  if (origin === destination) return 'domestic';
  const region = regionOf(origin);
  return region !== undefined && region === regionOf(destination) ? 'regional' : 'international';
}

/** Total billable grams: quantity x unit weight, a unit of weight 0 counting DEFAULT_UNIT_WEIGHT_GRAMS. */
export function shipmentWeightGrams(parcels: readonly { quantity: number; unitWeightGrams: number }[]): number {
  return parcels.reduce((total, p) => total + p.quantity * (p.unitWeightGrams > 0 ? p.unitWeightGrams : DEFAULT_UNIT_WEIGHT_GRAMS), 0);
}

/** The price of one speed; overnight outside the home country is refused (FAILED_PRECONDITION). */
export function quoteFor(zone: Zone, weightGrams: number, speed: Speed, currency: Currency): Quote {
  const rate = RATES[zone][speed];
  if (!rate) throw new FailedPreconditionError(`${speedName(speed)} shipping is only available within the origin country, not to a ${zone} destination`);
  const steps = Math.max(1, Math.ceil(weightGrams / WEIGHT_STEP_GRAMS));
  const usdCents = BigInt(rate.baseCents) + BigInt(rate.stepCents) * BigInt(steps - 1);
  const cents = (usdCents * PERCENT_OF_USD[currency] + 50n) / 100n;
  return { speed, cost: moneyFromCents(cents, currency), carrier: rate.carrier, minTransitDays: rate.minDays, maxTransitDays: rate.maxDays };
}

/** Every speed the zone offers, cheapest first. */
export function availableQuotes(zone: Zone, weightGrams: number, currency: Currency): Quote[] {
  return SPEEDS.filter((s) => RATES[zone][s] !== undefined)
    .map((s) => quoteFor(zone, weightGrams, s, currency))
    .sort((a, b) => compareMoney(a.cost, b.cost) || SPEEDS.indexOf(a.speed) - SPEEDS.indexOf(b.speed));
}

function speedName(speed: Speed): string {
  return speed.replace('SHIPPING_SPEED_', '').toLowerCase();
}
