// Original file: protos/mercato/assistant/v1/assistant.proto

import type { EngineInfo as _mercato_assistant_v1_EngineInfo, EngineInfo__Output as _mercato_assistant_v1_EngineInfo__Output } from '../../../mercato/assistant/v1/EngineInfo';
import type { Answer as _mercato_assistant_v1_Answer, Answer__Output as _mercato_assistant_v1_Answer__Output } from '../../../mercato/assistant/v1/Answer';

export interface AnswerQuestionResponse {
  'engine'?: (_mercato_assistant_v1_EngineInfo | null);
  'textDelta'?: (string);
  /**
   * The last message of the stream.
   */
  'answer'?: (_mercato_assistant_v1_Answer | null);
  'content'?: "textDelta"|"answer";
}

export interface AnswerQuestionResponse__Output {
  'engine': (_mercato_assistant_v1_EngineInfo__Output | null);
  'textDelta'?: (string);
  /**
   * The last message of the stream.
   */
  'answer'?: (_mercato_assistant_v1_Answer__Output | null);
  'content'?: "textDelta"|"answer";
}
