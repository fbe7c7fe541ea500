// The inventory's event messages (protos/mercato/inventory/v1/events.proto). The stock streams
// carry all five; an order's reservation record carries the four that name an order.
import type { Message } from '@mercato/eventsourcing';
import type { StockReplenished__Output } from '@mercato/protos/gen/mercato/inventory/v1/StockReplenished';
import type { StockReserved__Output } from '@mercato/protos/gen/mercato/inventory/v1/StockReserved';
import type { StockReservationRejected__Output } from '@mercato/protos/gen/mercato/inventory/v1/StockReservationRejected';
import type { StockReleased__Output } from '@mercato/protos/gen/mercato/inventory/v1/StockReleased';
import type { StockCommitted__Output } from '@mercato/protos/gen/mercato/inventory/v1/StockCommitted';
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';

export const REPLENISHED = 'mercato.inventory.v1.StockReplenished';
export const RESERVED = 'mercato.inventory.v1.StockReserved';
export const REJECTED = 'mercato.inventory.v1.StockReservationRejected';
export const RELEASED = 'mercato.inventory.v1.StockReleased';
export const COMMITTED = 'mercato.inventory.v1.StockCommitted';

export type Replenished = Message<typeof REPLENISHED, StockReplenished__Output>;
export type Reserved = Message<typeof RESERVED, StockReserved__Output>;
export type Rejected = Message<typeof REJECTED, StockReservationRejected__Output>;
export type Released = Message<typeof RELEASED, StockReleased__Output>;
export type Committed = Message<typeof COMMITTED, StockCommitted__Output>;

/** Events that concern one order's hold on a product. */
export type OrderLineEvent = Reserved | Rejected | Released | Committed;
export type StockEvent = Replenished | OrderLineEvent;

/** A Timestamp as the decoder hands it back, so produced and re-read events compare equal. */
export function timestamp(d: Date): Timestamp__Output {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}

/** int64 fields arrive as decimal strings; our quantities are far below 2^53. */
export const count = (value: string | number): number => Number(value);
