// Original file: protos/mercato/loadgen/v1/loadgen.proto


export interface Scenario {
  /**
   * e.g. "browse", "search", "view_product", "add_to_cart", "checkout", "view_orders".
   */
  'name'?: (string);
  'description'?: (string);
  'defaultWeight'?: (number | string);
}

export interface Scenario__Output {
  /**
   * e.g. "browse", "search", "view_product", "add_to_cart", "checkout", "view_orders".
   */
  'name': (string);
  'description': (string);
  'defaultWeight': (number);
}
