// gRPC handlers of mercato.shipping.v1.ShippingService: validate → load → decide → append → answer.
import { DomainError, decodeEvent, fold, handleCommand, type EventStorePort } from '@mercato/eventsourcing';
import { GrpcError, invalidArgument, notFound, type AsyncHandlers, type CallContext, type ServeOptions } from '@mercato/kit';
import type { Shipment__Output } from '@mercato/protos/gen/mercato/shipping/v1/Shipment';
import type { ShippingServiceHandlers } from '@mercato/protos/gen/mercato/shipping/v1/ShippingService';
import type { TrackShipmentRequest__Output } from '@mercato/protos/gen/mercato/shipping/v1/TrackShipmentRequest';
import type { TrackShipmentResponse } from '@mercato/protos/gen/mercato/shipping/v1/TrackShipmentResponse';
import { shipmentIdFor, streamOf } from './domain/ids';
import { availableQuotes, shipmentWeightGrams, zoneOf } from './domain/rates';
import { shipmentDecider, type ShipmentEvent } from './domain/shipment';
import type { Tracker } from './tracking';
import { checkAddress, checkCurrency, checkOrderId, checkParcels, checkShipmentId, checkSpeed } from './validate';

export const SHIPPING_SERVICE = 'mercato.shipping.v1.ShippingService';

export interface ShippingDeps {
  store: EventStorePort;
  tracker: Pick<Tracker, 'watch'>;
  /** ISO code of the country parcels leave from: the domestic zone. */
  origin: string;
}

/** A refusal of the decider becomes its gRPC status; anything else goes on as it is. */
async function domain<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof DomainError) throw new GrpcError(err.grpcStatus, err.message);
    throw err;
  }
}

/** The shipment as its stream tells it, and the stream's last revision (-1: no such shipment). */
export async function loadShipment(store: EventStorePort, shipmentId: string): Promise<{ shipment: Shipment__Output | undefined; revision: bigint }> {
  const recorded = await store.readStream(streamOf(shipmentId));
  const state = fold(shipmentDecider, recorded.map((e) => decodeEvent<ShipmentEvent>(e)));
  return { shipment: state.shipment, revision: recorded.length ? recorded[recorded.length - 1]!.revision : -1n };
}

export function shippingHandlers(deps: ShippingDeps): AsyncHandlers<ShippingServiceHandlers> {
  const { store, origin } = deps;
  return {
    GetQuote: async (req) => {
      const destination = checkAddress(req.destination, 'destination');
      const parcels = checkParcels(req.parcels, 'parcels');
      const currency = checkCurrency(req.currencyCode, 'currency_code');
      return { quotes: availableQuotes(zoneOf(origin, destination.regionCode), shipmentWeightGrams(parcels), currency) };
    },

    CreateShipment: async (req, ctx: CallContext) => {
      const orderId = checkOrderId(req.orderId, 'order_id');
      const destination = checkAddress(req.destination, 'destination');
      const parcels = checkParcels(req.parcels, 'parcels');
      const speed = checkSpeed(req.speed, 'speed');
      const currency = checkCurrency(req.currencyCode, 'currency_code');
      const shipmentId = shipmentIdFor(orderId);
      const command = { type: 'CreateShipment' as const, data: { shipmentId, orderId, origin, destination, parcels, speed, currency, now: new Date() } };
      // The command id is the order's: a retry finds its own event and answers the stored shipment.
      // (Two racing first calls both succeed, the store keeping one event by its id; the loser's
      // answer carries its own timestamps, everything else is the same.)
      const result = await domain(() =>
        handleCommand(store, shipmentDecider, streamOf(shipmentId), command, {
          commandId: `create-shipment/${orderId}`,
          ...(ctx.user ? { userId: ctx.user.id } : {}),
        }),
      );
      return { shipment: result.state.shipment && forCaller(result.state.shipment, ctx) };
    },

    GetShipment: async (req, ctx) => {
      let shipmentId: string;
      if (req.key === 'shipmentId') shipmentId = checkShipmentId(req.shipmentId, 'shipment_id');
      else if (req.key === 'orderId') shipmentId = shipmentIdFor(checkOrderId(req.orderId, 'order_id'));
      else throw invalidArgument('shipment_id', 'set shipment_id or order_id');
      const { shipment } = await loadShipment(store, shipmentId);
      if (!shipment) throw notFound(req.key === 'orderId' ? `a shipment for order ${req.orderId}` : `shipment ${shipmentId}`);
      return { shipment: forCaller(shipment, ctx) };
    },

    TrackShipment: (req, ctx) => track(deps, req, ctx),
  };
}

/**
 * Answers show where a parcel goes as a carrier's tracking page does — town, area, country — and
 * keep the person, street and phone for admins: reads by id are public (see shippingAccess), and a
 * repeated CreateShipment must not hand the first caller's address to another.
 */
function forCaller(shipment: Shipment__Output, ctx: CallContext): Shipment__Output {
  const d = shipment.destination;
  if (!d || ctx.user?.roles.includes('admin')) return shipment;
  return { ...shipment, destination: { recipient: '', addressLines: [], locality: d.locality, administrativeArea: d.administrativeArea, postalCode: '', regionCode: d.regionCode, phone: '' } };
}

/** The shipment now, then after each change, until it is delivered or the caller goes away. */
async function* track(deps: ShippingDeps, req: TrackShipmentRequest__Output, ctx: CallContext): AsyncIterable<TrackShipmentResponse> {
  const shipmentId = checkShipmentId(req.shipmentId, 'shipment_id');
  // Watch before the first read: a change landing between the two still wakes us.
  const watch = deps.tracker.watch(shipmentId);
  try {
    let shown = -1n;
    for (;;) {
      const { shipment, revision } = await loadShipment(deps.store, shipmentId);
      if (!shipment) throw notFound(`shipment ${shipmentId}`);
      if (revision > shown) {
        shown = revision;
        yield { shipment: forCaller(shipment, ctx) };
      }
      if (shipment.status === 'SHIPMENT_STATUS_DELIVERED') return;
      if (!(await watch.next(ctx.signal))) return;
    }
  } finally {
    watch.close();
  }
}

/**
 * Everything is public at the app layer. GetQuote prices a basket for anyone. CreateShipment is
 * called only by orders: in the cluster the mesh's method-level AuthorizationPolicy (derived from
 * service.yaml calls) admits only the orders identity. GetShipment and TrackShipment answer by
 * id, like a carrier's tracking page: a shipment id is as hard to guess as the order id it is
 * hashed from, is meant to be shared with whoever awaits the parcel, and shows no personal data.
 */
export const shippingAccess: ServeOptions<ShippingServiceHandlers> = {
  access: { GetQuote: 'public', CreateShipment: 'public', GetShipment: 'public', TrackShipment: 'public' },
};
