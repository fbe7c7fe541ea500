// Original file: protos/mercato/orders/v1/orders.proto

export const OrderStatus = {
  ORDER_STATUS_UNSPECIFIED: 'ORDER_STATUS_UNSPECIFIED',
  /**
   * Placed; the saga is running.
   */
  ORDER_STATUS_PENDING: 'ORDER_STATUS_PENDING',
  /**
   * Paid (authorized) and handed to shipping.
   */
  ORDER_STATUS_CONFIRMED: 'ORDER_STATUS_CONFIRMED',
  /**
   * Stopped by a failed step; every earlier step was compensated.
   */
  ORDER_STATUS_FAILED: 'ORDER_STATUS_FAILED',
  /**
   * Read side only (from shipment events): on its way.
   */
  ORDER_STATUS_SHIPPED: 'ORDER_STATUS_SHIPPED',
  /**
   * Read side only (from shipment events): delivered.
   */
  ORDER_STATUS_DELIVERED: 'ORDER_STATUS_DELIVERED',
} as const;

export type OrderStatus =
  | 'ORDER_STATUS_UNSPECIFIED'
  | 0
  /**
   * Placed; the saga is running.
   */
  | 'ORDER_STATUS_PENDING'
  | 1
  /**
   * Paid (authorized) and handed to shipping.
   */
  | 'ORDER_STATUS_CONFIRMED'
  | 2
  /**
   * Stopped by a failed step; every earlier step was compensated.
   */
  | 'ORDER_STATUS_FAILED'
  | 3
  /**
   * Read side only (from shipment events): on its way.
   */
  | 'ORDER_STATUS_SHIPPED'
  | 4
  /**
   * Read side only (from shipment events): delivered.
   */
  | 'ORDER_STATUS_DELIVERED'
  | 5

export type OrderStatus__Output = typeof OrderStatus[keyof typeof OrderStatus]
