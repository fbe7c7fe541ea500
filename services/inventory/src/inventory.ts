// The imperative shell around the two deciders: an order's reservation spans one stock stream per
// line plus its record ("reservation-<order_id>"). The record is written first (the lines, then
// each decision) and the stock streams follow it, every step idempotent, so any call repeated
// after a crash part-way carries the recorded state through to all reserved or all released.
//
// Both kinds of stream are folded once and kept in memory (StreamCache): a decision is taken on the
// cached state and appended at its revision, so a hot stock stream is never read whole again; only
// the events after the cached revision are read, when the entry is cold, stale (the append
// conflicted) or a decision writes nothing or refuses (it is then taken again on the fresh state).
// A cold stock stream starts from its latest snapshot (snapshots.ts).
import { DomainError, FailedPreconditionError, ConcurrencyConflictError, handleCommand, StreamCache, type EventStorePort, type HandleResult, type StreamView } from '@mercato/eventsourcing';
import type { OrderLineEvent, StockEvent } from './domain/events';
import { byProduct, normalizeLines, type Line, type Shortage } from './domain/lines';
import { reservationDecider, type ReservationCommand, type ReservationState } from './domain/reservation';
import { available, holdOf, stockDecider, type StockCommand, type StockState } from './domain/stock';
import { StockSnapshots } from './snapshots';

export const stockStream = (productId: string): string => `stock-${productId}`;
export const reservationStream = (orderId: string): string => `reservation-${orderId}`;

export interface StockLevel {
  productId: string;
  onHand: number;
  reserved: number;
  available: number;
  /** Revision of the stock stream's last event; 0 when the product never had stock. */
  revision: bigint;
}

export type ReservationOutcome = 'reserved' | 'rejected' | 'released' | 'committed';

export interface ReservationView {
  orderId: string;
  status: ReservationOutcome;
  lines: Line[];
  /** Only when rejected. */
  shortages: Shortage[];
}

/** Who asked: recorded in the events' metadata. */
export interface Caller {
  userId?: string;
}

export interface InventoryOptions {
  now?: () => Date;
  /** Stock streams one call works on at once (release, commit, replenish, reads). */
  concurrency?: number;
  /** Load-decide-append attempts on a contended stream before answering ABORTED. */
  maxAttempts?: number;
  /** Stock streams and reservation records kept folded in memory (each; default 10 000). */
  cachedStreams?: number;
  /** Events folded between two snapshots of a stock stream, at least (default 1000). */
  snapshotEvery?: number;
  /** Errors the inventory recovers from (a snapshot that could not be read or written). */
  onError?: (err: unknown) => void;
}

/** A command id per (action, key...): event ids derive from it, so a repeated append writes nothing. */
const commandId = (...parts: string[]): string => JSON.stringify(['inventory', ...parts]);

export class Inventory {
  private readonly now: () => Date;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly stocks: StreamCache<StockEvent, StockState>;
  private readonly reservations: StreamCache<OrderLineEvent, ReservationState>;
  private readonly snapshots: StockSnapshots;

  constructor(
    private readonly store: EventStorePort,
    options: InventoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.concurrency = options.concurrency ?? 16;
    // A best-selling product is one hot stream: many orders may race for it at once.
    this.maxAttempts = options.maxAttempts ?? 50;
    const maxStreams = options.cachedStreams ?? 10_000;
    this.snapshots = new StockSnapshots(store, { ...(options.snapshotEvery ? { minEvents: options.snapshotEvery } : {}), ...(options.onError ? { onError: options.onError } : {}) });
    this.stocks = new StreamCache(store, stockDecider, {
      maxStreams,
      start: (stream) => this.snapshots.load(productOf(stream)),
      onRefresh: (stream, view) => this.snapshots.maybeSave(productOf(stream), view),
    });
    // A reservation record is named after its order: usually new when first asked for.
    this.reservations = new StreamCache(store, reservationDecider, { maxStreams, assumeNew: true });
  }

  /** Answered from the store as it is now (the cached folds caught up), not from memory alone. */
  async levels(productIds: readonly string[]): Promise<StockLevel[]> {
    return mapLimit(productIds, this.concurrency, async (productId) => {
      const { state, revision } = await this.loadStock(productId);
      return level(productId, state, revision);
    });
  }

