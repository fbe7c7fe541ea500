// Original file: protos/mercato/sentinel/v1/sentinel.proto

import type { Timestamp as _google_protobuf_Timestamp, Timestamp__Output as _google_protobuf_Timestamp__Output } from '../../../google/protobuf/Timestamp';

export interface Target {
  'service'?: (string);
  'url'?: (string);
  'up'?: (boolean);
  'lastScrapeTime'?: (_google_protobuf_Timestamp | null);
  'lastError'?: (string);
}

export interface Target__Output {
  'service': (string);
  'url': (string);
  'up': (boolean);
  'lastScrapeTime': (_google_protobuf_Timestamp__Output | null);
  'lastError': (string);
}
