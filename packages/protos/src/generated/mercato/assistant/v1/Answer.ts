// Original file: protos/mercato/assistant/v1/assistant.proto

import type { Citation as _mercato_assistant_v1_Citation, Citation__Output as _mercato_assistant_v1_Citation__Output } from '../../../mercato/assistant/v1/Citation';

export interface Answer {
  'text'?: (string);
  /**
   * False when the catalog and reviews do not answer the question (the text says so).
   */
  'grounded'?: (boolean);
  'citations'?: (_mercato_assistant_v1_Citation)[];
}

export interface Answer__Output {
  'text': (string);
  /**
   * False when the catalog and reviews do not answer the question (the text says so).
   */
  'grounded': (boolean);
  'citations': (_mercato_assistant_v1_Citation__Output)[];
}
