// Catch-up-then-live subscriptions. A subscription is a pull loop over the same read the catch-up
// uses: wake-ups (in-process appends, NOTIFY from other replicas, a timeout) only say "read again".
// The consumer pulls, so nothing is buffered beyond one page (backpressure for free).
import type { Database } from '@mercato/db';
import { InvalidArgumentError } from './errors';
import { checkStreamName, type Limits } from './limits';
import { START, comparePositions } from './position';
import { committedHead, readAllPage, readStreamAfter, visibleHead } from './reads';
import { backoffMs, sleep } from './retry';
import type { EventFilter, Position, RecordedEvent, SubscribeOptions, SubscriptionMessage } from './types';

/** What one group commit wrote: the position of its last event, and each event's stream and type. */
export interface LocalCommit {
  last: Position;
  events: ReadonlyArray<{ stream: string; type: string }>;
}

/**
 * Wakes one waiting subscription; a wake that arrives while it is reading is not lost. A local
 * commit wakes it only when one of the commit's events passes its filter: a subscription re-reads
 * for what it can deliver, not for every append in the store (its position still advances past
 * the others on the next read or poll). Wake-ups from elsewhere (other replicas) always wake.
 */
export class Waker {
  private pending = false;
  private release: (() => void) | undefined;
  /** The newest local commit this subscription has to deliver something from. */
  lastRelevant: Position = START;

  constructor(private readonly wants?: (stream: string, type: string) => boolean) {}

  committed(commit: LocalCommit): void {
    const wants = this.wants;
    if (wants && !commit.events.some((e) => wants(e.stream, e.type))) return;
    if (comparePositions(commit.last, this.lastRelevant) > 0) this.lastRelevant = commit.last;
    this.wake();
  }

  wake(): void {
    this.pending = true;
    this.release?.();
  }

  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (this.pending || signal.aborted) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.release = undefined;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.release = done;
    });
  }
}

export interface SubscriptionContext {
  db: Database;
  limits: Limits;
  pollIntervalMs: number;
  batchSize: number;
  /** Resolves once the store LISTENs for other replicas' wake-ups (retrying until aborted). */
  ensureListening(signal: AbortSignal): Promise<void>;
  register(waker: Waker): () => void;
  report(err: unknown): void;
}

export async function* subscribe(ctx: SubscriptionContext, options: SubscribeOptions): AsyncGenerator<SubscriptionMessage, void, undefined> {
  const { signal } = options;
  const checkpointEvery = options.checkpointEvery ?? 0;
  if (!Number.isSafeInteger(checkpointEvery) || checkpointEvery < 0) throw new InvalidArgumentError('checkpointEvery', 'must be a non-negative integer');
  if (options.to.kind === 'stream') checkStreamName(options.to.stream, ctx.limits, 'to.stream');
  const waker = new Waker(interest(options));
  const unregister = ctx.register(waker);
  try {
    // LISTEN before the first read, so a commit between the read and the wait still wakes us.
    await ctx.ensureListening(signal);
    if (options.to.kind === 'all') yield* subscribeAll(ctx, options.to.from, options.filter, checkpointEvery, waker, signal);
    else yield* subscribeStream(ctx, options.to.stream, options.to.fromRevision, options.filter, waker, signal);
  } finally {
    unregister();
  }
}

/** Which committed events a subscription can deliver (undefined: all of them). */
function interest(options: SubscribeOptions): ((stream: string, type: string) => boolean) | undefined {
  const prefixes = options.filter?.streamPrefixes?.length ? options.filter.streamPrefixes : undefined;
  const types = options.filter?.eventTypes?.length ? new Set(options.filter.eventTypes) : undefined;
  const target = options.to.kind === 'stream' ? options.to.stream : undefined;
  if (!prefixes && !types && target === undefined) return undefined;
  return (stream, type) =>
    (target === undefined || stream === target) && (!types || types.has(type)) && (!prefixes || prefixes.some((p) => stream.startsWith(p)));
}

/** Retries a read until it succeeds or the subscription is aborted (then undefined). */
async function retrying<T>(ctx: SubscriptionContext, signal: AbortSignal, read: () => Promise<T>): Promise<T | undefined> {
  for (let attempt = 0; !signal.aborted; attempt++) {
    try {
      return await read();
    } catch (err) {
      if (err instanceof InvalidArgumentError) throw err;
      ctx.report(err);
      await sleep(100 + backoffMs(attempt, 100, 2_000), signal);
    }
  }
  return undefined;
}

