// Original file: protos/mercato/assistant/v1/assistant.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AnswerQuestionRequest as _mercato_assistant_v1_AnswerQuestionRequest, AnswerQuestionRequest__Output as _mercato_assistant_v1_AnswerQuestionRequest__Output } from '../../../mercato/assistant/v1/AnswerQuestionRequest';
import type { AnswerQuestionResponse as _mercato_assistant_v1_AnswerQuestionResponse, AnswerQuestionResponse__Output as _mercato_assistant_v1_AnswerQuestionResponse__Output } from '../../../mercato/assistant/v1/AnswerQuestionResponse';
import type { DraftDescriptionRequest as _mercato_assistant_v1_DraftDescriptionRequest, DraftDescriptionRequest__Output as _mercato_assistant_v1_DraftDescriptionRequest__Output } from '../../../mercato/assistant/v1/DraftDescriptionRequest';
import type { DraftDescriptionResponse as _mercato_assistant_v1_DraftDescriptionResponse, DraftDescriptionResponse__Output as _mercato_assistant_v1_DraftDescriptionResponse__Output } from '../../../mercato/assistant/v1/DraftDescriptionResponse';
import type { SummarizeReviewsRequest as _mercato_assistant_v1_SummarizeReviewsRequest, SummarizeReviewsRequest__Output as _mercato_assistant_v1_SummarizeReviewsRequest__Output } from '../../../mercato/assistant/v1/SummarizeReviewsRequest';
import type { SummarizeReviewsResponse as _mercato_assistant_v1_SummarizeReviewsResponse, SummarizeReviewsResponse__Output as _mercato_assistant_v1_SummarizeReviewsResponse__Output } from '../../../mercato/assistant/v1/SummarizeReviewsResponse';

/**
 * Generative AI over the catalog: review summaries, product Q&A and description drafts. Answers
 * stream as text deltas and end with one complete, structured message. An OpenAI-compatible
 * endpoint answers when configured and healthy (behind a breaker with a timeout); otherwise a
 * built-in extractive/templated engine does, and every message says which one.
 */
export interface AssistantServiceClient extends grpc.Client {
  /**
   * Answers a question about a product, grounded in its catalog entry and reviews.
   */
  AnswerQuestion(argument: _mercato_assistant_v1_AnswerQuestionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_AnswerQuestionResponse__Output>;
  AnswerQuestion(argument: _mercato_assistant_v1_AnswerQuestionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_AnswerQuestionResponse__Output>;
  /**
   * Answers a question about a product, grounded in its catalog entry and reviews.
   */
  answerQuestion(argument: _mercato_assistant_v1_AnswerQuestionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_AnswerQuestionResponse__Output>;
  answerQuestion(argument: _mercato_assistant_v1_AnswerQuestionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_AnswerQuestionResponse__Output>;
  
  /**
   * Admin: drafts a product description.
   */
  DraftDescription(argument: _mercato_assistant_v1_DraftDescriptionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_DraftDescriptionResponse__Output>;
  DraftDescription(argument: _mercato_assistant_v1_DraftDescriptionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_DraftDescriptionResponse__Output>;
  /**
   * Admin: drafts a product description.
   */
  draftDescription(argument: _mercato_assistant_v1_DraftDescriptionRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_DraftDescriptionResponse__Output>;
  draftDescription(argument: _mercato_assistant_v1_DraftDescriptionRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_DraftDescriptionResponse__Output>;
  
  SummarizeReviews(argument: _mercato_assistant_v1_SummarizeReviewsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_SummarizeReviewsResponse__Output>;
  SummarizeReviews(argument: _mercato_assistant_v1_SummarizeReviewsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_SummarizeReviewsResponse__Output>;
  summarizeReviews(argument: _mercato_assistant_v1_SummarizeReviewsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_SummarizeReviewsResponse__Output>;
  summarizeReviews(argument: _mercato_assistant_v1_SummarizeReviewsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_mercato_assistant_v1_SummarizeReviewsResponse__Output>;
  
}

/**
 * Generative AI over the catalog: review summaries, product Q&A and description drafts. Answers
 * stream as text deltas and end with one complete, structured message. An OpenAI-compatible
 * endpoint answers when configured and healthy (behind a breaker with a timeout); otherwise a
 * built-in extractive/templated engine does, and every message says which one.
 */
export interface AssistantServiceHandlers extends grpc.UntypedServiceImplementation {
  /**
   * Answers a question about a product, grounded in its catalog entry and reviews.
   */
  AnswerQuestion: grpc.handleServerStreamingCall<_mercato_assistant_v1_AnswerQuestionRequest__Output, _mercato_assistant_v1_AnswerQuestionResponse>;
  
  /**
   * Admin: drafts a product description.
   */
  DraftDescription: grpc.handleServerStreamingCall<_mercato_assistant_v1_DraftDescriptionRequest__Output, _mercato_assistant_v1_DraftDescriptionResponse>;
  
  SummarizeReviews: grpc.handleServerStreamingCall<_mercato_assistant_v1_SummarizeReviewsRequest__Output, _mercato_assistant_v1_SummarizeReviewsResponse>;
  
}

export interface AssistantServiceDefinition extends grpc.ServiceDefinition {
  AnswerQuestion: MethodDefinition<_mercato_assistant_v1_AnswerQuestionRequest, _mercato_assistant_v1_AnswerQuestionResponse, _mercato_assistant_v1_AnswerQuestionRequest__Output, _mercato_assistant_v1_AnswerQuestionResponse__Output>
  DraftDescription: MethodDefinition<_mercato_assistant_v1_DraftDescriptionRequest, _mercato_assistant_v1_DraftDescriptionResponse, _mercato_assistant_v1_DraftDescriptionRequest__Output, _mercato_assistant_v1_DraftDescriptionResponse__Output>
  SummarizeReviews: MethodDefinition<_mercato_assistant_v1_SummarizeReviewsRequest, _mercato_assistant_v1_SummarizeReviewsResponse, _mercato_assistant_v1_SummarizeReviewsRequest__Output, _mercato_assistant_v1_SummarizeReviewsResponse__Output>
}
