// Original file: protos/mercato/payments/v1/payments.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AuthorizeRequest as _mercato_payments_v1_AuthorizeRequest, AuthorizeRequest__Output as _mercato_payments_v1_AuthorizeRequest__Output } from '../../../mercato/payments/v1/AuthorizeRequest';
import type { AuthorizeResponse as _mercato_payments_v1_AuthorizeResponse, AuthorizeResponse__Output as _mercato_payments_v1_AuthorizeResponse__Output } from '../../../mercato/payments/v1/AuthorizeResponse';
import type { CaptureRequest as _mercato_payments_v1_CaptureRequest, CaptureRequest__Output as _mercato_payments_v1_CaptureRequest__Output } from '../../../mercato/payments/v1/CaptureRequest';
import type { CaptureResponse as _mercato_payments_v1_CaptureResponse, CaptureResponse__Output as _mercato_payments_v1_CaptureResponse__Output } from '../../../mercato/payments/v1/CaptureResponse';
import type { GetPaymentRequest as _mercato_payments_v1_GetPaymentRequest, GetPaymentRequest__Output as _mercato_payments_v1_GetPaymentRequest__Output } from '../../../mercato/payments/v1/GetPaymentRequest';
import type { GetPaymentResponse as _mercato_payments_v1_GetPaymentResponse, GetPaymentResponse__Output as _mercato_payments_v1_GetPaymentResponse__Output } from '../../../mercato/payments/v1/GetPaymentResponse';
import type { RefundRequest as _mercato_payments_v1_RefundRequest, RefundRequest__Output as _mercato_payments_v1_RefundRequest__Output } from '../../../mercato/payments/v1/RefundRequest';
import type { RefundResponse as _mercato_payments_v1_RefundResponse, RefundResponse__Output as _mercato_payments_v1_RefundResponse__Output } from '../../../mercato/payments/v1/RefundResponse';
import type { TokenizeCardRequest as _mercato_payments_v1_TokenizeCardRequest, TokenizeCardRequest__Output as _mercato_payments_v1_TokenizeCardRequest__Output } from '../../../mercato/payments/v1/TokenizeCardRequest';
import type { TokenizeCardResponse as _mercato_payments_v1_TokenizeCardResponse, TokenizeCardResponse__Output as _mercato_payments_v1_TokenizeCardResponse__Output } from '../../../mercato/payments/v1/TokenizeCardResponse';
import type { VoidRequest as _mercato_payments_v1_VoidRequest, VoidRequest__Output as _mercato_payments_v1_VoidRequest__Output } from '../../../mercato/payments/v1/VoidRequest';
import type { VoidResponse as _mercato_payments_v1_VoidResponse, VoidResponse__Output as _mercato_payments_v1_VoidResponse__Output } from '../../../mercato/payments/v1/VoidResponse';

/**
 * A simulated payment provider, event-sourced in "payment-<payment_id>" streams. Every command is
 * idempotent: a repeat with the same idempotency key (or on the same payment) returns the first
 * outcome and never charges twice. A decline is an answer (status DECLINED), not an error; test card
 * numbers that decline are listed in the service README. PAYMENTS_LATENCY_MS and
 * PAYMENTS_FAILURE_RATE make it the suite's flaky dependency.
 */
