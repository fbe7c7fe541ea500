// Original file: protos/mercato/inventory/v1/inventory.proto

import type { StockLine as _mercato_inventory_v1_StockLine, StockLine__Output as _mercato_inventory_v1_StockLine__Output } from '../../../mercato/inventory/v1/StockLine';

export interface ReserveStockRequest {
  'orderId'?: (string);
  'lines'?: (_mercato_inventory_v1_StockLine)[];
}

export interface ReserveStockRequest__Output {
  'orderId': (string);
  'lines': (_mercato_inventory_v1_StockLine__Output)[];
}
