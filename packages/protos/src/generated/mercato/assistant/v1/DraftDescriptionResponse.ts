// Original file: protos/mercato/assistant/v1/assistant.proto

import type { EngineInfo as _mercato_assistant_v1_EngineInfo, EngineInfo__Output as _mercato_assistant_v1_EngineInfo__Output } from '../../../mercato/assistant/v1/EngineInfo';

export interface DraftDescriptionResponse {
  'engine'?: (_mercato_assistant_v1_EngineInfo | null);
  'textDelta'?: (string);
  /**
   * The last message of the stream: the whole draft.
   */
  'description'?: (string);
  'content'?: "textDelta"|"description";
}

export interface DraftDescriptionResponse__Output {
  'engine': (_mercato_assistant_v1_EngineInfo__Output | null);
  'textDelta'?: (string);
  /**
   * The last message of the stream: the whole draft.
   */
  'description'?: (string);
  'content'?: "textDelta"|"description";
}
