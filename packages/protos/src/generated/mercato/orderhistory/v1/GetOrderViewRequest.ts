// Original file: protos/mercato/orderhistory/v1/order_history.proto


export interface GetOrderViewRequest {
  'orderId'?: (string);
}

export interface GetOrderViewRequest__Output {
  'orderId': (string);
}
