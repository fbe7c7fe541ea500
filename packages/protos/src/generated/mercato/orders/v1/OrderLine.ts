// Original file: protos/mercato/orders/v1/orders.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';

export interface OrderLine {
  'productId'?: (string);
  'productName'?: (string);
  'quantity'?: (number);
  'unitPrice'?: (_mercato_common_v1_Money | null);
  'lineTotal'?: (_mercato_common_v1_Money | null);
}

export interface OrderLine__Output {
  'productId': (string);
  'productName': (string);
  'quantity': (number);
  'unitPrice': (_mercato_common_v1_Money__Output | null);
  'lineTotal': (_mercato_common_v1_Money__Output | null);
}