  /** Adds each line's units once per replenishment id; `added` counts the lines that wrote. */
  async replenish(replenishmentId: string, lines: readonly Line[], caller: Caller = {}): Promise<{ levels: StockLevel[]; added: number }> {
    let added = 0;
    const levels = await mapLimit(normalizeLines(lines), this.concurrency, async ({ productId, quantity }) => {
      const r = await this.decideStock(productId, { type: 'Replenish', data: { productId, replenishmentId, quantity, now: this.now() } }, commandId('replenish', replenishmentId, productId), caller, replenishmentId);
      if (r.events.length > 0 && !r.replayed) added++;
      return level(productId, r.state, r.nextExpectedRevision);
    });
    return { levels, added };
  }

  /** All lines or none; a repeat answers the recorded outcome and never reserves anew. */
  async reserve(orderId: string, lines: readonly Line[], caller: Caller = {}): Promise<ReservationView> {
    const opened = await this.decideReservation(orderId, { type: 'Open', data: { orderId, lines: [...lines], now: this.now() } }, caller);
    return this.settle(orderId, opened, caller);
  }

  /** Gives back whatever the order holds; an order holding nothing answers released, writing nothing. */
  async release(orderId: string, caller: Caller = {}): Promise<ReservationView> {
    const decided = await this.decideReservation(orderId, { type: 'Release', data: { orderId, now: this.now() } }, caller);
    const view = await this.settle(orderId, decided, caller);
    // A rejected order holds nothing either.
    return view.status === 'rejected' ? { ...view, status: 'released', shortages: [] } : view;
  }

  /** Ships the reserved units: only when every line is held, and only once. */
  async commit(orderId: string, caller: Caller = {}): Promise<ReservationView> {
    try {
      return await this.commitOn(orderId, caller, false);
    } catch (err) {
      // Refused on what this process remembered: ask again on the streams as they are now.
      if (!(err instanceof DomainError)) throw err;
      return this.commitOn(orderId, caller, true);
    }
  }

  private async commitOn(orderId: string, caller: Caller, fresh: boolean): Promise<ReservationView> {
    const current = fresh ? await this.loadReservation(orderId) : (this.reservations.peek(reservationStream(orderId))?.state ?? (await this.loadReservation(orderId)));
    // What the stock streams hold goes into the decision, taken on the record at its revision.
    const held = current.status === 'open' ? await this.heldLines(orderId, current.lines, fresh) : [];
    const decided = await this.decideReservation(orderId, { type: 'Commit', data: { orderId, held, now: this.now() } }, caller);
    return this.settle(orderId, decided, caller);
  }

  /** Brings the stock streams in line with the record, then answers from it. */
  private async settle(orderId: string, r: ReservationState, caller: Caller): Promise<ReservationView> {
    switch (r.status) {
      case 'none':
        return { orderId, status: 'released', lines: [], shortages: [] };
      case 'open':
        return this.reserveLines(orderId, r, caller);
      case 'rejected': {
        // Lines after the refused one were never touched; the ones before it were reserved.
        const refused = r.shortages[0]!;
        await this.releaseLines(orderId, r.lines.filter((l) => byProduct(l, refused) < 0), caller);
        return { orderId, status: 'rejected', lines: r.lines, shortages: r.shortages };
      }
      case 'released':
        await this.releaseLines(orderId, r.lines, caller);
        return { orderId, status: 'released', lines: r.lines, shortages: [] };
      case 'committed':
        await mapLimit(r.lines, this.concurrency, ({ productId }) => this.commitLine(orderId, productId, caller));
        return { orderId, status: 'committed', lines: r.lines, shortages: [] };
    }
  }

  /** One line after the other in product order, stopping at the first that is short. */
  private async reserveLines(orderId: string, r: ReservationState, caller: Caller): Promise<ReservationView> {
    for (const [i, line] of r.lines.entries()) {
      const { productId, quantity } = line;
      const { state } = await this.decideStock(productId, { type: 'Reserve', data: { productId, orderId, quantity, now: this.now() } }, commandId('reserve', orderId, productId), caller, orderId);
      const hold = holdOf(state, orderId);
      switch (hold?.status) {
        case 'reserved':
          continue;
        case 'rejected': {
          const shortages = [{ productId, requested: hold.requested, available: hold.available }, ...(await this.shortages(r.lines.slice(i + 1)))];
          const decided = await this.decideReservation(orderId, { type: 'Reject', data: { orderId, shortages, now: this.now() } }, caller);
          return this.settle(orderId, decided, caller);
        }
        default: {
          // Released or committed here: only a decision on the record does that, so carry it out.
          const current = await this.loadReservation(orderId);
          if (current.status === 'open') throw new ConcurrencyConflictError(reservationStream(orderId), `${productId} is ${hold?.status ?? 'not held'} while the reservation is open`);
          return this.settle(orderId, current, caller);
        }
      }
    }
    return { orderId, status: 'reserved', lines: r.lines, shortages: [] };
  }

