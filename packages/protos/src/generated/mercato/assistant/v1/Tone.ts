// Original file: protos/mercato/assistant/v1/assistant.proto

export const Tone = {
  TONE_UNSPECIFIED: 'TONE_UNSPECIFIED',
  TONE_NEUTRAL: 'TONE_NEUTRAL',
  TONE_PLAYFUL: 'TONE_PLAYFUL',
  TONE_PREMIUM: 'TONE_PREMIUM',
  TONE_TECHNICAL: 'TONE_TECHNICAL',
} as const;

export type Tone =
  | 'TONE_UNSPECIFIED'
  | 0
  | 'TONE_NEUTRAL'
  | 1
  | 'TONE_PLAYFUL'
  | 2
  | 'TONE_PREMIUM'
  | 3
  | 'TONE_TECHNICAL'
  | 4

export type Tone__Output = typeof Tone[keyof typeof Tone]
