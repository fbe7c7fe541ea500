// Original file: protos/mercato/shipping/v1/shipping.proto

import type { Address as _mercato_common_v1_Address, Address__Output as _mercato_common_v1_Address__Output } from '../../../mercato/common/v1/Address';
import type { Parcel as _mercato_shipping_v1_Parcel, Parcel__Output as _mercato_shipping_v1_Parcel__Output } from '../../../mercato/shipping/v1/Parcel';
import type { ShippingSpeed as _mercato_shipping_v1_ShippingSpeed, ShippingSpeed__Output as _mercato_shipping_v1_ShippingSpeed__Output } from '../../../mercato/shipping/v1/ShippingSpeed';

export interface CreateShipmentRequest {
  'orderId'?: (string);
  'destination'?: (_mercato_common_v1_Address | null);
  'parcels'?: (_mercato_shipping_v1_Parcel)[];
  'speed'?: (_mercato_shipping_v1_ShippingSpeed);
  'currencyCode'?: (string);
}

export interface CreateShipmentRequest__Output {
  'orderId': (string);
  'destination': (_mercato_common_v1_Address__Output | null);
  'parcels': (_mercato_shipping_v1_Parcel__Output)[];
  'speed': (_mercato_shipping_v1_ShippingSpeed__Output);
  'currencyCode': (string);
}
