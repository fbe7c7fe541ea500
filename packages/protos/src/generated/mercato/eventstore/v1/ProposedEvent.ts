// Original file: protos/mercato/eventstore/v1/eventstore.proto


/**
 * An event to append.
 */
export interface ProposedEvent {
  /**
   * A UUID chosen by the writer; the store's idempotency key.
   */
  'id'?: (string);
  /**
   * The event type: the full name of the protobuf message in data, e.g.
   * "mercato.orders.v1.OrderPlaced".
   */
  'type'?: (string);
  'data'?: (Buffer | Uint8Array | string);
  /**
   * Well-known keys: "traceparent", "tracestate" (W3C trace context at the event's creation),
   * "correlation-id", "causation-id" (the id of the event or command that caused it),
   * "user-id" (the acting user). Keys are lower-case.
   */
  'metadata'?: ({[key: string]: string});
  /**
   * "application/x-protobuf" (default when empty) or "application/json".
   */
  'contentType'?: (string);
}

/**
 * An event to append.
 */
export interface ProposedEvent__Output {
  /**
   * A UUID chosen by the writer; the store's idempotency key.
   */
  'id': (string);
  /**
   * The event type: the full name of the protobuf message in data, e.g.
   * "mercato.orders.v1.OrderPlaced".
   */
  'type': (string);
  'data': (Buffer);
  /**
   * Well-known keys: "traceparent", "tracestate" (W3C trace context at the event's creation),
   * "correlation-id", "causation-id" (the id of the event or command that caused it),
   * "user-id" (the acting user). Keys are lower-case.
   */
  'metadata': ({[key: string]: string});
  /**
   * "application/x-protobuf" (default when empty) or "application/json".
   */
  'contentType': (string);
}
