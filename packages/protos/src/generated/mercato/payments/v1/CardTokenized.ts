// Original file: protos/mercato/payments/v1/events.proto

import type { CardSummary as _mercato_payments_v1_CardSummary, CardSummary__Output as _mercato_payments_v1_CardSummary__Output } from '../../../mercato/payments/v1/CardSummary';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface CardTokenized {
  'cardToken'?: (string);
  'card'?: (_mercato_payments_v1_CardSummary | null);
  /**
   * Keyed hash of the card number: the same card gives the same fingerprint (risk features,
   * test-card behaviour) without storing the number.
   */
  'fingerprint'?: (string);
  'idempotencyKey'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface CardTokenized__Output {
  'cardToken': (string);
  'card': (_mercato_payments_v1_CardSummary__Output | null);
  /**
   * Keyed hash of the card number: the same card gives the same fingerprint (risk features,
   * test-card behaviour) without storing the number.
   */
  'fingerprint': (string);
  'idempotencyKey': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
