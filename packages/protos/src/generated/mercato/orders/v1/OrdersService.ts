// Original file: protos/mercato/orders/v1/orders.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetOrderRequest as _mercato_orders_v1_GetOrderRequest, GetOrderRequest__Output as _mercato_orders_v1_GetOrderRequest__Output } from '../../../mercato/orders/v1/GetOrderRequest';
import type { GetOrderResponse as _mercato_orders_v1_GetOrderResponse, GetOrderResponse__Output as _mercato_orders_v1_GetOrderResponse__Output } from '../../../mercato/orders/v1/GetOrderResponse';
import type { PlaceOrderRequest as _mercato_orders_v1_PlaceOrderRequest, PlaceOrderRequest__Output as _mercato_orders_v1_PlaceOrderRequest__Output } from '../../../mercato/orders/v1/PlaceOrderRequest';
import type { PlaceOrderResponse as _mercato_orders_v1_PlaceOrderResponse, PlaceOrderResponse__Output as _mercato_orders_v1_PlaceOrderResponse__Output } from '../../../mercato/orders/v1/PlaceOrderResponse';

/**
 * Order commands and the checkout saga, event-sourced in "order-<order_id>" streams. PlaceOrder
 * appends OrderPlaced, then prices the cart, assesses risk, reserves stock, authorizes payment,
 * creates the shipment and confirms; failures compensate (release stock, void payment). Customers
 * list their orders through mercato.orderhistory.v1 (the read side).
 */
export interface OrdersServiceClient extends grpc.Client {
  GetOrder(argument: _mercato_orders_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orders_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _mercato_orders_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orders_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _mercato_orders_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orders_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  GetOrder(argument: _mercato_orders_v1_GetOrderRequest, callback: grpc.requestCallback<_mercato_orders_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _mercato_orders_v1_GetOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orders_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _mercato_orders_v1_GetOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orders_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _mercato_orders_v1_GetOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orders_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  getOrder(argument: _mercato_orders_v1_GetOrderRequest, callback: grpc.requestCallback<_mercato_orders_v1_GetOrderResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Keyed by idempotency_key: a repeat answers the same order and never charges twice. Answers
   * the final state if the saga ends within the caller's deadline, otherwise PENDING; the saga
   * carries on and resumes after a crash.
   */
  PlaceOrder(argument: _mercato_orders_v1_PlaceOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orders_v1_PlaceOrderResponse__Output>): grpc.ClientUnaryCall;
  PlaceOrder(argument: _mercato_orders_v1_PlaceOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orders_v1_PlaceOrderResponse__Output>): grpc.ClientUnaryCall;
  PlaceOrder(argument: _mercato_orders_v1_PlaceOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orders_v1_PlaceOrderResponse__Output>): grpc.ClientUnaryCall;
  PlaceOrder(argument: _mercato_orders_v1_PlaceOrderRequest, callback: grpc.requestCallback<_mercato_orders_v1_PlaceOrderResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Keyed by idempotency_key: a repeat answers the same order and never charges twice. Answers
   * the final state if the saga ends within the caller's deadline, otherwise PENDING; the saga
   * carries on and resumes after a crash.
   */
  placeOrder(argument: _mercato_orders_v1_PlaceOrderRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orders_v1_PlaceOrderResponse__Output>): grpc.ClientUnaryCall;
  placeOrder(argument: _mercato_orders_v1_PlaceOrderRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orders_v1_PlaceOrderResponse__Output>): grpc.ClientUnaryCall;
  placeOrder(argument: _mercato_orders_v1_PlaceOrderRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orders_v1_PlaceOrderResponse__Output>): grpc.ClientUnaryCall;
  placeOrder(argument: _mercato_orders_v1_PlaceOrderRequest, callback: grpc.requestCallback<_mercato_orders_v1_PlaceOrderResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Order commands and the checkout saga, event-sourced in "order-<order_id>" streams. PlaceOrder
 * appends OrderPlaced, then prices the cart, assesses risk, reserves stock, authorizes payment,
 * creates the shipment and confirms; failures compensate (release stock, void payment). Customers
 * list their orders through mercato.orderhistory.v1 (the read side).
 */
export interface OrdersServiceHandlers extends grpc.UntypedServiceImplementation {
  GetOrder: grpc.handleUnaryCall<_mercato_orders_v1_GetOrderRequest__Output, _mercato_orders_v1_GetOrderResponse>;
  
  /**
   * Keyed by idempotency_key: a repeat answers the same order and never charges twice. Answers
   * the final state if the saga ends within the caller's deadline, otherwise PENDING; the saga
   * carries on and resumes after a crash.
   */
  PlaceOrder: grpc.handleUnaryCall<_mercato_orders_v1_PlaceOrderRequest__Output, _mercato_orders_v1_PlaceOrderResponse>;
  
}

export interface OrdersServiceDefinition extends grpc.ServiceDefinition {
  GetOrder: MethodDefinition<_mercato_orders_v1_GetOrderRequest, _mercato_orders_v1_GetOrderResponse, _mercato_orders_v1_GetOrderRequest__Output, _mercato_orders_v1_GetOrderResponse__Output>
  PlaceOrder: MethodDefinition<_mercato_orders_v1_PlaceOrderRequest, _mercato_orders_v1_PlaceOrderResponse, _mercato_orders_v1_PlaceOrderRequest__Output, _mercato_orders_v1_PlaceOrderResponse__Output>
}
