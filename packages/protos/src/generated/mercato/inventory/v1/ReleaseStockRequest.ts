// Original file: protos/mercato/inventory/v1/inventory.proto


export interface ReleaseStockRequest {
  'orderId'?: (string);
}

export interface ReleaseStockRequest__Output {
  'orderId': (string);
}