  private async releaseLines(orderId: string, lines: readonly Line[], caller: Caller): Promise<void> {
    await mapLimit(lines, this.concurrency, ({ productId }) =>
      this.decideStock(productId, { type: 'Release', data: { productId, orderId, now: this.now() } }, commandId('release', orderId, productId), caller, orderId),
    );
  }

  /** The lines that are short right now (read only: reported beside the refused line). */
  private async shortages(lines: readonly Line[]): Promise<Shortage[]> {
    const found = await mapLimit(lines, this.concurrency, async ({ productId, quantity }) => {
      const left = available((await this.loadStock(productId)).state);
      return left < quantity ? [{ productId, requested: quantity, available: left }] : [];
    });
    return found.flat();
  }

  /**
   * The lines whose units are reserved (or already committed) for the order on their streams, as
   * this process last saw them (`fresh`: as the store has them now). A line seen as not held only
   * makes the commit refuse, and a refusal is asked again fresh (commit).
   */
  private async heldLines(orderId: string, lines: readonly Line[], fresh: boolean): Promise<Line[]> {
    const held = await mapLimit(lines, this.concurrency, async (line) => {
      const cached = fresh ? undefined : this.stocks.peek(stockStream(line.productId));
      const status = holdOf((cached ?? (await this.loadStock(line.productId))).state, orderId)?.status;
      return status === 'reserved' || status === 'committed' ? [line] : [];
    });
    return held.flat();
  }

  /**
   * Carries a committed record out on one stock stream. A hold the stream no longer knows was
   * committed and forgotten long ago (HOLD_MEMORY_MS): the record's commit was decided on every
   * line being held, and after it a hold can only become committed, never released.
   */
  private async commitLine(orderId: string, productId: string, caller: Caller): Promise<void> {
    try {
      await this.decideStock(productId, { type: 'Commit', data: { productId, orderId, now: this.now() } }, commandId('commit', orderId, productId), caller, orderId);
    } catch (err) {
      const stock = this.stocks.peek(stockStream(productId))?.state;
      if (err instanceof FailedPreconditionError && stock && !holdOf(stock, orderId) && stock.forgotten > 0) return;
      throw err;
    }
  }

  private async loadStock(productId: string): Promise<StreamView<StockState>> {
    return this.stocks.refresh(stockStream(productId));
  }

  private async loadReservation(orderId: string): Promise<ReservationState> {
    return (await this.reservations.refresh(reservationStream(orderId))).state;
  }

  private async decideStock(productId: string, command: StockCommand, id: string, caller: Caller, correlationId: string): Promise<HandleResult<StockEvent, StockState>> {
    const stream = stockStream(productId);
    const r = await handleCommand(this.store, stockDecider, stream, command, { commandId: id, correlationId, maxAttempts: this.maxAttempts, cache: this.stocks, ...user(caller) });
    this.snapshots.maybeSave(productId, { state: r.state, revision: r.nextExpectedRevision });
    return r;
  }

  private async decideReservation(orderId: string, command: ReservationCommand, caller: Caller): Promise<ReservationState> {
    // Other lines under the same order must reach the decider (and be refused), not replay the first.
    const id = command.type === 'Open' ? commandId('open', orderId, JSON.stringify(normalizeLines(command.data.lines))) : commandId(command.type.toLowerCase(), orderId);
    const r = await handleCommand(this.store, reservationDecider, reservationStream(orderId), command, { commandId: id, correlationId: orderId, maxAttempts: this.maxAttempts, cache: this.reservations, ...user(caller) });
    return r.state;
  }
}

const productOf = (stream: string): string => stream.slice('stock-'.length);

const user = (caller: Caller): { userId?: string } => (caller.userId ? { userId: caller.userId } : {});

function level(productId: string, s: StockState, revision: bigint): StockLevel {
  return { productId, onHand: s.onHand, reserved: s.reserved, available: available(s), revision: revision < 0n ? 0n : revision };
}

/**
 * fn over the items, at most `limit` at a time, results in item order. After a failure no new item
 * starts, and the first error is thrown once the running ones finished: nothing outlives the call.
 */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
  return out;
}
