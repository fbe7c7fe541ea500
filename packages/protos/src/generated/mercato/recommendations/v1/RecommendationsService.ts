// Original file: protos/mercato/recommendations/v1/recommendations.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { BoughtTogetherRequest as _mercato_recommendations_v1_BoughtTogetherRequest, BoughtTogetherRequest__Output as _mercato_recommendations_v1_BoughtTogetherRequest__Output } from '../../../mercato/recommendations/v1/BoughtTogetherRequest';
import type { BoughtTogetherResponse as _mercato_recommendations_v1_BoughtTogetherResponse, BoughtTogetherResponse__Output as _mercato_recommendations_v1_BoughtTogetherResponse__Output } from '../../../mercato/recommendations/v1/BoughtTogetherResponse';
import type { RecommendRequest as _mercato_recommendations_v1_RecommendRequest, RecommendRequest__Output as _mercato_recommendations_v1_RecommendRequest__Output } from '../../../mercato/recommendations/v1/RecommendRequest';
import type { RecommendResponse as _mercato_recommendations_v1_RecommendResponse, RecommendResponse__Output as _mercato_recommendations_v1_RecommendResponse__Output } from '../../../mercato/recommendations/v1/RecommendResponse';

/**
 * Personalization learned from cart and order events: item-to-item and user signals, blended with
 * content similarity from the catalog for cold start, popularity as the last fallback.
 */
export interface RecommendationsServiceClient extends grpc.Client {
  /**
   * Products often bought in the same order as this one.
   */
  BoughtTogether(argument: _mercato_recommendations_v1_BoughtTogetherRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_recommendations_v1_BoughtTogetherResponse__Output>): grpc.ClientUnaryCall;
  BoughtTogether(argument: _mercato_recommendations_v1_BoughtTogetherRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_recommendations_v1_BoughtTogetherResponse__Output>): grpc.ClientUnaryCall;
  BoughtTogether(argument: _mercato_recommendations_v1_BoughtTogetherRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_recommendations_v1_BoughtTogetherResponse__Output>): grpc.ClientUnaryCall;
  BoughtTogether(argument: _mercato_recommendations_v1_BoughtTogetherRequest, callback: grpc.requestCallback<_mercato_recommendations_v1_BoughtTogetherResponse__Output>): grpc.ClientUnaryCall;
  /**
   * Products often bought in the same order as this one.
   */
  boughtTogether(argument: _mercato_recommendations_v1_BoughtTogetherRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_recommendations_v1_BoughtTogetherResponse__Output>): grpc.ClientUnaryCall;
  boughtTogether(argument: _mercato_recommendations_v1_BoughtTogetherRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_recommendations_v1_BoughtTogetherResponse__Output>): grpc.ClientUnaryCall;
  boughtTogether(argument: _mercato_recommendations_v1_BoughtTogetherRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_recommendations_v1_BoughtTogetherResponse__Output>): grpc.ClientUnaryCall;
  boughtTogether(argument: _mercato_recommendations_v1_BoughtTogetherRequest, callback: grpc.requestCallback<_mercato_recommendations_v1_BoughtTogetherResponse__Output>): grpc.ClientUnaryCall;
  
  Recommend(argument: _mercato_recommendations_v1_RecommendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_recommendations_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _mercato_recommendations_v1_RecommendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_recommendations_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _mercato_recommendations_v1_RecommendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_recommendations_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  Recommend(argument: _mercato_recommendations_v1_RecommendRequest, callback: grpc.requestCallback<_mercato_recommendations_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _mercato_recommendations_v1_RecommendRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_recommendations_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _mercato_recommendations_v1_RecommendRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_mercato_recommendations_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _mercato_recommendations_v1_RecommendRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_mercato_recommendations_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  recommend(argument: _mercato_recommendations_v1_RecommendRequest, callback: grpc.requestCallback<_mercato_recommendations_v1_RecommendResponse__Output>): grpc.ClientUnaryCall;
  
}

/**
 * Personalization learned from cart and order events: item-to-item and user signals, blended with
 * content similarity from the catalog for cold start, popularity as the last fallback.
 */
export interface RecommendationsServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Products often bought in the same order as this one.
   */
  BoughtTogether: grpc.handleUnaryCall<_mercato_recommendations_v1_BoughtTogetherRequest__Output, _mercato_recommendations_v1_BoughtTogetherResponse>;
  
  Recommend: grpc.handleUnaryCall<_mercato_recommendations_v1_RecommendRequest__Output, _mercato_recommendations_v1_RecommendResponse>;
  
}

export interface RecommendationsServiceDefinition extends grpc.ServiceDefinition {
  BoughtTogether: MethodDefinition<_mercato_recommendations_v1_BoughtTogetherRequest, _mercato_recommendations_v1_BoughtTogetherResponse, _mercato_recommendations_v1_BoughtTogetherRequest__Output, _mercato_recommendations_v1_BoughtTogetherResponse__Output>
  Recommend: MethodDefinition<_mercato_recommendations_v1_RecommendRequest, _mercato_recommendations_v1_RecommendResponse, _mercato_recommendations_v1_RecommendRequest__Output, _mercato_recommendations_v1_RecommendResponse__Output>
}
