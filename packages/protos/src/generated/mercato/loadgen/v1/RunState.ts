// Original file: protos/mercato/loadgen/v1/loadgen.proto

export const RunState = {
  RUN_STATE_UNSPECIFIED: 'RUN_STATE_UNSPECIFIED',
  RUN_STATE_RAMPING_UP: 'RUN_STATE_RAMPING_UP',
  RUN_STATE_RUNNING: 'RUN_STATE_RUNNING',
  RUN_STATE_STOPPING: 'RUN_STATE_STOPPING',
  RUN_STATE_FINISHED: 'RUN_STATE_FINISHED',
} as const;

export type RunState =
  | 'RUN_STATE_UNSPECIFIED'
  | 0
  | 'RUN_STATE_RAMPING_UP'
  | 1
  | 'RUN_STATE_RUNNING'
  | 2
  | 'RUN_STATE_STOPPING'
  | 3
  | 'RUN_STATE_FINISHED'
  | 4

export type RunState__Output = typeof RunState[keyof typeof RunState]
