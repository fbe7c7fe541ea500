// Original file: protos/mercato/gateway/v1/identity.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetPublicKeysRequest as _mercato_gateway_v1_GetPublicKeysRequest, GetPublicKeysRequest__Output as _mercato_gateway_v1_GetPublicKeysRequest__Output } from '../../../mercato/gateway/v1/GetPublicKeysRequest';
import type { GetPublicKeysResponse as _mercato_gateway_v1_GetPublicKeysResponse, GetPublicKeysResponse__Output as _mercato_gateway_v1_GetPublicKeysResponse__Output } from '../../../mercato/gateway/v1/GetPublicKeysResponse';

/**
 * The gateway signs users in and issues short-lived JWTs (EdDSA); services verify them with the
 * keys published here. The gateway itself is HTTP: its JSON API is described by its OpenAPI
 * document; this contract exists for key distribution and is served when the gateway has a gRPC
 * port.
 */
export interface IdentityServiceClient extends grpc.Client {
  GetPublicKeys(argument: _mercato_gateway_v1_GetPublicKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_gateway_v1_GetPublicKeysResponse__Output>): grpc.ClientUnaryCall;
  GetPublicKeys(argument: _mercato_gateway_v1_GetPublicKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_gateway_v1_GetPublicKeysResponse__Output>): grpc.ClientUnaryCall;
  GetPublicKeys(argument: _mercato_gateway_v1_GetPublicKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_gateway_v1_GetPublicKeysResponse__Output>): grpc.ClientUnaryCall;
  GetPublicKeys(argument: _mercato_gateway_v1_GetPublicKeysRequest, callback: grpc.requestCallback<_mercato_gateway_v1_GetPublicKeysResponse__Output>): grpc.ClientUnaryCall;
  getPublicKeys(argument: _mercato_gateway_v1_GetPublicKeysRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_gateway_v1_GetPublicKeysResponse__Output>): grpc.ClientUnaryCall;
  getPublicKeys(argument: _mercato_gateway_v1_GetPublicKeysRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_gateway_v1_GetPublicKeysResponse__Output>): grpc.ClientUnaryCall;
  getPublicKeys(argument: _mercato_gateway_v1_GetPublicKeysRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_gateway_v1_GetPublicKeysResponse__Output>): grpc.ClientUnaryCall;
  getPublicKeys(argument: _mercato_gateway_v1_GetPublicKeysRequest, callback: grpc.requestCallback<_mercato_gateway_v1_GetPublicKeysResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * The gateway signs users in and issues short-lived JWTs (EdDSA); services verify them with the
 * keys published here. The gateway itself is HTTP: its JSON API is described by its OpenAPI
 * document; this contract exists for key distribution and is served when the gateway has a gRPC
 * port.
 */
export interface IdentityServiceHandlers extends grpc.UntypedServiceImplementation {
  GetPublicKeys: grpc.handleUnaryCall<_mercato_gateway_v1_GetPublicKeysRequest__Output, _mercato_gateway_v1_GetPublicKeysResponse>;
  
}

export interface IdentityServiceDefinition extends grpc.ServiceDefinition {
  GetPublicKeys: MethodDefinition<_mercato_gateway_v1_GetPublicKeysRequest, _mercato_gateway_v1_GetPublicKeysResponse, _mercato_gateway_v1_GetPublicKeysRequest__Output, _mercato_gateway_v1_GetPublicKeysResponse__Output>
}
