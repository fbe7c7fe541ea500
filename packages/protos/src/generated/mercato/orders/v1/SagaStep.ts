// Original file: protos/mercato/orders/v1/orders.proto

/**
 * The saga steps, to say where an order stands or failed.
 */
export const SagaStep = {
  SAGA_STEP_UNSPECIFIED: 'SAGA_STEP_UNSPECIFIED',
  SAGA_STEP_PRICE: 'SAGA_STEP_PRICE',
  SAGA_STEP_ASSESS_RISK: 'SAGA_STEP_ASSESS_RISK',
  SAGA_STEP_RESERVE_STOCK: 'SAGA_STEP_RESERVE_STOCK',
  SAGA_STEP_AUTHORIZE_PAYMENT: 'SAGA_STEP_AUTHORIZE_PAYMENT',
  SAGA_STEP_CREATE_SHIPMENT: 'SAGA_STEP_CREATE_SHIPMENT',
  SAGA_STEP_CONFIRM: 'SAGA_STEP_CONFIRM',
} as const;

/**
 * The saga steps, to say where an order stands or failed.
 */
export type SagaStep =
  | 'SAGA_STEP_UNSPECIFIED'
  | 0
  | 'SAGA_STEP_PRICE'
  | 1
  | 'SAGA_STEP_ASSESS_RISK'
  | 2
  | 'SAGA_STEP_RESERVE_STOCK'
  | 3
  | 'SAGA_STEP_AUTHORIZE_PAYMENT'
  | 4
  | 'SAGA_STEP_CREATE_SHIPMENT'
  | 5
  | 'SAGA_STEP_CONFIRM'
  | 6

/**
 * The saga steps, to say where an order stands or failed.
 */
export type SagaStep__Output = typeof SagaStep[keyof typeof SagaStep]
