// Original file: protos/mercato/shipping/v1/shipping.proto


export interface TrackShipmentRequest {
  'shipmentId'?: (string);
}

export interface TrackShipmentRequest__Output {
  'shipmentId': (string);
}
