// gRPC handlers of mercato.eventstore.v1.EventStoreService: validate → call the store → answer.
// Store errors become statuses in api/errors.ts (details in grpc-status-details-bin).
import { randomUUID } from 'node:crypto';
import type { AsyncHandlers, CallContext, ServeOptions } from '@mercato/kit';
import type { EventStoreServiceHandlers } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import type { SubscribeRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/SubscribeRequest';
import type { SubscribeResponse } from '@mercato/protos/gen/mercato/eventstore/v1/SubscribeResponse';
import type { GetStreamMetadataRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/GetStreamMetadataRequest';
import type { DeleteStreamRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/DeleteStreamRequest';
import type { TombstoneStreamRequest__Output } from '@mercato/protos/gen/mercato/eventstore/v1/TombstoneStreamRequest';
import { START, StreamNotFoundError, type EventStore, type Position, type ReadAllOptions, type SubscribeOptions, type SubscriptionMessage } from './store';
import { DEFAULT_CONTENT_TYPE, fromProtoExpected, fromProtoFilter, fromProtoPosition, toProtoEvent, toProtoPosition } from './api/convert';
import { toGrpcError, type Access } from './api/errors';
import * as validate from './api/validate';

export const EVENTSTORE_SERVICE = 'mercato.eventstore.v1.EventStoreService';
const DEFAULT_CHECKPOINT_INTERVAL_MS = 1000;
const TICK = Symbol('tick');
/** Event data per batched Subscribe message, well inside the default 4 MiB message limit. */
const BATCH_BYTES = 1024 * 1024;

type Handlers = AsyncHandlers<EventStoreServiceHandlers>;

/** Runs a store call, turning its typed errors into gRPC statuses. */
async function mapped<T>(access: Access, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    throw toGrpcError(err, access);
  }
}

export function eventStoreHandlers(store: EventStore): Handlers {
  return {
    Append: (req) =>
      mapped('write', async () => {
        const result = await store.append(
          req.stream,
          req.events.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata, contentType: e.contentType || DEFAULT_CONTENT_TYPE })),
          fromProtoExpected(req.expectedRevision),
        );
        return { nextExpectedRevision: result.nextExpectedRevision.toString(), position: toProtoPosition(result.position) };
      }),

    ReadStream: (req) =>
      mapped('read', async () => {
        const forwards = req.direction !== 'READ_DIRECTION_BACKWARDS';
        const max = validate.maxCount(req.maxCount);
        const from = req.from === 'revision' ? BigInt(req.revision!) : req.from === 'start' ? 'start' : req.from === 'end' ? 'end' : forwards ? 'start' : 'end';
        // One extra event tells whether the read reached the end without a second query.
        const page = await store.readStreamPage(req.stream, { direction: forwards ? 'forwards' : 'backwards', fromRevision: from, maxCount: max + 1 });
        const events = page.events;
        const endOfStream = events.length <= max;
        if (!endOfStream) events.length = max;
        const last = forwards && endOfStream ? events[events.length - 1] : !forwards && from === 'end' ? events[0] : undefined;
        const head = last ? last.revision : (page.lastRevision ?? (await lastRevision(store, req.stream)));
        return { events: events.map(toProtoEvent), endOfStream, lastRevision: head.toString() };
      }),

    ReadAll: (req) =>
      mapped('read', async () => {
        const forwards = req.direction !== 'READ_DIRECTION_BACKWARDS';
        const max = validate.maxCount(req.maxCount);
        const filter = fromProtoFilter(req.filter);
        // The proto's position is inclusive; the store reads after (or before) a position.
        const options: ReadAllOptions = {
          direction: forwards ? 'forwards' : 'backwards',
          maxCount: max,
          fromPosition: req.from === 'position' ? step(fromProtoPosition(req.position!), forwards ? -1n : 1n) : req.from === 'start' ? 'start' : req.from === 'end' ? 'end' : forwards ? 'start' : 'end',
          ...(filter ? { filter } : {}),
        };
        const page = await store.readAllPage(options);
        return {
          events: page.events.map(toProtoEvent),
          nextPosition: toProtoPosition(step(page.checkpoint, forwards ? 1n : -1n)),
          endOfAll: page.reachedEnd,
        };
      }),

    Subscribe: (req, ctx) => subscribe(store, req, ctx),

    GetStreamMetadata: (req) =>
      mapped('read', async () => {
        const m = await store.getStreamMetadata(req.stream);
        const set = m.maxCount !== undefined || m.maxAgeSeconds !== undefined;
        return {
          metadata: {
            ...(m.maxCount !== undefined ? { maxCount: String(m.maxCount) } : {}),
            ...(m.maxAgeSeconds !== undefined ? { maxAgeSeconds: String(m.maxAgeSeconds) } : {}),
          },
          // The store keeps no metadata history: 0 once limits were set, unset otherwise.
          ...(set ? { metadataRevision: '0' } : {}),
        };
      }),

    SetStreamMetadata: (req) =>
      mapped('write', async () => {
        const m = req.metadata;
        await store.setStreamMetadata(req.stream, {
          ...(m?._maxCount === 'maxCount' && m.maxCount !== undefined ? { maxCount: Number(m.maxCount) } : {}),
          ...(m?._maxAgeSeconds === 'maxAgeSeconds' && m.maxAgeSeconds !== undefined ? { maxAgeSeconds: Number(m.maxAgeSeconds) } : {}),
        });
        return { metadataRevision: '0' };
      }),

    DeleteStream: (req) =>
      mapped('write', async () => {
        await store.deleteStream(req.stream, fromProtoExpected(req.expectedRevision));
        return {};
      }),

    TombstoneStream: (req) =>
      mapped('write', async () => {
        await store.tombstoneStream(req.stream, fromProtoExpected(req.expectedRevision));
        return {};
      }),
  };
}

