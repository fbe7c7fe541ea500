// Original file: protos/mercato/shipping/v1/events.proto

import type { ShipmentStatus as _mercato_shipping_v1_ShipmentStatus, ShipmentStatus__Output as _mercato_shipping_v1_ShipmentStatus__Output } from '../../../mercato/shipping/v1/ShipmentStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

/**
 * A tracking step: picked up, in transit, out for delivery, delivered or an exception.
 */
export interface ShipmentStatusChanged {
  'shipmentId'?: (string);
  'orderId'?: (string);
  'status'?: (_mercato_shipping_v1_ShipmentStatus);
  'description'?: (string);
  'location'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

/**
 * A tracking step: picked up, in transit, out for delivery, delivered or an exception.
 */
export interface ShipmentStatusChanged__Output {
  'shipmentId': (string);
  'orderId': (string);
  'status': (_mercato_shipping_v1_ShipmentStatus__Output);
  'description': (string);
  'location': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
