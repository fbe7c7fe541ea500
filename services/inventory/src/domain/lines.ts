// Order lines as the domain sees them: merged per product and sorted, so every reservation walks
// its products in one fixed order and two spellings of the same request compare equal.

export interface Line {
  productId: string;
  quantity: number;
}

export interface Shortage {
  productId: string;
  requested: number;
  available: number;
}

/** Largest quantity of one line (after merging duplicates) and of one replenishment line. */
export const MAX_QUANTITY = 1_000_000;
export const MAX_LINES = 100;

/** Code-unit order: the same on every replica and every Node version (no locale). */
export const byProduct = (a: { productId: string }, b: { productId: string }): number => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0);

/** Duplicate products merged (quantities added), sorted by product id. */
export function normalizeLines(lines: readonly Line[]): Line[] {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.productId, (merged.get(l.productId) ?? 0) + l.quantity);
  return [...merged].map(([productId, quantity]) => ({ productId, quantity })).sort(byProduct);
}

export function sameLines(a: readonly Line[], b: readonly Line[]): boolean {
  return a.length === b.length && a.every((l, i) => l.productId === b[i]!.productId && l.quantity === b[i]!.quantity);
}
