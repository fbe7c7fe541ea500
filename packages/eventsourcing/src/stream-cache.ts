// Folded streams kept in memory at their revision, so a hot stream is not read and folded whole on
// every command: a refresh reads only the events after the cached revision. The cache is a hint,
// never the truth: handleCommand appends at the cached revision, so a stale entry (another replica
// wrote) costs a conflict and a refresh, and a decision that writes nothing or refuses is taken
// again on a refreshed entry before it is believed.
import { decodeEvent, type DomainEvent } from './codec';
import type { Decider } from './decider';
import type { EventStorePort, StoredEvent } from './ports';

export interface StreamView<State> {
  state: State;
  /** The stream's last revision folded into `state` (-1n: no event yet). */
  revision: bigint;
}

export interface StreamCacheOptions<Event, State> {
  /** Streams kept (least recently used ones are dropped first); default 10 000. */
  maxStreams?: number;
  /** Decodes a stored event (default: the protobuf codec). */
  decode?: (stored: StoredEvent) => Event;
  /**
   * Where a cold stream starts instead of its first event (a snapshot): the state at a revision,
   * or undefined to fold from the start.
   */
  start?: (stream: string) => Promise<StreamView<State> | undefined>;
  /**
   * Take a stream that is not cached as new, without reading it (streams named after a fresh id,
   * e.g. one per order): its first decision is appended with no_stream, and if the stream exists
   * after all the append conflicts and the stream is read.
   */
  assumeNew?: boolean;
  /** Called after each refresh with how many events it folded (e.g. to take a snapshot). */
  onRefresh?: (stream: string, view: StreamView<State>, folded: number) => void;
}

/**
 * The decider's `evolve` may update the state in place (it is only ever applied to a cached state
 * with events the store has committed, in revision order); `decide` must not change it.
 */
export class StreamCache<Event extends DomainEvent, State> {
  private readonly entries = new Map<string, StreamView<State>>();
  private readonly refreshing = new Map<string, Promise<StreamView<State>>>();
  private readonly maxStreams: number;
  private readonly decode: (stored: StoredEvent) => Event;

  /**
   * `store`: where refreshes read by default; undefined when every call brings its own (e.g. a
   * store per incoming call, cancelled with it): then refresh needs `via`.
   */
  constructor(
    private readonly store: EventStorePort | undefined,
    private readonly decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
    private readonly options: StreamCacheOptions<Event, State> = {},
  ) {
    this.maxStreams = options.maxStreams ?? 10_000;
    this.decode = options.decode ?? ((e) => decodeEvent<Event>(e));
  }

  get size(): number {
    return this.entries.size;
  }

  /** The cached view (possibly stale), or undefined when the stream is not cached. */
  peek(stream: string): StreamView<State> | undefined {
    const view = this.entries.get(stream);
    if (view) {
      // Least recently used first: touching moves the entry to the end.
      this.entries.delete(stream);
      this.entries.set(stream, view);
    }
    return view;
  }

  /** The view to decide on first: the cached one, or (assumeNew) an empty one; undefined: read it. */
  guess(stream: string): StreamView<State> | undefined {
    return this.peek(stream) ?? (this.options.assumeNew ? { state: this.decider.initialState(), revision: -1n } : undefined);
  }

  /**
   * The stream as the store has it now: the cached view caught up with the events after it.
   * `via`: the store to read through for this call (e.g. one cancelled with its caller); reads
   * through the cache's own store are shared by concurrent refreshes of a stream.
   */
  refresh(stream: string, via?: EventStorePort): Promise<StreamView<State>> {
    if (via && via !== this.store) return this.catchUp(stream, via);
    const store = this.store;
    if (!store) return Promise.reject(new Error('StreamCache.refresh: this cache has no store of its own; pass `via`'));
    let running = this.refreshing.get(stream);
    if (!running) {
      running = this.catchUp(stream, store).finally(() => this.refreshing.delete(stream));
      this.refreshing.set(stream, running);
    }
    return running;
  }

  /** The view after this process appended `events` at `view.revision` (the append succeeded). */
  applied(stream: string, from: StreamView<State>, events: readonly Event[], revision: bigint): StreamView<State> {
    const current = this.entries.get(stream);
    // Only a newer view replaces the cached one; `from` is the cached view or a fresher copy of it.
    if (current && current.revision !== from.revision) {
      if (current.revision >= revision) return current;
      this.entries.delete(stream);
    }
    let state = from.state;
    for (const e of events) state = this.decider.evolve(state, e);
    const view = { state, revision };
    this.put(stream, view);
    return view;
  }

  /** Forgets a stream (e.g. after an error that leaves its cached state in doubt). */
  forget(stream: string): void {
    this.entries.delete(stream);
  }

  private async catchUp(stream: string, store: EventStorePort): Promise<StreamView<State>> {
    let base = this.entries.get(stream);
    if (!base) base = (await this.options.start?.(stream)) ?? { state: this.decider.initialState(), revision: -1n };
    const events = await store.readStream(stream, { fromRevision: base.revision + 1n });
    // An append by this process may have moved the entry on while we read: fold onto the newest.
    const now = this.entries.get(stream);
    if (now && now.revision > base.revision) base = now;
    let { state, revision } = base;
    let folded = 0;
    for (const e of events) {
      if (e.revision <= revision) continue;
      state = this.decider.evolve(state, this.decode(e));
      revision = e.revision;
      folded++;
    }
    const view = { state, revision };
    this.put(stream, view);
    this.options.onRefresh?.(stream, view, folded);
    return view;
  }

  private put(stream: string, view: StreamView<State>): void {
    this.entries.delete(stream);
    this.entries.set(stream, view);
    while (this.entries.size > this.maxStreams) this.entries.delete(this.entries.keys().next().value!);
  }
}
