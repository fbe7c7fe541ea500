// Original file: protos/mercato/assistant/v1/assistant.proto

import type { EngineInfo as _mercato_assistant_v1_EngineInfo, EngineInfo__Output as _mercato_assistant_v1_EngineInfo__Output } from '../../../mercato/assistant/v1/EngineInfo';
import type { ReviewSummary as _mercato_assistant_v1_ReviewSummary, ReviewSummary__Output as _mercato_assistant_v1_ReviewSummary__Output } from '../../../mercato/assistant/v1/ReviewSummary';

export interface SummarizeReviewsResponse {
  'engine'?: (_mercato_assistant_v1_EngineInfo | null);
  /**
   * The next piece of the summary text.
   */
  'textDelta'?: (string);
  /**
   * The last message of the stream.
   */
  'summary'?: (_mercato_assistant_v1_ReviewSummary | null);
  'content'?: "textDelta"|"summary";
}

export interface SummarizeReviewsResponse__Output {
  'engine': (_mercato_assistant_v1_EngineInfo__Output | null);
  /**
   * The next piece of the summary text.
   */
  'textDelta'?: (string);
  /**
   * The last message of the stream.
   */
  'summary'?: (_mercato_assistant_v1_ReviewSummary__Output | null);
  'content'?: "textDelta"|"summary";
}
