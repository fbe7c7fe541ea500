// Original file: protos/mercato/shipping/v1/shipping.proto

import type { ShipmentStatus as _mercato_shipping_v1_ShipmentStatus, ShipmentStatus__Output as _mercato_shipping_v1_ShipmentStatus__Output } from '../../../mercato/shipping/v1/ShipmentStatus';
import type { ShippingSpeed as _mercato_shipping_v1_ShippingSpeed, ShippingSpeed__Output as _mercato_shipping_v1_ShippingSpeed__Output } from '../../../mercato/shipping/v1/ShippingSpeed';
import type { Address as _mercato_common_v1_Address, Address__Output as _mercato_common_v1_Address__Output } from '../../../mercato/common/v1/Address';
import type { Parcel as _mercato_shipping_v1_Parcel, Parcel__Output as _mercato_shipping_v1_Parcel__Output } from '../../../mercato/shipping/v1/Parcel';
import type { Money as _mercato_common_v1_Money, Money__Output as _mercato_common_v1_Money__Output } from '../../../mercato/common/v1/Money';
import type { TrackingEvent as _mercato_shipping_v1_TrackingEvent, TrackingEvent__Output as _mercato_shipping_v1_TrackingEvent__Output } from '../../../mercato/shipping/v1/TrackingEvent';
import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Shipment {
  'shipmentId'?: (string);
  'orderId'?: (string);
  'status'?: (_mercato_shipping_v1_ShipmentStatus);
  'speed'?: (_mercato_shipping_v1_ShippingSpeed);
  'carrier'?: (string);
  'trackingNumber'?: (string);
  'destination'?: (_mercato_common_v1_Address | null);
  'parcels'?: (_mercato_shipping_v1_Parcel)[];
  'cost'?: (_mercato_common_v1_Money | null);
  /**
   * Oldest first.
   */
  'tracking'?: (_mercato_shipping_v1_TrackingEvent)[];
  'estimatedDeliveryTime'?: (_google_protobuf_Timestamp | null);
  'createTime'?: (_google_protobuf_Timestamp | null);
}

export interface Shipment__Output {
  'shipmentId': (string);
  'orderId': (string);
  'status': (_mercato_shipping_v1_ShipmentStatus__Output);
  'speed': (_mercato_shipping_v1_ShippingSpeed__Output);
  'carrier': (string);
  'trackingNumber': (string);
  'destination': (_mercato_common_v1_Address__Output | null);
  'parcels': (_mercato_shipping_v1_Parcel__Output)[];
  'cost': (_mercato_common_v1_Money__Output | null);
  /**
   * Oldest first.
   */
  'tracking': (_mercato_shipping_v1_TrackingEvent__Output)[];
  'estimatedDeliveryTime': (_google_protobuf_Timestamp__Output | null);
  'createTime': (_google_protobuf_Timestamp__Output | null);
}