/** Request validation for kit.serve: limits come from the store (and so from the settings). */
export function eventStoreValidation(store: EventStore): ServeOptions<EventStoreServiceHandlers>['validate'] {
  const limits = store.limits;
  return {
    Append: (req) => validate.appendRequest(req, limits),
    ReadStream: (req) => validate.readStreamRequest(req, limits),
    ReadAll: (req) => validate.readAllRequest(req, limits),
    Subscribe: (req) => validate.subscribeRequest(req, limits),
    GetStreamMetadata: (req: GetStreamMetadataRequest__Output) => void validate.streamName(req.stream, limits),
    SetStreamMetadata: (req) => validate.metadataRequest(req, limits),
    DeleteStream: (req: DeleteStreamRequest__Output) => {
      validate.streamName(req.stream, limits);
      validate.expectedRevision(req.expectedRevision);
    },
    TombstoneStream: (req: TombstoneStreamRequest__Output) => {
      validate.streamName(req.stream, limits);
      validate.expectedRevision(req.expectedRevision);
    },
  };
}

/** Moves a position by one prepare step, clamped at the start of $all. */
function step(p: Position, by: bigint): Position {
  const prepare = p.prepare + by;
  return prepare < 0n ? START : { commit: p.commit, prepare };
}

async function lastRevision(store: EventStore, stream: string): Promise<bigint> {
  const [last] = await store.readStream(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 1 });
  if (!last) throw new StreamNotFoundError(stream);
  return last.revision;
}

/**
 * Catch-up then live, with a checkpoint after checkpoint_interval_ms without a message. Ends when
 * the caller cancels (ctx.signal aborts the store's subscription).
 */
async function* subscribe(store: EventStore, req: SubscribeRequest__Output, ctx: CallContext): AsyncGenerator<SubscribeResponse> {
  const interval = req.checkpointIntervalMs || DEFAULT_CHECKPOINT_INTERVAL_MS;
  const batchSize = req.maxBatchSize;
  let position: Position = START;
  // Stream subscriptions: the last revision passed (undefined before the first one is known).
  let revision: bigint | undefined;
  let options: SubscribeOptions;
  try {
    if (req.target === 'all') {
      const all = req.all!;
      if (all.from === 'afterPosition') position = fromProtoPosition(all.afterPosition!);
      // Resolve "end" here so heartbeats carry a real position from the first one.
      else if (all.from === 'end') position = (await store.readAllPage({ fromPosition: 'end' })).checkpoint;
      const filter = fromProtoFilter(all.filter);
      options = { to: { kind: 'all', from: position }, signal: ctx.signal, ...(filter ? { filter } : {}) };
    } else {
      const s = req.stream!;
      if (s.from === 'afterRevision') revision = BigInt(s.afterRevision!);
      else if (s.from === 'end') revision = await lastRevision(store, s.stream).catch((err: unknown) => (err instanceof StreamNotFoundError ? undefined : Promise.reject(err)));
      options = {
        to: { kind: 'stream', stream: s.stream, fromRevision: revision ?? 'start' },
        signal: ctx.signal,
        ...(s.eventTypes.length > 0 ? { filter: { eventTypes: s.eventTypes } } : {}),
      };
    }
  } catch (err) {
    throw toGrpcError(err, 'read');
  }

  const iterator = store.subscribe(options)[Symbol.asyncIterator]();
  yield { confirmation: { subscriptionId: randomUUID() } };
  const mark = () => ({ position: toProtoPosition(position), streamRevision: (revision ?? 0n).toString() });
  let pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;
  try {
    for (;;) {
      pending ??= iterator.next();
      let timer: NodeJS.Timeout | undefined;
      const tick = new Promise<typeof TICK>((resolve) => (timer = setTimeout(() => resolve(TICK), interval)));
      const next = await Promise.race([pending, tick]).finally(() => clearTimeout(timer));
      if (next === TICK) {
        // A stream subscription before its first event has no revision to report yet.
        if (req.target === 'all' || revision !== undefined) yield { checkpoint: mark() };
        continue;
      }
      pending = undefined;
      if (next.done) return;
      let message = next.value;
      if (message.kind === 'event' && batchSize > 1) {
        // Take whatever else is ready now (a catch-up page, a burst) into one message.
        const batch = [toProtoEvent(message.event)];
        let bytes = message.event.data.byteLength;
        position = message.event.position;
        revision = message.event.revision;
        let after: SubscriptionMessage | undefined;
        while (batch.length < batchSize && bytes < BATCH_BYTES) {
          pending = iterator.next();
          const ready = await Promise.race([pending, new Promise<typeof TICK>((resolve) => setImmediate(resolve, TICK))]);
          if (ready === TICK) break;
          pending = undefined;
          if (ready.done) break;
          if (ready.value.kind !== 'event') {
            after = ready.value;
            break;
          }
          batch.push(toProtoEvent(ready.value.event));
          bytes += ready.value.event.data.byteLength;
          position = ready.value.event.position;
          revision = ready.value.event.revision;
        }
        yield batch.length === 1 ? { event: batch[0]! } : { events: { events: batch } };
        if (!after) continue;
        message = after;
      }
      if (message.kind === 'event') {
        position = message.event.position;
        revision = message.event.revision;
        yield { event: toProtoEvent(message.event) };
      } else if (message.kind === 'checkpoint') {
        position = message.position;
        yield { checkpoint: mark() };
      } else yield { caughtUp: mark() };
    }
  } catch (err) {
    throw toGrpcError(err, 'read');
  } finally {
    // Cancellation aborts the store's subscription; this also frees it when we stop early.
    void iterator.return?.(undefined).catch(() => undefined);
  }
}
