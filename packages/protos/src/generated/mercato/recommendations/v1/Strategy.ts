// Original file: protos/mercato/recommendations/v1/recommendations.proto

/**
 * Which signal produced a recommendation.
 */
export const Strategy = {
  STRATEGY_UNSPECIFIED: 'STRATEGY_UNSPECIFIED',
  STRATEGY_PERSONAL: 'STRATEGY_PERSONAL',
  STRATEGY_ITEM_TO_ITEM: 'STRATEGY_ITEM_TO_ITEM',
  STRATEGY_BOUGHT_TOGETHER: 'STRATEGY_BOUGHT_TOGETHER',
  STRATEGY_CONTENT_SIMILARITY: 'STRATEGY_CONTENT_SIMILARITY',
  STRATEGY_POPULARITY: 'STRATEGY_POPULARITY',
} as const;

/**
 * Which signal produced a recommendation.
 */
export type Strategy =
  | 'STRATEGY_UNSPECIFIED'
  | 0
  | 'STRATEGY_PERSONAL'
  | 1
  | 'STRATEGY_ITEM_TO_ITEM'
  | 2
  | 'STRATEGY_BOUGHT_TOGETHER'
  | 3
  | 'STRATEGY_CONTENT_SIMILARITY'
  | 4
  | 'STRATEGY_POPULARITY'
  | 5

/**
 * Which signal produced a recommendation.
 */
export type Strategy__Output = typeof Strategy[keyof typeof Strategy]
