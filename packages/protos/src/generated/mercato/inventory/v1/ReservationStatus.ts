// Original file: protos/mercato/inventory/v1/inventory.proto

export const ReservationStatus = {
  RESERVATION_STATUS_UNSPECIFIED: 'RESERVATION_STATUS_UNSPECIFIED',
  RESERVATION_STATUS_RESERVED: 'RESERVATION_STATUS_RESERVED',
  /**
   * Not enough stock for at least one line; nothing was reserved.
   */
  RESERVATION_STATUS_REJECTED: 'RESERVATION_STATUS_REJECTED',
  RESERVATION_STATUS_RELEASED: 'RESERVATION_STATUS_RELEASED',
  RESERVATION_STATUS_COMMITTED: 'RESERVATION_STATUS_COMMITTED',
} as const;

export type ReservationStatus =
  | 'RESERVATION_STATUS_UNSPECIFIED'
  | 0
  | 'RESERVATION_STATUS_RESERVED'
  | 1
  /**
   * Not enough stock for at least one line; nothing was reserved.
   */
  | 'RESERVATION_STATUS_REJECTED'
  | 2
  | 'RESERVATION_STATUS_RELEASED'
  | 3
  | 'RESERVATION_STATUS_COMMITTED'
  | 4

export type ReservationStatus__Output = typeof ReservationStatus[keyof typeof ReservationStatus]
