// Original file: protos/mercato/eventstore/v1/eventstore.proto


/**
 * Which events a $all read or subscription delivers. Within a list any entry may match; both
 * lists must match when both are given. Events of "$" streams are left out unless a prefix
 * names them.
 */
export interface EventFilter {
  'streamPrefixes'?: (string)[];
  'eventTypes'?: (string)[];
}

/**
 * Which events a $all read or subscription delivers. Within a list any entry may match; both
 * lists must match when both are given. Events of "$" streams are left out unless a prefix
 * names them.
 */
export interface EventFilter__Output {
  'streamPrefixes': (string)[];
  'eventTypes': (string)[];
}