async function* subscribeAll(
  ctx: SubscriptionContext,
  from: Position | 'start' | 'end' | undefined,
  filter: EventFilter | undefined,
  checkpointEvery: number,
  waker: Waker,
  signal: AbortSignal,
): AsyncGenerator<SubscriptionMessage, void, undefined> {
  let position: Position;
  if (from === 'end') {
    const head = await retrying(ctx, signal, () => visibleHead(ctx.db));
    if (!head) return;
    position = head;
  } else position = from === undefined || from === 'start' ? START : from;
  const filtered = !!(filter && (filter.streamPrefixes || filter.eventTypes));
  const caughtUpAt = await retrying(ctx, signal, () => committedHead(ctx.db));
  if (!caughtUpAt) return;
  let caughtUp = false;
  let sinceCheckpoint = 0;
  let quickRetries = 0;
  while (!signal.aborted) {
    const page = await retrying(ctx, signal, () => readAllPage(ctx.db, { fromPosition: position, maxCount: ctx.batchSize, ...(filter ? { filter } : {}) }));
    if (!page) return;
    for (const event of page.events) {
      if (signal.aborted) return;
      yield { kind: 'event', event };
      position = event.position;
      if (checkpointEvery > 0 && ++sinceCheckpoint >= checkpointEvery) {
        sinceCheckpoint = 0;
        yield { kind: 'checkpoint', position };
      }
    }
    if (comparePositions(page.checkpoint, position) > 0) {
      position = page.checkpoint;
      // Heartbeat: the filter dropped a whole page; tell the consumer how far we got.
      if (filtered && page.events.length === 0) yield { kind: 'checkpoint', position };
    }
    if (page.events.length > 0) quickRetries = 0;
    if (!page.reachedEnd) continue;
    if (!caughtUp && comparePositions(position, caughtUpAt) >= 0) {
      caughtUp = true;
      yield { kind: 'caught_up' };
    }
    // A local commit with events for us that we cannot see yet is held back by an older
    // transaction still running: look again soon instead of waiting for the next wake-up.
    const behind = comparePositions(waker.lastRelevant, position) > 0;
    const delay = behind ? Math.min(ctx.pollIntervalMs, 2 ** Math.min(quickRetries++, 10)) : ctx.pollIntervalMs;
    await waker.wait(delay, signal);
  }
}

async function* subscribeStream(
  ctx: SubscriptionContext,
  stream: string,
  fromRevision: bigint | 'start' | 'end' | undefined,
  filter: EventFilter | undefined,
  waker: Waker,
  signal: AbortSignal,
): AsyncGenerator<SubscriptionMessage, void, undefined> {
  let after: bigint;
  if (fromRevision === 'end') {
    const head = await retrying(ctx, signal, async () => {
      const { rows } = await ctx.db.query<{ revision: string }>(`SELECT revision::text AS revision FROM es_streams WHERE stream = $1`, [stream]);
      return rows[0] ? BigInt(rows[0].revision) : -1n;
    });
    if (head === undefined) return;
    after = head;
  } else if (fromRevision === undefined || fromRevision === 'start') after = -1n;
  else if (typeof fromRevision === 'bigint' && fromRevision >= 0n) after = fromRevision;
  else throw new InvalidArgumentError('to.fromRevision', "must be a revision >= 0, 'start' or 'end'");
  const keep = (e: RecordedEvent): boolean =>
    (!filter?.eventTypes || filter.eventTypes.includes(e.type)) && (!filter?.streamPrefixes || filter.streamPrefixes.some((p) => e.stream.startsWith(p)));
  let caughtUp = false;
  while (!signal.aborted) {
    const events = await retrying(ctx, signal, () => readStreamAfter(ctx.db, stream, after, ctx.batchSize));
    if (!events) return;
    for (const event of events) {
      if (signal.aborted) return;
      if (keep(event)) yield { kind: 'event', event };
      after = event.revision;
    }
    if (events.length >= ctx.batchSize) continue;
    if (!caughtUp) {
      caughtUp = true;
      yield { kind: 'caught_up' };
    }
    await waker.wait(ctx.pollIntervalMs, signal);
  }
}
