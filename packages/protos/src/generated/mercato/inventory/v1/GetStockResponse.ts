// Original file: protos/mercato/inventory/v1/inventory.proto

import type { StockLevel as _mercato_inventory_v1_StockLevel, StockLevel__Output as _mercato_inventory_v1_StockLevel__Output } from '../../../mercato/inventory/v1/StockLevel';

export interface GetStockResponse {
  'levels'?: (_mercato_inventory_v1_StockLevel)[];
}

export interface GetStockResponse__Output {
  'levels': (_mercato_inventory_v1_StockLevel__Output)[];
}
