// Original file: protos/mercato/shipping/v1/shipping.proto

import type { ShipmentStatus as _mercato_shipping_v1_ShipmentStatus, ShipmentStatus__Output as _mercato_shipping_v1_ShipmentStatus__Output } from '../../../mercato/shipping/v1/ShipmentStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface TrackingEvent {
  'status'?: (_mercato_shipping_v1_ShipmentStatus);
  'description'?: (string);
  'location'?: (string);
  'eventTime'?: (_google_protobuf_Timestamp | null);
}

export interface TrackingEvent__Output {
  'status': (_mercato_shipping_v1_ShipmentStatus__Output);
  'description': (string);
  'location': (string);
  'eventTime': (_google_protobuf_Timestamp__Output | null);
}
