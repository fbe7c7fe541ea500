// Original file: protos/mercato/payments/v1/payments.proto


export interface VoidRequest {
  'paymentId'?: (string);
}

export interface VoidRequest__Output {
  'paymentId': (string);
}
