// Original file: protos/mercato/eventstore/v1/eventstore.proto

export const ReadDirection = {
  /**
   * Forwards.
   */
  READ_DIRECTION_UNSPECIFIED: 'READ_DIRECTION_UNSPECIFIED',
  READ_DIRECTION_FORWARDS: 'READ_DIRECTION_FORWARDS',
  READ_DIRECTION_BACKWARDS: 'READ_DIRECTION_BACKWARDS',
} as const;

export type ReadDirection =
  /**
   * Forwards.
   */
  | 'READ_DIRECTION_UNSPECIFIED'
  | 0
  | 'READ_DIRECTION_FORWARDS'
  | 1
  | 'READ_DIRECTION_BACKWARDS'
  | 2

export type ReadDirection__Output = typeof ReadDirection[keyof typeof ReadDirection]
