// Original file: protos/mercato/assistant/v1/assistant.proto

import type { Tone as _mercato_assistant_v1_Tone, Tone__Output as _mercato_assistant_v1_Tone__Output } from '../../../mercato/assistant/v1/Tone';

export interface DraftDescriptionRequest {
  /**
   * An existing product to describe; or leave empty and give the fields below.
   */
  'productId'?: (string);
  'name'?: (string);
  'categoryId'?: (string);
  'features'?: (string)[];
  'tone'?: (_mercato_assistant_v1_Tone);
  /**
   * 0 means 120.
   */
  'maxWords'?: (number);
}

export interface DraftDescriptionRequest__Output {
  /**
   * An existing product to describe; or leave empty and give the fields below.
   */
  'productId': (string);
  'name': (string);
  'categoryId': (string);
  'features': (string)[];
  'tone': (_mercato_assistant_v1_Tone__Output);
  /**
   * 0 means 120.
   */
  'maxWords': (number);
}
