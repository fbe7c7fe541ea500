// Original file: protos/mercato/risk/v1/risk.proto

import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { RiskLine as _mercato_risk_v1_RiskLine, RiskLine__Output as _mercato_risk_v1_RiskLine__Output } from '../../../mercato/risk/v1/RiskLine';
import type { Address as _mercato_common_v1_Address, Address__Output as _mercato_common_v1_Address__Output } from '../../../mercato/common/v1/Address';
import type { CardSummary as _mercato_payments_v1_CardSummary, CardSummary__Output as _mercato_payments_v1_CardSummary__Output } from '../../../mercato/payments/v1/CardSummary';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface AssessRequest {
  'orderId'?: (string);
  'customerId'?: (string);
  'total'?: (_mercato_common_v1_Money | null);
  'lines'?: (_mercato_risk_v1_RiskLine)[];
  'shippingAddress'?: (_mercato_common_v1_Address | null);
  /**
   * Unset when the same as the shipping address.
   */
  'billingAddress'?: (_mercato_common_v1_Address | null);
  'card'?: (_mercato_payments_v1_CardSummary | null);
  'cardFingerprint'?: (string);
  /**
   * When the customer's account was created (from the verified token); unset for guests.
   */
  'accountCreateTime'?: (_google_protobuf_Timestamp | null);
  /**
   * The shopper's IP address as seen by the gateway, when known.
   */
  'clientIp'?: (string);
  'orderTime'?: (_google_protobuf_Timestamp | null);
}

export interface AssessRequest__Output {
  'orderId': (string);
  'customerId': (string);
  'total': (_mercato_common_v1_Money__Output | null);
  'lines': (_mercato_risk_v1_RiskLine__Output)[];
  'shippingAddress': (_mercato_common_v1_Address__Output | null);
  /**
   * Unset when the same as the shipping address.
   */
  'billingAddress': (_mercato_common_v1_Address__Output | null);
  'card': (_mercato_payments_v1_CardSummary__Output | null);
  'cardFingerprint': (string);
  /**
   * When the customer's account was created (from the verified token); unset for guests.
   */
  'accountCreateTime': (_google_protobuf_Timestamp__Output | null);
  /**
   * The shopper's IP address as seen by the gateway, when known.
   */
  'clientIp': (string);
  'orderTime': (_google_protobuf_Timestamp__Output | null);
}
