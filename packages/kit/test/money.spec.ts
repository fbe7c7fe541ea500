import { status } from '@grpc/grpc-js';
import { addMoney, checkMoney, compareMoney, formatMoney, fromNanos, moneyFromCents, multiplyMoney, subtractMoney, sumMoney, toNanos, GrpcError } from '../src';

describe('money', () => {
  it('adds, multiplies and sums exactly in nanos', () => {
    const price = { currencyCode: 'USD', units: '19', nanos: 990_000_000 };
    expect(multiplyMoney(price, 3)).toEqual({ currencyCode: 'USD', units: '59', nanos: 970_000_000 });
    expect(sumMoney([price, moneyFromCents(1, 'USD')], 'USD')).toEqual({ currencyCode: 'USD', units: '20', nanos: 0 });
    expect(sumMoney([], 'EUR')).toEqual({ currencyCode: 'EUR', units: '0', nanos: 0 });
    expect(toNanos(addMoney(price, price))).toBe(39_980_000_000n);
  });

  it('keeps units and nanos of one sign below zero', () => {
    const m = subtractMoney(moneyFromCents(100, 'USD'), moneyFromCents(250, 'USD'));
    expect(m).toEqual({ currencyCode: 'USD', units: '-1', nanos: -500_000_000 });
    expect(fromNanos(-1n, 'USD')).toEqual({ currencyCode: 'USD', units: '0', nanos: -1 });
    expect(formatMoney(m)).toBe('USD -1.50');
    expect(formatMoney(moneyFromCents(1205, 'EUR'))).toBe('EUR 12.05');
  });

  it('refuses to mix currencies', () => {
    expect(() => addMoney(moneyFromCents(1, 'USD'), moneyFromCents(1, 'EUR'))).toThrow(RangeError);
    expect(() => compareMoney(moneyFromCents(1, 'USD'), moneyFromCents(1, 'EUR'))).toThrow(RangeError);
    expect(compareMoney(moneyFromCents(2, 'USD'), moneyFromCents(1, 'USD'))).toBe(1);
  });

  it('validates request money naming the field', () => {
    const bad = (value: unknown, opts = {}) => {
      try {
        checkMoney(value, 'amount', opts);
      } catch (err) {
        expect(err).toBeInstanceOf(GrpcError);
        expect((err as GrpcError).code).toBe(status.INVALID_ARGUMENT);
        return (err as GrpcError).message;
      }
      throw new Error('accepted');
    };
    expect(bad(null)).toMatch(/^amount/);
    expect(bad({ currencyCode: 'usd', units: '1', nanos: 0 })).toMatch(/amount\.currency_code/);
    expect(bad({ currencyCode: 'USD', units: '1.5', nanos: 0 })).toMatch(/amount\.units/);
    expect(bad({ currencyCode: 'USD', units: '1', nanos: 1e9 })).toMatch(/amount\.nanos/);
    expect(bad({ currencyCode: 'USD', units: '1', nanos: -1 })).toMatch(/same sign/);
    expect(bad({ currencyCode: 'USD', units: '-1', nanos: 0 })).toMatch(/negative/);
    expect(bad({ currencyCode: 'USD', units: '0', nanos: 0 }, { positive: true })).toMatch(/greater than zero/);
    expect(checkMoney({ currencyCode: 'USD', units: 5, nanos: 10 }, 'amount')).toEqual({ currencyCode: 'USD', units: '5', nanos: 10 });
  });
});
