// Original file: protos/mercato/inventory/v1/inventory.proto


export interface GetStockRequest {
  /**
   * At most 100 ids; unknown products have zero stock.
   */
  'productIds'?: (string)[];
}

export interface GetStockRequest__Output {
  /**
   * At most 100 ids; unknown products have zero stock.
   */
  'productIds': (string)[];
}
