// Original file: protos/mercato/inventory/v1/inventory.proto


export interface CommitStockRequest {
  'orderId'?: (string);
}

export interface CommitStockRequest__Output {
  'orderId': (string);
}
