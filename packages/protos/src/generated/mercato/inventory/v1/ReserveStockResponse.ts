// Original file: protos/mercato/inventory/v1/inventory.proto

import type { Reservation as _mercato_inventory_v1_Reservation, Reservation__Output as _mercato_inventory_v1_Reservation__Output } from '../../../mercato/inventory/v1/Reservation';

export interface ReserveStockResponse {
  'reservation'?: (_mercato_inventory_v1_Reservation | null);
}

export interface ReserveStockResponse__Output {
  'reservation': (_mercato_inventory_v1_Reservation__Output | null);
}
