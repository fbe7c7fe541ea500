// Snapshots of the stock streams, kept in the event store beside them ("inventory-snapshot-<id>",
// JSON): the folded state and the stock stream revision it covers. A process that has not folded a
// product yet starts from the latest snapshot and reads only the events after it, so starting cold
// costs the same on a stream of a hundred events or of millions. A snapshot is only a shortcut:
// folding on from it gives exactly what folding the whole stream gives (the state forgets the same
// finished holds either way), and a missing or unreadable one means folding from the start.
import { randomUUID } from 'node:crypto';
import type { EventStorePort, StreamView } from '@mercato/eventsourcing';
import { fromSnapshot, toSnapshot, type StockSnapshot, type StockState } from './domain/stock';

export const snapshotStream = (productId: string): string => `inventory-snapshot-${productId}`;
export const SNAPSHOT_TYPE = 'mercato.inventory.StockSnapshot';
const JSON_CONTENT = 'application/json';

/** A snapshot once this many events (and at least twice the holds it would store) were folded since the last. */
export const SNAPSHOT_MIN_EVENTS = 1000;

interface Stored {
  revision: string;
  state: StockSnapshot;
}

export interface SnapshotOptions {
  minEvents?: number;
  onError?: (err: unknown, productId: string) => void;
}

export class StockSnapshots {
  /** Per product: the stock revision of the newest snapshot known to be stored. */
  private readonly saved = new Map<string, bigint>();
  private readonly writing = new Set<string>();
  private readonly minEvents: number;

  constructor(
    private readonly store: EventStorePort,
    private readonly options: SnapshotOptions = {},
  ) {
    this.minEvents = options.minEvents ?? SNAPSHOT_MIN_EVENTS;
  }

  /** The newest snapshot of a product's stock, if there is a readable one. */
  async load(productId: string): Promise<StreamView<StockState> | undefined> {
    if (!this.store.readLastEvent) return undefined;
    const last = await this.store.readLastEvent(snapshotStream(productId));
    if (!last || last.type !== SNAPSHOT_TYPE) return undefined;
    let view: StreamView<StockState>;
    try {
      const stored = JSON.parse(Buffer.from(last.data).toString('utf8')) as Stored;
      view = { state: fromSnapshot(stored.state), revision: BigInt(stored.revision) };
    } catch (err) {
      this.options.onError?.(err, productId);
      return undefined;
    }
    if (view.revision > (this.saved.get(productId) ?? -1n)) this.saved.set(productId, view.revision);
    return view;
  }

  /** Stores a snapshot of `view` in the background when enough events were folded since the last one. */
  maybeSave(productId: string, view: StreamView<StockState>): void {
    const since = view.revision - (this.saved.get(productId) ?? -1n);
    if (this.writing.has(productId) || since < BigInt(Math.max(this.minEvents, 2 * view.state.holds.size))) return;
    // Serialized now: the state is folded on in place after this call.
    const data = Buffer.from(JSON.stringify({ revision: view.revision.toString(), state: toSnapshot(view.state) } satisfies Stored));
    const previous = this.saved.get(productId);
    this.saved.set(productId, view.revision);
    this.writing.add(productId);
    this.store
      .append(snapshotStream(productId), [{ id: randomUUID(), type: SNAPSHOT_TYPE, data, metadata: {}, contentType: JSON_CONTENT }], { kind: 'any' })
      .catch((err: unknown) => {
        if (previous === undefined) this.saved.delete(productId);
        else this.saved.set(productId, previous);
        this.options.onError?.(err, productId);
      })
      .finally(() => this.writing.delete(productId));
  }
}
