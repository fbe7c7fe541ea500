// Original file: protos/mercato/payments/v1/payments.proto


export interface GetPaymentRequest {
  'paymentId'?: (string);
}

export interface GetPaymentRequest__Output {
  'paymentId': (string);
}
