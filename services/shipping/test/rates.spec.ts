// The rate table, spelled out: zones x speeds x weights, in USD and EUR.
import { FailedPreconditionError } from '@mercato/eventsourcing';
import { availableQuotes, DEFAULT_UNIT_WEIGHT_GRAMS, quoteFor, shipmentWeightGrams, zoneOf, type Speed, type Zone } from '../src/domain/rates';

const STANDARD: Speed = 'SHIPPING_SPEED_STANDARD';
const EXPRESS: Speed = 'SHIPPING_SPEED_EXPRESS';
const OVERNIGHT: Speed = 'SHIPPING_SPEED_OVERNIGHT';

describe('zones', () => {
  it.each([
    ['US', 'US', 'domestic'],
    ['US', 'CA', 'regional'],
    ['US', 'MX', 'regional'],
    ['US', 'DE', 'international'],
    ['US', 'JP', 'international'],
    ['DE', 'FR', 'regional'],
    ['DE', 'GB', 'regional'],
    ['DE', 'US', 'international'],
    ['NZ', 'AU', 'regional'],
    // A country in no region: everything abroad is international.
    ['ZA', 'ZA', 'domestic'],
    ['ZA', 'NA', 'international'],
  ])('%s → %s is %s', (origin, destination, zone) => {
    expect(zoneOf(origin, destination)).toBe(zone);
  });
});

describe('weight', () => {
  it('is quantity x unit weight, a unit of 0 g counting the default', () => {
    expect(DEFAULT_UNIT_WEIGHT_GRAMS).toBe(500);
    expect(shipmentWeightGrams([{ quantity: 3, unitWeightGrams: 250 }])).toBe(750);
    expect(shipmentWeightGrams([{ quantity: 2, unitWeightGrams: 0 }])).toBe(1000);
    expect(shipmentWeightGrams([{ quantity: 3, unitWeightGrams: 250 }, { quantity: 1, unitWeightGrams: 0 }, { quantity: 4, unitWeightGrams: 1200 }])).toBe(750 + 500 + 4800);
  });
});

describe('prices (USD), per zone, speed and weight: 500 g steps', () => {
  // grams: 250 (1 step), 1200 (3 steps), 10 000 (20 steps)
  const table: [Zone, Speed, [string, string, string], string, number, number][] = [
    ['domestic', STANDARD, ['5.99', '7.99', '24.99'], 'Mercato Post', 3, 5],
    ['domestic', EXPRESS, ['14.99', '17.99', '43.49'], 'Parcelwise Express', 1, 2],
    ['domestic', OVERNIGHT, ['29.99', '34.99', '77.49'], 'Nightjar Overnight', 1, 1],
    ['regional', STANDARD, ['12.99', '16.99', '50.99'], 'Mercato Post', 5, 8],
    ['regional', EXPRESS, ['29.99', '35.99', '86.99'], 'Parcelwise Express', 2, 4],
    ['international', STANDARD, ['24.99', '32.99', '100.99'], 'Globe Freight', 8, 15],
    ['international', EXPRESS, ['54.99', '66.99', '168.99'], 'Parcelwise International', 3, 6],
  ];
  it.each(table)('%s %s costs %j', (zone, speed, prices, carrier, minDays, maxDays) => {
    [250, 1200, 10_000].forEach((grams, i) => {
      const q = quoteFor(zone, grams, speed, 'USD');
      expect(q).toEqual({ speed, cost: money('USD', prices[i]!), carrier, minTransitDays: minDays, maxTransitDays: maxDays });
      // Deterministic: asking again gives the same answer.
      expect(quoteFor(zone, grams, speed, 'USD')).toEqual(q);
    });
  });

  it('charges a started step in full: 500 g is one step, 501 g two', () => {
    expect(quoteFor('domestic', 500, STANDARD, 'USD').cost).toEqual(money('USD', '5.99'));
    expect(quoteFor('domestic', 501, STANDARD, 'USD').cost).toEqual(money('USD', '6.99'));
  });

  it('prices EUR at the fixed rate 0.92, rounded half up to the cent', () => {
    expect(quoteFor('domestic', 250, STANDARD, 'EUR').cost).toEqual(money('EUR', '5.51')); // 5.5108
    expect(quoteFor('international', 10_000, STANDARD, 'EUR').cost).toEqual(money('EUR', '92.91')); // 92.9108
    expect(quoteFor('international', 10_000, EXPRESS, 'EUR').cost).toEqual(money('EUR', '155.47')); // 155.4708
    expect(quoteFor('regional', 250, STANDARD, 'EUR').cost).toEqual(money('EUR', '11.95')); // 11.9508
  });
});

describe('overnight', () => {
  it.each(['regional', 'international'] as const)('is refused to a %s destination', (zone) => {
    expect(() => quoteFor(zone, 250, OVERNIGHT, 'USD')).toThrow(FailedPreconditionError);
    expect(() => quoteFor(zone, 250, OVERNIGHT, 'USD')).toThrow(/only available within the origin country/);
  });
});

describe('the quote list', () => {
  it('offers every speed at home and no overnight abroad, cheapest first', () => {
    expect(availableQuotes('domestic', 1200, 'USD').map((q) => [q.speed, q.cost.units, q.cost.nanos])).toEqual([
      [STANDARD, '7', 990_000_000],
      [EXPRESS, '17', 990_000_000],
      [OVERNIGHT, '34', 990_000_000],
    ]);
    expect(availableQuotes('regional', 1200, 'EUR').map((q) => q.speed)).toEqual([STANDARD, EXPRESS]);
    expect(availableQuotes('international', 250, 'USD').map((q) => q.speed)).toEqual([STANDARD, EXPRESS]);
  });
});

function money(currencyCode: string, amount: string): { currencyCode: string; units: string; nanos: number } {
  const [units, cents = '0'] = amount.split('.');
  return { currencyCode, units: units!, nanos: Number(cents.padEnd(2, '0')) * 10_000_000 };
}
