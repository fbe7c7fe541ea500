// Original file: protos/mercato/inventory/v1/inventory.proto

import type { Long } from '@grpc/proto-loader';

export interface Shortage {
  'productId'?: (string);
  'requested'?: (number | string | Long);
  'available'?: (number | string | Long);
}

export interface Shortage__Output {
  'productId': (string);
  'requested': (string);
  'available': (string);
}
