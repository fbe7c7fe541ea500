// Original file: protos/mercato/risk/v1/risk.proto


export interface Reason {
  /**
   * Stable machine name of the feature or rule, e.g. "amount_vs_customer_norm", "order_velocity",
   * "new_account", "failed_payment_attempts", "address_mismatch", "basket_anomaly".
   */
  'code'?: (string);
  /**
   * For people, e.g. "Order total is 8.2x this customer's median".
   */
  'description'?: (string);
  /**
   * Share of the score this reason explains, from 0 to 1.
   */
  'weight'?: (number | string);
}

export interface Reason__Output {
  /**
   * Stable machine name of the feature or rule, e.g. "amount_vs_customer_norm", "order_velocity",
   * "new_account", "failed_payment_attempts", "address_mismatch", "basket_anomaly".
   */
  'code': (string);
  /**
   * For people, e.g. "Order total is 8.2x this customer's median".
   */
  'description': (string);
  /**
   * Share of the score this reason explains, from 0 to 1.
   */
  'weight': (number);
}
