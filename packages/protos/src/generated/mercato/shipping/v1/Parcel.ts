// Original file: protos/mercato/shipping/v1/shipping.proto


export interface Parcel {
  'productId'?: (string);
  'quantity'?: (number);
  /**
   * Weight of one unit.
   */
  'unitWeightGrams'?: (number);
}

export interface Parcel__Output {
  'productId': (string);
  'quantity': (number);
  /**
   * Weight of one unit.
   */
  'unitWeightGrams': (number);
}
