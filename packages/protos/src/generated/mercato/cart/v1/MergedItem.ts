// Original file: protos/mercato/cart/v1/events.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';

export interface MergedItem {
  'productId'?: (string);
  'productName'?: (string);
  'quantity'?: (number);
  'unitPrice'?: (_mercato_common_v1_Money | null);
}

export interface MergedItem__Output {
  'productId': (string);
  'productName': (string);
  'quantity': (number);
  'unitPrice': (_mercato_common_v1_Money__Output | null);
}
