// Original file: protos/mercato/catalog/v1/catalog.proto


export interface DeleteProductRequest {
  'productId'?: (string);
}

export interface DeleteProductRequest__Output {
  'productId': (string);
}
