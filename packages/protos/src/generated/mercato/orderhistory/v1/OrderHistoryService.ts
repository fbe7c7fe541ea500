// Original file: protos/mercato/orderhistory/v1/order_history.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetOrderViewRequest as _mercato_orderhistory_v1_GetOrderViewRequest, GetOrderViewRequest__Output as _mercato_orderhistory_v1_GetOrderViewRequest__Output } from '../../../mercato/orderhistory/v1/GetOrderViewRequest';
import type { GetOrderViewResponse as _mercato_orderhistory_v1_GetOrderViewResponse, GetOrderViewResponse__Output as _mercato_orderhistory_v1_GetOrderViewResponse__Output } from '../../../mercato/orderhistory/v1/GetOrderViewResponse';
import type { GetSalesFiguresRequest as _mercato_orderhistory_v1_GetSalesFiguresRequest, GetSalesFiguresRequest__Output as _mercato_orderhistory_v1_GetSalesFiguresRequest__Output } from '../../../mercato/orderhistory/v1/GetSalesFiguresRequest';
import type { GetSalesFiguresResponse as _mercato_orderhistory_v1_GetSalesFiguresResponse, GetSalesFiguresResponse__Output as _mercato_orderhistory_v1_GetSalesFiguresResponse__Output } from '../../../mercato/orderhistory/v1/GetSalesFiguresResponse';
import type { ListCustomerOrdersRequest as _mercato_orderhistory_v1_ListCustomerOrdersRequest, ListCustomerOrdersRequest__Output as _mercato_orderhistory_v1_ListCustomerOrdersRequest__Output } from '../../../mercato/orderhistory/v1/ListCustomerOrdersRequest';
import type { ListCustomerOrdersResponse as _mercato_orderhistory_v1_ListCustomerOrdersResponse, ListCustomerOrdersResponse__Output as _mercato_orderhistory_v1_ListCustomerOrdersResponse__Output } from '../../../mercato/orderhistory/v1/ListCustomerOrdersResponse';

/**
 * The CQRS read side: views projected from order, payment and shipment events. Eventually
 * consistent; each view says up to which $all position it is current.
 */
