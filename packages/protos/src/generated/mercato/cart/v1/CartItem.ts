// Original file: protos/mercato/cart/v1/cart.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';

export interface CartItem {
  'productId'?: (string);
  /**
   * Product name and unit price as the catalog had them when the line last changed.
   */
  'productName'?: (string);
  'quantity'?: (number);
  'unitPrice'?: (_mercato_common_v1_Money | null);
  'lineTotal'?: (_mercato_common_v1_Money | null);
}

export interface CartItem__Output {
  'productId': (string);
  /**
   * Product name and unit price as the catalog had them when the line last changed.
   */
  'productName': (string);
  'quantity': (number);
  'unitPrice': (_mercato_common_v1_Money__Output | null);
  'lineTotal': (_mercato_common_v1_Money__Output | null);
}
