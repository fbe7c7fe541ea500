// Read-ahead for clients paging forwards through `$all` (a projection rebuilding, a new replica
// catching up): after answering a full page, the page after it is read in the background, so the
// client's next ReadAll finds it ready instead of waiting for the database.
//
// Only a full page is ever answered from the read-ahead. A full page is exactly what a read now
// would return: it holds only events below the snapshot-xmin horizon of its read, every event
// committed since sorts after that horizon, so a fresh read from the same position would return
// the same first `maxCount` events. A short page may have grown since (new commits at the end of
// `$all`), so it is read again, and so is a page read ahead too long ago (`ttlMs`).
import type { Position, ReadAllOptions, ReadAllPage } from '../store';

export interface ReadAheadOptions {
  /** Pages held at most (one per client paging through `$all`); 0 turns read-ahead off. */
  pages: number;
  /** A page read ahead and not asked for within this time is dropped (and read again if asked). */
  ttlMs: number;
  /** A page of more event bytes than this starts no read-ahead (memory stays bounded). */
  maxPageBytes: number;
  now?: () => number;
}

export const READ_AHEAD_DEFAULTS: ReadAheadOptions = { pages: 4, ttlMs: 2_000, maxPageBytes: 8 * 1024 * 1024 };

/** A page as the handler answers it, with what read-ahead needs to know about it. */
export interface Answered<R> {
  answer: R;
  page: ReadAllPage;
}

interface Held<R> {
  readAt: number;
  ready: Promise<Answered<R> | undefined>;
}

export class ReadAhead<R> {
  private readonly held = new Map<string, Held<R>>();
  private readonly now: () => number;
  /** Pages answered from the read-ahead (tests and metrics). */
  hits = 0;

  constructor(
    private readonly read: (options: ReadAllOptions) => Promise<Answered<R>>,
    private readonly options: ReadAheadOptions = READ_AHEAD_DEFAULTS,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Answers one ReadAll: from the read-ahead when a full page is ready, else from the store. */
  async answer(options: ReadAllOptions): Promise<R> {
    const key = keyOf(options);
    let got: Answered<R> | undefined;
    const held = key === undefined ? undefined : this.held.get(key);
    if (held) {
      this.held.delete(key!);
      if (this.now() - held.readAt <= this.options.ttlMs) got = await held.ready;
      if (got && !isFull(got.page, options)) got = undefined;
      if (got) this.hits++;
    }
    got ??= await this.read(options);
    if (key !== undefined && isFull(got.page, options) && pageBytes(got.page) <= this.options.maxPageBytes) {
      this.readNext({ ...options, fromPosition: got.page.checkpoint });
    }
    return got.answer;
  }

  private readNext(options: ReadAllOptions): void {
    if (this.options.pages <= 0) return;
    const key = keyOf(options)!;
    if (this.held.has(key)) return;
    for (const [k, h] of this.held) if (this.now() - h.readAt > this.options.ttlMs) this.held.delete(k);
    while (this.held.size >= this.options.pages) this.held.delete(this.held.keys().next().value!);
    // A failed read ahead is forgotten: the client's own read will meet (and report) the error.
    this.held.set(key, { readAt: this.now(), ready: this.read(options).catch(() => undefined) });
  }
}

/** Forwards reads from a position (or the start) can be read ahead; undefined for the others. */
function keyOf(o: ReadAllOptions): string | undefined {
  if ((o.direction ?? 'forwards') !== 'forwards' || o.fromPosition === 'end' || o.maxCount === undefined) return undefined;
  const from = o.fromPosition === undefined || o.fromPosition === 'start' ? 'start' : positionKey(o.fromPosition);
  return `${from}|${o.maxCount}|${o.filter ? JSON.stringify(o.filter) : ''}`;
}

const positionKey = (p: Position): string => `${p.commit}:${p.prepare}`;
const isFull = (page: ReadAllPage, o: ReadAllOptions): boolean => o.maxCount !== undefined && page.events.length >= o.maxCount && !page.reachedEnd;
function pageBytes(page: ReadAllPage): number {
  let n = 0;
  for (const e of page.events) {
    n += e.data.length + e.stream.length + e.type.length;
    for (const k in e.metadata) n += k.length + e.metadata[k]!.length;
  }
  return n;
}
