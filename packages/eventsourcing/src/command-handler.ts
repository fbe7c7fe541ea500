// load (fold the stream) → decide → append with the loaded revision; on a conflict, again.
import { commandEventId, decodeEvent, encodeEvent, eventIds, type DomainEvent } from './codec';
import { fold, type Decider } from './decider';
import { ConcurrencyConflictError } from './errors';
import { eventMetadata, type MetadataInput } from './metadata';
import type { EventStorePort, ExpectedRevision, Position, StoredEvent } from './ports';
import type { StreamCache, StreamView } from './stream-cache';

export interface HandleOptions<State = never, Event extends DomainEvent = never> extends Omit<MetadataInput, 'commandId'> {
  /** The command's idempotency key: a retried command with the same id writes nothing new. */
  commandId?: string;
  /** Load-decide-append attempts before a conflict is given up as ConcurrencyConflictError (default 5). */
  maxAttempts?: number;
  /**
   * The stream as the caller already loaded it (state and last revision, -1n for none): the first
   * attempt decides on it without reading the stream again. A stale one only costs a conflict and
   * a normal retry. Not with `commandId`: replay detection needs the stream's events.
   */
  known?: { state: State; revision: bigint };
  /**
   * Folded streams kept in memory: the command is decided on the cached state and appended at its
   * revision, reading only the stream's new events when the entry is cold or stale (a conflict).
   * A decision that writes nothing or refuses is believed only on a state just caught up. With a
   * cache, a repeated `commandId` is not looked up among the stream's events (they are not read):
   * the decider must see from its state that the command was applied (e.g. a hold already
   * recorded); the id still names the events, so a re-sent batch is not written twice.
   */
  cache?: StreamCache<Event, State>;
}

export interface HandleResult<Event, State> {
  /** The events this command produced (on an idempotent replay: the ones written the first time). */
  events: Event[];
  /** The stream's last revision now (-1n: the stream does not exist, nothing was decided). */
  nextExpectedRevision: bigint;
  /** The state after the events. */
  state: State;
  /** Position of the last event written; undefined when nothing was written. */
  position?: Position;
  /** True when the command had already been applied (same commandId): nothing was written. */
  replayed: boolean;
}

export async function handleCommand<Command, Event extends DomainEvent, State>(
  store: EventStorePort,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Command,
  options: HandleOptions<NoInfer<State>, NoInfer<Event>> = {},
): Promise<HandleResult<Event, State>> {
  const maxAttempts = options.maxAttempts ?? 5;
  const { commandId, maxAttempts: _, known, cache, ...metadataInput } = options;
  if (known && commandId) throw new Error('handleCommand: `known` cannot be combined with `commandId` (replays are found in the stream)');
  if (known && cache) throw new Error('handleCommand: `known` cannot be combined with `cache` (the cache knows the stream)');
  if (cache) return handleCached(store, decider, stream, command, cache, commandId, metadataInput, maxAttempts);
  for (let attempt = 1; ; attempt++) {
    let state: State;
    let head: bigint;
    if (attempt === 1 && known) {
      ({ state, revision: head } = known);
    } else {
      const recorded = await store.readStream(stream);
      state = fold(decider, recorded.map((e) => decodeEvent<Event>(e)));
      head = recorded.length ? recorded[recorded.length - 1]!.revision : -1n;
      if (commandId) {
        const earlier = alreadyApplied(recorded, commandId);
        if (earlier) return { events: earlier.map((e) => decodeEvent<Event>(e)), nextExpectedRevision: head, state, replayed: true };
      }
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, nextExpectedRevision: head, state, replayed: false };
    const metadata = eventMetadata({ ...metadataInput, ...(commandId ? { commandId } : {}) });
    const ids = eventIds(events.length, commandId);
    const expected: ExpectedRevision = head >= 0n ? { kind: 'exact', revision: head } : { kind: 'no_stream' };
    try {
      const r = await store.append(
        stream,
        events.map((e, i) => encodeEvent(e, ids[i]!, metadata)),
        expected,
      );
      return { events, nextExpectedRevision: r.nextExpectedRevision, state: fold(decider, events, state), position: r.position, replayed: false };
    } catch (err) {
      if (!(err instanceof ConcurrencyConflictError) || attempt >= maxAttempts) throw err;
      // Jittered, growing pause so two writers of a hot stream do not collide again in lockstep.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(5 * 2 ** attempt, 100)));
    }
  }
}

/** handleCommand over a StreamCache: decide on the cached view, refresh it on a conflict or a no-op. */
async function handleCached<Command, Event extends DomainEvent, State>(
  store: EventStorePort,
  decider: Decider<Command, Event, State>,
  stream: string,
  command: Command,
  cache: StreamCache<Event, State>,
  commandId: string | undefined,
  metadataInput: Omit<MetadataInput, 'commandId'>,
  maxAttempts: number,
): Promise<HandleResult<Event, State>> {
  let view: StreamView<State> | undefined = cache.guess(stream);
  let fresh = false;
  if (!view) {
    view = await cache.refresh(stream, store);
    fresh = true;
  }
  for (let attempt = 1; ; attempt++) {
    let events: Event[];
    try {
      events = decider.decide(command, view.state);
    } catch (err) {
      if (fresh) throw err;
      view = await cache.refresh(stream, store);
      fresh = true;
      continue;
    }
    if (events.length === 0) {
      if (fresh) return { events, nextExpectedRevision: view.revision, state: view.state, replayed: false };
      view = await cache.refresh(stream, store);
      fresh = true;
      continue;
    }
    const metadata = eventMetadata({ ...metadataInput, ...(commandId ? { commandId } : {}) });
    const ids = eventIds(events.length, commandId);
    const expected: ExpectedRevision = view.revision >= 0n ? { kind: 'exact', revision: view.revision } : { kind: 'no_stream' };
    try {
      const r = await store.append(
        stream,
        events.map((e, i) => encodeEvent(e, ids[i]!, metadata)),
        expected,
      );
      const after = cache.applied(stream, view, events, r.nextExpectedRevision);
      return { events, nextExpectedRevision: r.nextExpectedRevision, state: after.state, position: r.position, replayed: false };
    } catch (err) {
      if (!(err instanceof ConcurrencyConflictError) || attempt >= maxAttempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(5 * 2 ** attempt, 100)));
      view = await cache.refresh(stream, store);
      fresh = true;
    }
  }
}

/** The events a command id already wrote to this stream (ids are derived from it), if any. */
function alreadyApplied(recorded: StoredEvent[], commandId: string): StoredEvent[] | undefined {
  const first = commandEventId(commandId, 0);
  const start = recorded.findIndex((e) => e.id === first);
  if (start < 0) return undefined;
  const out: StoredEvent[] = [];
  for (let i = start; i < recorded.length && recorded[i]!.id === commandEventId(commandId, out.length); i++) out.push(recorded[i]!);
  return out;
}
