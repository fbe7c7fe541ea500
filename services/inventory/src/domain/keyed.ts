// An immutable newest-first list of keyed values. Adding never copies, so a decider's evolve stays
// pure and folding a long stream stays linear (a copied map per event would be quadratic).

export interface Keyed<T> {
  readonly key: string;
  readonly value: T;
  readonly next: Keyed<T> | undefined;
}

export const put = <T>(list: Keyed<T> | undefined, key: string, value: T): Keyed<T> => ({ key, value, next: list });

/** The newest value under the key. */
export function lookup<T>(list: Keyed<T> | undefined, key: string): T | undefined {
  for (let e = list; e; e = e.next) if (e.key === key) return e.value;
  return undefined;
}
