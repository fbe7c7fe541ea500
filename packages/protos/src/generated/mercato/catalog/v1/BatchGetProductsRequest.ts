// Original file: protos/mercato/catalog/v1/catalog.proto


export interface BatchGetProductsRequest {
  /**
   * At most 100 ids.
   */
  'productIds'?: (string)[];
}

export interface BatchGetProductsRequest__Output {
  /**
   * At most 100 ids.
   */
  'productIds': (string)[];
}
