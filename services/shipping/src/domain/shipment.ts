// The shipment decider: created once per order at the quoted price, then moved one tracking state
// at a time. Pure: the clock comes in each command, the price from the rate table.
import { assertNever, NotFoundError, type Decider, type Message } from '@mercato/eventsourcing';
import type { Address__Output } from '@mercato/protos/gen/mercato/common/v1/Address';
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';
import type { Parcel__Output } from '@mercato/protos/gen/mercato/shipping/v1/Parcel';
import type { Shipment__Output } from '@mercato/protos/gen/mercato/shipping/v1/Shipment';
import type { ShipmentCreated__Output } from '@mercato/protos/gen/mercato/shipping/v1/ShipmentCreated';
import type { ShipmentStatus__Output } from '@mercato/protos/gen/mercato/shipping/v1/ShipmentStatus';
import type { ShipmentStatusChanged__Output } from '@mercato/protos/gen/mercato/shipping/v1/ShipmentStatusChanged';
import { trackingNumberFor } from './ids';
import { quoteFor, shipmentWeightGrams, zoneOf, type Currency, type Speed } from './rates';

export const CREATED = 'mercato.shipping.v1.ShipmentCreated';
export const STATUS_CHANGED = 'mercato.shipping.v1.ShipmentStatusChanged';

export type ShipmentEvent = Message<typeof CREATED, ShipmentCreated__Output> | Message<typeof STATUS_CHANGED, ShipmentStatusChanged__Output>;

export type ShipmentCommand =
  | Message<'CreateShipment', { shipmentId: string; orderId: string; origin: string; destination: Address__Output; parcels: Parcel__Output[]; speed: Speed; currency: Currency; now: Date }>
  /** Moves the shipment on from `from`; a no-op when it is no longer there (another replica did it). */
  | Message<'AdvanceTracking', { shipmentId: string; from: ShipmentStatus__Output; now: Date }>;

export interface ShipmentState {
  shipment: Shipment__Output | undefined;
}

export type Status = ShipmentStatus__Output;
export const NEXT_STATUS: Partial<Record<Status, Status>> = {
  SHIPMENT_STATUS_LABEL_CREATED: 'SHIPMENT_STATUS_PICKED_UP',
  SHIPMENT_STATUS_PICKED_UP: 'SHIPMENT_STATUS_IN_TRANSIT',
  SHIPMENT_STATUS_IN_TRANSIT: 'SHIPMENT_STATUS_OUT_FOR_DELIVERY',
  SHIPMENT_STATUS_OUT_FOR_DELIVERY: 'SHIPMENT_STATUS_DELIVERED',
};

const WAREHOUSE = 'Mercato fulfilment centre';
const DAY_MS = 86_400_000;

/** What a tracking page shows for each step. */
function step(status: Status, s: Shipment__Output): { description: string; location: string } {
  const destination = s.destination ? `${s.destination.locality}, ${s.destination.regionCode}` : '';
  if (status === 'SHIPMENT_STATUS_PICKED_UP') return { description: `Picked up by ${s.carrier}`, location: WAREHOUSE };
  if (status === 'SHIPMENT_STATUS_IN_TRANSIT') return { description: 'In transit', location: `${s.carrier} network` };
  if (status === 'SHIPMENT_STATUS_OUT_FOR_DELIVERY') return { description: 'Out for delivery', location: destination };
  return { description: 'Delivered', location: destination };
}

export const shipmentDecider: Decider<ShipmentCommand, ShipmentEvent, ShipmentState> = {
  initialState: () => ({ shipment: undefined }),
  decide(command, state) {
    switch (command.type) {
      case 'CreateShipment': {
        // One shipment per order: a repeat answers the existing one.
        if (state.shipment) return [];
        const c = command.data;
        const q = quoteFor(zoneOf(c.origin, c.destination.regionCode), shipmentWeightGrams(c.parcels), c.speed, c.currency);
        const data = {
          shipmentId: c.shipmentId,
          orderId: c.orderId,
          speed: c.speed,
          carrier: q.carrier,
          trackingNumber: trackingNumberFor(c.shipmentId),
          destination: c.destination,
          parcels: c.parcels,
          cost: q.cost,
          estimatedDeliveryTime: timestamp(new Date(c.now.getTime() + q.maxTransitDays * DAY_MS)),
          eventTime: timestamp(c.now),
        };
        return [{ type: CREATED, data }];
      }
      case 'AdvanceTracking': {
        const c = command.data;
        const s = state.shipment;
        if (!s) throw new NotFoundError(`shipment ${c.shipmentId} does not exist`);
        const next = NEXT_STATUS[c.from];
        if (s.status !== c.from || !next) return [];
        return [{ type: STATUS_CHANGED, data: { shipmentId: s.shipmentId, orderId: s.orderId, status: next, ...step(next, s), eventTime: timestamp(c.now) } }];
      }
      default:
        return assertNever(command);
    }
  },
  evolve(state, event) {
    switch (event.type) {
      case CREATED: {
        const e = event.data;
        const label = { status: 'SHIPMENT_STATUS_LABEL_CREATED' as const, description: 'Shipping label created', location: WAREHOUSE, eventTime: e.eventTime };
        const { eventTime, ...created } = e;
        return { shipment: { ...created, status: label.status, tracking: [label], createTime: eventTime } };
      }
      case STATUS_CHANGED: {
        const s = state.shipment;
        if (!s) return state;
        const { status, description, location, eventTime } = event.data;
        return { shipment: { ...s, status, tracking: [...s.tracking, { status, description, location, eventTime }] } };
      }
      default:
        return assertNever(event);
    }
  },
};

export function timestamp(d: Date): Timestamp__Output {
  const ms = d.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}

export function millisOf(t: Timestamp__Output | null | undefined): number {
  return t ? Number(t.seconds) * 1000 + Math.floor(t.nanos / 1_000_000) : 0;
}
