// Original file: protos/mercato/payments/v1/payments.proto


/**
 * A card as the customer typed it. Only ever sent to TokenizeCard or Authorize; never stored.
 */
export interface PaymentCard {
  /**
   * Digits only, 12 to 19 of them, passing the Luhn check.
   */
  'number'?: (string);
  'expiryMonth'?: (number);
  /**
   * Four digits, e.g. 2029.
   */
  'expiryYear'?: (number);
  'cvc'?: (string);
  'holderName'?: (string);
}

/**
 * A card as the customer typed it. Only ever sent to TokenizeCard or Authorize; never stored.
 */
export interface PaymentCard__Output {
  /**
   * Digits only, 12 to 19 of them, passing the Luhn check.
   */
  'number': (string);
  'expiryMonth': (number);
  /**
   * Four digits, e.g. 2029.
   */
  'expiryYear': (number);
  'cvc': (string);
  'holderName': (string);
}
