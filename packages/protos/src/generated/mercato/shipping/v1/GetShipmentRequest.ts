// Original file: protos/mercato/shipping/v1/shipping.proto


export interface GetShipmentRequest {
  'shipmentId'?: (string);
  'orderId'?: (string);
  'key'?: "shipmentId"|"orderId";
}

export interface GetShipmentRequest__Output {
  'shipmentId'?: (string);
  'orderId'?: (string);
  'key'?: "shipmentId"|"orderId";
}
