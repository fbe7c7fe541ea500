// Original file: protos/mercato/common/v1/address.proto


/**
 * A postal address, for shipping and billing.
 */
export interface Address {
  /**
   * The person or company receiving mail at this address.
   */
  'recipient'?: (string);
  /**
   * Street lines, most specific last; at least one.
   */
  'addressLines'?: (string)[];
  'locality'?: (string);
  /**
   * State, province or region, where the country uses one.
   */
  'administrativeArea'?: (string);
  'postalCode'?: (string);
  /**
   * CLDR region code (ISO 3166-1 alpha-2), e.g. "US", "DE".
   */
  'regionCode'?: (string);
  /**
   * E.164 phone number, for the carrier; optional.
   */
  'phone'?: (string);
}

/**
 * A postal address, for shipping and billing.
 */
export interface Address__Output {
  /**
   * The person or company receiving mail at this address.
   */
  'recipient': (string);
  /**
   * Street lines, most specific last; at least one.
   */
  'addressLines': (string)[];
  'locality': (string);
  /**
   * State, province or region, where the country uses one.
   */
  'administrativeArea': (string);
  'postalCode': (string);
  /**
   * CLDR region code (ISO 3166-1 alpha-2), e.g. "US", "DE".
   */
  'regionCode': (string);
  /**
   * E.164 phone number, for the carrier; optional.
   */
  'phone': (string);
}
