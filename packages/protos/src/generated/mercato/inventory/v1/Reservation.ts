// Original file: protos/mercato/inventory/v1/inventory.proto

import type { ReservationStatus as _mercato_inventory_v1_ReservationStatus, ReservationStatus__Output as _mercato_inventory_v1_ReservationStatus__Output } from '../../../mercato/inventory/v1/ReservationStatus';
import type { StockLine as _mercato_inventory_v1_StockLine, StockLine__Output as _mercato_inventory_v1_StockLine__Output } from '../../../mercato/inventory/v1/StockLine';
import type { Shortage as _mercato_inventory_v1_Shortage, Shortage__Output as _mercato_inventory_v1_Shortage__Output } from '../../../mercato/inventory/v1/Shortage';

export interface Reservation {
  'orderId'?: (string);
  'status'?: (_mercato_inventory_v1_ReservationStatus);
  'lines'?: (_mercato_inventory_v1_StockLine)[];
  /**
   * Set when status is REJECTED.
   */
  'shortages'?: (_mercato_inventory_v1_Shortage)[];
}

export interface Reservation__Output {
  'orderId': (string);
  'status': (_mercato_inventory_v1_ReservationStatus__Output);
  'lines': (_mercato_inventory_v1_StockLine__Output)[];
  /**
   * Set when status is REJECTED.
   */
  'shortages': (_mercato_inventory_v1_Shortage__Output)[];
}
