// Walks a generated timeline as the service would live it: each event folded into the feature
// store when it happens, each order assessed against the store as it stands at that moment.
import { compact, evolve, initialState, type FeatureState } from '../features/state';
import type { SimCase, TimelineItem } from './simulate';

/** Compacts as the service does now and then; it must not change any answer. */
const COMPACT_EVERY = 20_000;

export function replay(items: readonly TimelineItem[], onCase: (state: FeatureState, c: SimCase) => void, state: FeatureState = initialState()): FeatureState {
  let applied = 0;
  for (const item of items) {
    if (item.kind === 'case') onCase(state, item.case);
    else {
      evolve(state, item.event, item.t);
      if (++applied % COMPACT_EVERY === 0) compact(state);
    }
  }
  return state;
}
