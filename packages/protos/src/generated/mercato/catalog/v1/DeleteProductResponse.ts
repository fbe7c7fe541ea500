// Original file: protos/mercato/catalog/v1/catalog.proto


export interface DeleteProductResponse {
  'existed'?: (boolean);
}

export interface DeleteProductResponse__Output {
  'existed': (boolean);
}
