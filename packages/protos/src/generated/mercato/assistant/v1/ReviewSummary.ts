// Original file: protos/mercato/assistant/v1/assistant.proto

import type { Citation as _mercato_assistant_v1_Citation, Citation__Output as _mercato_assistant_v1_Citation__Output } from '../../../mercato/assistant/v1/Citation';

export interface ReviewSummary {
  'pros'?: (string)[];
  'cons'?: (string)[];
  'overall'?: (string);
  'reviewCount'?: (number);
  'averageRating'?: (number | string);
  'citations'?: (_mercato_assistant_v1_Citation)[];
}

export interface ReviewSummary__Output {
  'pros': (string)[];
  'cons': (string)[];
  'overall': (string);
  'reviewCount': (number);
  'averageRating': (number);
  'citations': (_mercato_assistant_v1_Citation__Output)[];
}
