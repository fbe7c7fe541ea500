// Original file: protos/mercato/orders/v1/events.proto

import type { SagaStep as _mercato_orders_v1_SagaStep, SagaStep__Output as _mercato_orders_v1_SagaStep__Output } from '../../../mercato/orders/v1/SagaStep';
import type { FailureReason as _mercato_orders_v1_FailureReason, FailureReason__Output as _mercato_orders_v1_FailureReason__Output } from '../../../mercato/orders/v1/FailureReason';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * A step failed: the order is FAILED; compensation events follow when earlier steps must be undone.
 */
export interface OrderFailed {
  'orderId'?: (string);
  'customerId'?: (string);
  'step'?: (_mercato_orders_v1_SagaStep);
  'reason'?: (_mercato_orders_v1_FailureReason);
  'message'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * A step failed: the order is FAILED; compensation events follow when earlier steps must be undone.
 */
export interface OrderFailed__Output {
  'orderId': (string);
  'customerId': (string);
  'step': (_mercato_orders_v1_SagaStep__Output);
  'reason': (_mercato_orders_v1_FailureReason__Output);
  'message': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
