// Original file: protos/mercato/shipping/v1/shipping.proto

import type { Shipment as _mercato_shipping_v1_Shipment, Shipment__Output as _mercato_shipping_v1_Shipment__Output } from '../../../mercato/shipping/v1/Shipment';

export interface TrackShipmentResponse {
  'shipment'?: (_mercato_shipping_v1_Shipment | null);
}

export interface TrackShipmentResponse__Output {
  'shipment': (_mercato_shipping_v1_Shipment__Output | null);
}
