// The answer cache: least recently used entries go first. Each entry remembers the version of
// the catalog data it was made from, so a changed product or a new review makes it stale; a
// stale entry still serves while the catalog cannot be reached.

export class LruCache<V> {
  private readonly entries = new Map<string, { version: string; value: V }>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value made from this version of the data; undefined when absent or stale. */
  get(key: string, version: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry || entry.version !== version) return undefined;
    this.touch(key, entry);
    return entry.value;
  }

  /** The last value stored under the key, whatever version it was made from. */
  latest(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry) this.touch(key, entry);
    return entry?.value;
  }

  set(key: string, version: string, value: V): void {
    if (this.capacity <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  private touch(key: string, entry: { version: string; value: V }): void {
    // A Map iterates in insertion order: re-inserting makes the key the most recent.
    this.entries.delete(key);
    this.entries.set(key, entry);
  }
}
