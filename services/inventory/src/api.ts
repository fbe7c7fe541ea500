// gRPC handlers of mercato.inventory.v1.InventoryService: validate → decide and append → answer.
// Field names in errors are the proto's; domain refusals become their gRPC statuses.
import { status } from '@grpc/grpc-js';
import { DomainError } from '@mercato/eventsourcing';
import { check, GrpcError, invalidArgument, type AsyncHandlers, type CallContext, type ServeOptions } from '@mercato/kit';
import type { InventoryServiceHandlers } from '@mercato/protos/gen/mercato/inventory/v1/InventoryService';
import type { Reservation } from '@mercato/protos/gen/mercato/inventory/v1/Reservation';
import type { StockLevel as StockLevelMessage } from '@mercato/protos/gen/mercato/inventory/v1/StockLevel';
import { MAX_LINES, MAX_QUANTITY, type Line } from './domain/lines';
import type { Caller, Inventory, ReservationOutcome, ReservationView, StockLevel } from './inventory';

export const INVENTORY_SERVICE = 'mercato.inventory.v1.InventoryService';

export const LIMITS = {
  /** As the catalog bounds its product ids. */
  productId: 64,
  orderId: 128,
  replenishmentId: 128,
  lines: MAX_LINES,
  quantity: MAX_QUANTITY,
  productIds: 100,
} as const;

const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

function productId(value: unknown, field: string): string {
  return check.text(value, field, { max: LIMITS.productId, pattern: PRODUCT_ID, hint: 'must be a catalog product id (letters, digits, "-" and "_")' });
}

function orderId(value: unknown): string {
  return check.text(value, 'order_id', { max: LIMITS.orderId, pattern: ORDER_ID, hint: 'may hold only letters, digits, ".", "_", ":" and "-", starting with a letter or digit' });
}

/** The lines as sent (merging happens in the domain), each product's total bounded like one line. */
function lines(value: unknown): Line[] {
  const items = check.list<{ productId?: unknown; quantity?: unknown } | null>(value, 'lines', { min: 1, max: LIMITS.lines });
  const totals = new Map<string, number>();
  return items.map((item, i) => {
    const id = productId(item?.productId, `lines[${i}].product_id`);
    const quantity = check.int(item?.quantity, `lines[${i}].quantity`, { min: 1, max: LIMITS.quantity });
    const total = (totals.get(id) ?? 0) + quantity;
    if (total > LIMITS.quantity) throw invalidArgument(`lines[${i}].quantity`, `brings ${id} to ${total} units over its lines; at most ${LIMITS.quantity} per product`);
    totals.set(id, total);
    return { productId: id, quantity };
  });
}

/** Domain refusals (and ABORTED after repeated write conflicts) as statuses; anything else is INTERNAL. */
async function domainCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) throw new GrpcError(err.grpcStatus, err.message);
    throw err;
  }
}

const STATUS = {
  reserved: 'RESERVATION_STATUS_RESERVED',
  rejected: 'RESERVATION_STATUS_REJECTED',
  released: 'RESERVATION_STATUS_RELEASED',
  committed: 'RESERVATION_STATUS_COMMITTED',
} as const satisfies Record<ReservationOutcome, string>;

function toReservation(r: ReservationView): Reservation {
  return {
    orderId: r.orderId,
    status: STATUS[r.status],
    lines: r.lines.map((l) => ({ productId: l.productId, quantity: String(l.quantity) })),
    shortages: r.shortages.map((s) => ({ productId: s.productId, requested: String(s.requested), available: String(s.available) })),
  };
}

function toLevel(l: StockLevel): StockLevelMessage {
  return { productId: l.productId, onHand: String(l.onHand), reserved: String(l.reserved), available: String(l.available), revision: l.revision.toString() };
}

const caller = (ctx: CallContext): Caller => (ctx.user ? { userId: ctx.user.id } : {});

export interface HandlerHooks {
  /** After each answered reservation call, e.g. to count outcomes. */
  onReservation?(method: 'ReserveStock' | 'ReleaseStock' | 'CommitStock', outcome: ReservationOutcome): void;
}

export function inventoryHandlers(inventory: Inventory, hooks: HandlerHooks = {}): AsyncHandlers<InventoryServiceHandlers> {
  const answer = (method: 'ReserveStock' | 'ReleaseStock' | 'CommitStock', r: ReservationView) => {
    hooks.onReservation?.(method, r.status);
    return { reservation: toReservation(r) };
  };
  return {
    GetStock: async (req) => {
      const ids = check.list<unknown>(req.productIds, 'product_ids', { max: LIMITS.productIds }).map((id, i) => productId(id, `product_ids[${i}]`));
      const levels = await domainCall(() => inventory.levels([...new Set(ids)]));
      return { levels: levels.map(toLevel) };
    },

    ReserveStock: async (req, ctx) => {
      const id = orderId(req.orderId);
      const wanted = lines(req.lines);
      // A caller that gave up will compensate with ReleaseStock: do not start a reservation behind its back.
      if (ctx.signal.aborted) throw new GrpcError(status.CANCELLED, 'the call was cancelled before the reservation started');
      return answer('ReserveStock', await domainCall(() => inventory.reserve(id, wanted, caller(ctx))));
    },

    ReleaseStock: async (req, ctx) => {
      const id = orderId(req.orderId);
      return answer('ReleaseStock', await domainCall(() => inventory.release(id, caller(ctx))));
    },

    CommitStock: async (req, ctx) => {
      const id = orderId(req.orderId);
      return answer('CommitStock', await domainCall(() => inventory.commit(id, caller(ctx))));
    },

    Replenish: async (req, ctx) => {
      const admin = ctx.requireAdmin();
      const replenishmentId = check.text(req.replenishmentId, 'replenishment_id', { max: LIMITS.replenishmentId });
      const wanted = lines(req.lines);
      const { levels } = await domainCall(() => inventory.replenish(replenishmentId, wanted, { userId: admin.id }));
      return { levels: levels.map(toLevel) };
    },
  };
}

/**
 * Stock levels are public. ReserveStock, ReleaseStock and CommitStock are called by the orders
 * saga only: public here, restricted to the orders service by the mesh's method-level
 * AuthorizationPolicy (derived from service.yaml `calls`). Adding stock needs an admin.
 */
export const inventoryAccess: ServeOptions<InventoryServiceHandlers> = {
  access: { Replenish: 'admin' },
};
