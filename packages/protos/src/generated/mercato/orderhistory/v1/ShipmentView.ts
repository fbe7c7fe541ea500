// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type { ShipmentStatus as _mercato_shipping_v1_ShipmentStatus, ShipmentStatus__Output as _mercato_shipping_v1_ShipmentStatus__Output } from '../../../mercato/shipping/v1/ShipmentStatus';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface ShipmentView {
  'shipmentId'?: (string);
  'status'?: (_mercato_shipping_v1_ShipmentStatus);
  'carrier'?: (string);
  'trackingNumber'?: (string);
  'estimatedDeliveryTime'?: (_google_protobuf_Timestamp | null);
}

export interface ShipmentView__Output {
  'shipmentId': (string);
  'status': (_mercato_shipping_v1_ShipmentStatus__Output);
  'carrier': (string);
  'trackingNumber': (string);
  'estimatedDeliveryTime': (_google_protobuf_Timestamp__Output | null);
}