export interface OrderHistoryServiceClient extends grpc.Client {
  GetOrderView(argument: _mercato_orderhistory_v1_GetOrderViewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetOrderViewResponse__Output>): grpc.ClientUnaryCall;
  GetOrderView(argument: _mercato_orderhistory_v1_GetOrderViewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetOrderViewResponse__Output>): grpc.ClientUnaryCall;
  GetOrderView(argument: _mercato_orderhistory_v1_GetOrderViewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetOrderViewResponse__Output>): grpc.ClientUnaryCall;
  GetOrderView(argument: _mercato_orderhistory_v1_GetOrderViewRequest, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetOrderViewResponse__Output>): grpc.ClientUnaryCall;
  getOrderView(argument: _mercato_orderhistory_v1_GetOrderViewRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetOrderViewResponse__Output>): grpc.ClientUnaryCall;
  getOrderView(argument: _mercato_orderhistory_v1_GetOrderViewRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetOrderViewResponse__Output>): grpc.ClientUnaryCall;
  getOrderView(argument: _mercato_orderhistory_v1_GetOrderViewRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetOrderViewResponse__Output>): grpc.ClientUnaryCall;
  getOrderView(argument: _mercato_orderhistory_v1_GetOrderViewRequest, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetOrderViewResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Admin: orders and revenue per hour, top products.
   */
  GetSalesFigures(argument: _mercato_orderhistory_v1_GetSalesFiguresRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetSalesFiguresResponse__Output>): grpc.ClientUnaryCall;
  GetSalesFigures(argument: _mercato_orderhistory_v1_GetSalesFiguresRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetSalesFiguresResponse__Output>): grpc.ClientUnaryCall;
  GetSalesFigures(argument: _mercato_orderhistory_v1_GetSalesFiguresRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetSalesFiguresResponse__Output>): grpc.ClientUnaryCall;
  GetSalesFigures(argument: _mercato_orderhistory_v1_GetSalesFiguresRequest, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetSalesFiguresResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Admin: orders and revenue per hour, top products.
   */
  getSalesFigures(argument: _mercato_orderhistory_v1_GetSalesFiguresRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetSalesFiguresResponse__Output>): grpc.ClientUnaryCall;
  getSalesFigures(argument: _mercato_orderhistory_v1_GetSalesFiguresRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetSalesFiguresResponse__Output>): grpc.ClientUnaryCall;
  getSalesFigures(argument: _mercato_orderhistory_v1_GetSalesFiguresRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetSalesFiguresResponse__Output>): grpc.ClientUnaryCall;
  getSalesFigures(argument: _mercato_orderhistory_v1_GetSalesFiguresRequest, callback: grpc.requestCallback<_mercato_orderhistory_v1_GetSalesFiguresResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A customer's orders, newest first.
   */
  ListCustomerOrders(argument: _mercato_orderhistory_v1_ListCustomerOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListCustomerOrders(argument: _mercato_orderhistory_v1_ListCustomerOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListCustomerOrders(argument: _mercato_orderhistory_v1_ListCustomerOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>): grpc.ClientUnaryCall;
  ListCustomerOrders(argument: _mercato_orderhistory_v1_ListCustomerOrdersRequest, callback: grpc.requestCallback<_mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A customer's orders, newest first.
   */
  listCustomerOrders(argument: _mercato_orderhistory_v1_ListCustomerOrdersRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>): grpc.ClientUnaryCall;
  listCustomerOrders(argument: _mercato_orderhistory_v1_ListCustomerOrdersRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>): grpc.ClientUnaryCall;
  listCustomerOrders(argument: _mercato_orderhistory_v1_ListCustomerOrdersRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>): grpc.ClientUnaryCall;
  listCustomerOrders(argument: _mercato_orderhistory_v1_ListCustomerOrdersRequest, callback: grpc.requestCallback<_mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The CQRS read side: views projected from order, payment and shipment events. Eventually
 * consistent; each view says up to which $all position it is current.
 */
export interface OrderHistoryServiceHandlers extends grpc.UntypedServiceImplementation {
  GetOrderView: grpc.handleUnaryCall<_mercato_orderhistory_v1_GetOrderViewRequest__Output, _mercato_orderhistory_v1_GetOrderViewResponse>;
  
  /**
   * Admin: orders and revenue per hour, top products.
   */
  GetSalesFigures: grpc.handleUnaryCall<_mercato_orderhistory_v1_GetSalesFiguresRequest__Output, _mercato_orderhistory_v1_GetSalesFiguresResponse>;
  
  /**
   * A customer's orders, newest first.
   */
  ListCustomerOrders: grpc.handleUnaryCall<_mercato_orderhistory_v1_ListCustomerOrdersRequest__Output, _mercato_orderhistory_v1_ListCustomerOrdersResponse>;
  
}

export interface OrderHistoryServiceDefinition extends grpc.ServiceDefinition {
  GetOrderView: MethodDefinition<_mercato_orderhistory_v1_GetOrderViewRequest, _mercato_orderhistory_v1_GetOrderViewResponse, _mercato_orderhistory_v1_GetOrderViewRequest__Output, _mercato_orderhistory_v1_GetOrderViewResponse__Output>
  GetSalesFigures: MethodDefinition<_mercato_orderhistory_v1_GetSalesFiguresRequest, _mercato_orderhistory_v1_GetSalesFiguresResponse, _mercato_orderhistory_v1_GetSalesFiguresRequest__Output, _mercato_orderhistory_v1_GetSalesFiguresResponse__Output>
  ListCustomerOrders: MethodDefinition<_mercato_orderhistory_v1_ListCustomerOrdersRequest, _mercato_orderhistory_v1_ListCustomerOrdersResponse, _mercato_orderhistory_v1_ListCustomerOrdersRequest__Output, _mercato_orderhistory_v1_ListCustomerOrdersResponse__Output>
}