export interface PaymentsServiceClient extends grpc.Client {
  Authorize(argument: _mercato_payments_v1_AuthorizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _mercato_payments_v1_AuthorizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _mercato_payments_v1_AuthorizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  Authorize(argument: _mercato_payments_v1_AuthorizeRequest, callback: grpc.requestCallback<_mercato_payments_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _mercato_payments_v1_AuthorizeRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _mercato_payments_v1_AuthorizeRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _mercato_payments_v1_AuthorizeRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  authorize(argument: _mercato_payments_v1_AuthorizeRequest, callback: grpc.requestCallback<_mercato_payments_v1_AuthorizeResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * A payment is captured at most once; a repeat answers the captured payment.
   */
  Capture(argument: _mercato_payments_v1_CaptureRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_CaptureResponse__Output>): grpc.ClientUnaryCall;
  Capture(argument: _mercato_payments_v1_CaptureRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_CaptureResponse__Output>): grpc.ClientUnaryCall;
  Capture(argument: _mercato_payments_v1_CaptureRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_CaptureResponse__Output>): grpc.ClientUnaryCall;
  Capture(argument: _mercato_payments_v1_CaptureRequest, callback: grpc.requestCallback<_mercato_payments_v1_CaptureResponse__Output>): grpc.ClientUnaryCall;
  /**
   * A payment is captured at most once; a repeat answers the captured payment.
   */
  capture(argument: _mercato_payments_v1_CaptureRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_CaptureResponse__Output>): grpc.ClientUnaryCall;
  capture(argument: _mercato_payments_v1_CaptureRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_CaptureResponse__Output>): grpc.ClientUnaryCall;
  capture(argument: _mercato_payments_v1_CaptureRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_CaptureResponse__Output>): grpc.ClientUnaryCall;
  capture(argument: _mercato_payments_v1_CaptureRequest, callback: grpc.requestCallback<_mercato_payments_v1_CaptureResponse__Output>): grpc.ClientUnaryCall;
  
  GetPayment(argument: _mercato_payments_v1_GetPaymentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_GetPaymentResponse__Output>): grpc.ClientUnaryCall;
  GetPayment(argument: _mercato_payments_v1_GetPaymentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_GetPaymentResponse__Output>): grpc.ClientUnaryCall;
  GetPayment(argument: _mercato_payments_v1_GetPaymentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_GetPaymentResponse__Output>): grpc.ClientUnaryCall;
  GetPayment(argument: _mercato_payments_v1_GetPaymentRequest, callback: grpc.requestCallback<_mercato_payments_v1_GetPaymentResponse__Output>): grpc.ClientUnaryCall;
  getPayment(argument: _mercato_payments_v1_GetPaymentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_GetPaymentResponse__Output>): grpc.ClientUnaryCall;
  getPayment(argument: _mercato_payments_v1_GetPaymentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_GetPaymentResponse__Output>): grpc.ClientUnaryCall;
  getPayment(argument: _mercato_payments_v1_GetPaymentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_GetPaymentResponse__Output>): grpc.ClientUnaryCall;
  getPayment(argument: _mercato_payments_v1_GetPaymentRequest, callback: grpc.requestCallback<_mercato_payments_v1_GetPaymentResponse__Output>): grpc.ClientUnaryCall;
  
  Refund(argument: _mercato_payments_v1_RefundRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_RefundResponse__Output>): grpc.ClientUnaryCall;
  Refund(argument: _mercato_payments_v1_RefundRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_RefundResponse__Output>): grpc.ClientUnaryCall;
  Refund(argument: _mercato_payments_v1_RefundRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_RefundResponse__Output>): grpc.ClientUnaryCall;
  Refund(argument: _mercato_payments_v1_RefundRequest, callback: grpc.requestCallback<_mercato_payments_v1_RefundResponse__Output>): grpc.ClientUnaryCall;
  refund(argument: _mercato_payments_v1_RefundRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_RefundResponse__Output>): grpc.ClientUnaryCall;
  refund(argument: _mercato_payments_v1_RefundRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_RefundResponse__Output>): grpc.ClientUnaryCall;
  refund(argument: _mercato_payments_v1_RefundRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_RefundResponse__Output>): grpc.ClientUnaryCall;
  refund(argument: _mercato_payments_v1_RefundRequest, callback: grpc.requestCallback<_mercato_payments_v1_RefundResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Checks a card (Luhn, expiry, CVC) and exchanges it for a token, so the card number never
   * enters an event log or a saga's state.
   */
  TokenizeCard(argument: _mercato_payments_v1_TokenizeCardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_TokenizeCardResponse__Output>): grpc.ClientUnaryCall;
  TokenizeCard(argument: _mercato_payments_v1_TokenizeCardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_TokenizeCardResponse__Output>): grpc.ClientUnaryCall;
  TokenizeCard(argument: _mercato_payments_v1_TokenizeCardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_TokenizeCardResponse__Output>): grpc.ClientUnaryCall;
  TokenizeCard(argument: _mercato_payments_v1_TokenizeCardRequest, callback: grpc.requestCallback<_mercato_payments_v1_TokenizeCardResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Checks a card (Luhn, expiry, CVC) and exchanges it for a token, so the card number never
   * enters an event log or a saga's state.
   */
  tokenizeCard(argument: _mercato_payments_v1_TokenizeCardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_TokenizeCardResponse__Output>): grpc.ClientUnaryCall;
  tokenizeCard(argument: _mercato_payments_v1_TokenizeCardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_TokenizeCardResponse__Output>): grpc.ClientUnaryCall;
  tokenizeCard(argument: _mercato_payments_v1_TokenizeCardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_TokenizeCardResponse__Output>): grpc.ClientUnaryCall;
  tokenizeCard(argument: _mercato_payments_v1_TokenizeCardRequest, callback: grpc.requestCallback<_mercato_payments_v1_TokenizeCardResponse__Output>): grpc.ClientUnaryCall;
  
  /**
   * Releases an authorization that was not captured (saga compensation).
   */
  Void(argument: _mercato_payments_v1_VoidRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_VoidResponse__Output>): grpc.ClientUnaryCall;
  Void(argument: _mercato_payments_v1_VoidRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_VoidResponse__Output>): grpc.ClientUnaryCall;
  Void(argument: _mercato_payments_v1_VoidRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_VoidResponse__Output>): grpc.ClientUnaryCall;
  Void(argument: _mercato_payments_v1_VoidRequest, callback: grpc.requestCallback<_mercato_payments_v1_VoidResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Releases an authorization that was not captured (saga compensation).
   */
  void(argument: _mercato_payments_v1_VoidRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_VoidResponse__Output>): grpc.ClientUnaryCall;
  void(argument: _mercato_payments_v1_VoidRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_payments_v1_VoidResponse__Output>): grpc.ClientUnaryCall;
  void(argument: _mercato_payments_v1_VoidRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_payments_v1_VoidResponse__Output>): grpc.ClientUnaryCall;
  void(argument: _mercato_payments_v1_VoidRequest, callback: grpc.requestCallback<_mercato_payments_v1_VoidResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * A simulated payment provider, event-sourced in "payment-<payment_id>" streams. Every command is
 * idempotent: a repeat with the same idempotency key (or on the same payment) returns the first
 * outcome and never charges twice. A decline is an answer (status DECLINED), not an error; test card
 * numbers that decline are listed in the service README. PAYMENTS_LATENCY_MS and
 * PAYMENTS_FAILURE_RATE make it the suite's flaky dependency.
 */
export interface PaymentsServiceHandlers extends grpc.UntypedServiceImplementation {
  Authorize: grpc.handleUnaryCall<_mercato_payments_v1_AuthorizeRequest__Output, _mercato_payments_v1_AuthorizeResponse>;
  
  /**
   * A payment is captured at most once; a repeat answers the captured payment.
   */
  Capture: grpc.handleUnaryCall<_mercato_payments_v1_CaptureRequest__Output, _mercato_payments_v1_CaptureResponse>;
  
  GetPayment: grpc.handleUnaryCall<_mercato_payments_v1_GetPaymentRequest__Output, _mercato_payments_v1_GetPaymentResponse>;
  
  Refund: grpc.handleUnaryCall<_mercato_payments_v1_RefundRequest__Output, _mercato_payments_v1_RefundResponse>;
  
  /**
   * Checks a card (Luhn, expiry, CVC) and exchanges it for a token, so the card number never
   * enters an event log or a saga's state.
   */
  TokenizeCard: grpc.handleUnaryCall<_mercato_payments_v1_TokenizeCardRequest__Output, _mercato_payments_v1_TokenizeCardResponse>;
  
  /**
   * Releases an authorization that was not captured (saga compensation).
   */
  Void: grpc.handleUnaryCall<_mercato_payments_v1_VoidRequest__Output, _mercato_payments_v1_VoidResponse>;
  
}

export interface PaymentsServiceDefinition extends grpc.ServiceDefinition {
  Authorize: MethodDefinition<_mercato_payments_v1_AuthorizeRequest, _mercato_payments_v1_AuthorizeResponse, _mercato_payments_v1_AuthorizeRequest__Output, _mercato_payments_v1_AuthorizeResponse__Output>
  Capture: MethodDefinition<_mercato_payments_v1_CaptureRequest, _mercato_payments_v1_CaptureResponse, _mercato_payments_v1_CaptureRequest__Output, _mercato_payments_v1_CaptureResponse__Output>
  GetPayment: MethodDefinition<_mercato_payments_v1_GetPaymentRequest, _mercato_payments_v1_GetPaymentResponse, _mercato_payments_v1_GetPaymentRequest__Output, _mercato_payments_v1_GetPaymentResponse__Output>
  Refund: MethodDefinition<_mercato_payments_v1_RefundRequest, _mercato_payments_v1_RefundResponse, _mercato_payments_v1_RefundRequest__Output, _mercato_payments_v1_RefundResponse__Output>
  TokenizeCard: MethodDefinition<_mercato_payments_v1_TokenizeCardRequest, _mercato_payments_v1_TokenizeCardResponse, _mercato_payments_v1_TokenizeCardRequest__Output, _mercato_payments_v1_TokenizeCardResponse__Output>
  Void: MethodDefinition<_mercato_payments_v1_VoidRequest, _mercato_payments_v1_VoidResponse, _mercato_payments_v1_VoidRequest__Output, _mercato_payments_v1_VoidResponse__Output>
}
