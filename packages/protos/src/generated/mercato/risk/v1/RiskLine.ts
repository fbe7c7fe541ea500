// Original file: protos/mercato/risk/v1/risk.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';

export interface RiskLine {
  'productId'?: (string);
  'quantity'?: (number);
  'unitPrice'?: (_mercato_common_v1_Money | null);
  'categoryId'?: (string);
}

export interface RiskLine__Output {
  'productId': (string);
  'quantity': (number);
  'unitPrice': (_mercato_common_v1_Money__Output | null);
  'categoryId': (string);
}
