// Original file: protos/mercato/assistant/v1/assistant.proto

export const Engine = {
  ENGINE_UNSPECIFIED: 'ENGINE_UNSPECIFIED',
  /**
   * The configured OpenAI-compatible endpoint.
   */
  ENGINE_LLM: 'ENGINE_LLM',
  /**
   * The built-in offline engine.
   */
  ENGINE_BUILTIN: 'ENGINE_BUILTIN',
} as const;

export type Engine =
  | 'ENGINE_UNSPECIFIED'
  | 0
  /**
   * The configured OpenAI-compatible endpoint.
   */
  | 'ENGINE_LLM'
  | 1
  /**
   * The built-in offline engine.
   */
  | 'ENGINE_BUILTIN'
  | 2

export type Engine__Output = typeof Engine[keyof typeof Engine]
