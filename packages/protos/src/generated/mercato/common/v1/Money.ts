// Original file: protos/mercato/common/v1/money.proto

import type { Long } from '@grpc/proto-loader';

/**
 * An amount of money with its currency, as google.type.Money: never a float.
 * The value is units + nanos / 10^9; for negative amounts units and nanos are both <= 0.
 */
export interface Money {
  /**
   * ISO 4217 code, e.g. "USD" or "EUR".
   */
  'currencyCode'?: (string);
  /**
   * Whole units of the amount, e.g. 12 for "USD 12.34".
   */
  'units'?: (number | string | Long);
  /**
   * Nano (10^-9) units of the amount, from -999,999,999 to +999,999,999, same sign as units.
   */
  'nanos'?: (number);
}

/**
 * An amount of money with its currency, as google.type.Money: never a float.
 * The value is units + nanos / 10^9; for negative amounts units and nanos are both <= 0.
 */
export interface Money__Output {
  /**
   * ISO 4217 code, e.g. "USD" or "EUR".
   */
  'currencyCode': (string);
  /**
   * Whole units of the amount, e.g. 12 for "USD 12.34".
   */
  'units': (string);
  /**
   * Nano (10^-9) units of the amount, from -999,999,999 to +999,999,999, same sign as units.
   */
  'nanos': (number);
}
