// Original file: protos/mercato/assistant/v1/assistant.proto

import type { Engine as _mercato_assistant_v1_Engine, Engine__Output as _mercato_assistant_v1_Engine__Output } from '../../../mercato/assistant/v1/Engine';

/**
 * Which engine answered and why; the same in every message of one stream.
 */
export interface EngineInfo {
  'engine'?: (_mercato_assistant_v1_Engine);
  /**
   * Model name, e.g. "llama3.1:8b" or "builtin-extractive-1".
   */
  'model'?: (string);
  /**
   * Why the built-in engine answered, e.g. "no endpoint configured", "breaker open", "timeout".
   */
  'fallbackReason'?: (string);
  /**
   * True when served from the cache.
   */
  'cached'?: (boolean);
}

/**
 * Which engine answered and why; the same in every message of one stream.
 */
export interface EngineInfo__Output {
  'engine': (_mercato_assistant_v1_Engine__Output);
  /**
   * Model name, e.g. "llama3.1:8b" or "builtin-extractive-1".
   */
  'model': (string);
  /**
   * Why the built-in engine answered, e.g. "no endpoint configured", "breaker open", "timeout".
   */
  'fallbackReason': (string);
  /**
   * True when served from the cache.
   */
  'cached': (boolean);
}
