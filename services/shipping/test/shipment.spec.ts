// The shipment decider: given events, when a command, then events (or a refusal).
import { FailedPreconditionError, fold, given, NotFoundError } from '@mercato/eventsourcing';
import type { Address__Output } from '@mercato/protos/gen/mercato/common/v1/Address';
import { luhnDigit, shipmentIdFor, shipmentIdOfStream, SHIPMENT_ID_PATTERN, streamOf, trackingNumberFor } from '../src/domain/ids';
import { CREATED, shipmentDecider, STATUS_CHANGED, timestamp, type ShipmentCommand, type ShipmentEvent, type Status } from '../src/domain/shipment';

const NOW = new Date('2025-03-04T05:06:07.890Z');
const LATER = new Date('2025-03-04T05:06:37.890Z');
const ORDER = 'order-1';
const ID = shipmentIdFor(ORDER);

const home: Address__Output = { recipient: 'Ada Lovelace', addressLines: ['1 Main St'], locality: 'Springfield', administrativeArea: 'IL', postalCode: '62701', regionCode: 'US', phone: '' };
const abroad: Address__Output = { ...home, administrativeArea: '', postalCode: '10115', locality: 'Berlin', regionCode: 'DE' };
const parcels = [{ productId: 'p-1', quantity: 2, unitWeightGrams: 300 }];

const create = (over: Partial<Extract<ShipmentCommand, { type: 'CreateShipment' }>['data']> = {}): ShipmentCommand => ({
  type: 'CreateShipment',
  data: { shipmentId: ID, orderId: ORDER, origin: 'US', destination: home, parcels, speed: 'SHIPPING_SPEED_EXPRESS', currency: 'USD', now: NOW, ...over },
});
const advance = (from: Status, now = LATER): ShipmentCommand => ({ type: 'AdvanceTracking', data: { shipmentId: ID, from, now } });

const created: ShipmentEvent = {
  type: CREATED,
  data: {
    shipmentId: ID,
    orderId: ORDER,
    speed: 'SHIPPING_SPEED_EXPRESS',
    carrier: 'Parcelwise Express',
    trackingNumber: trackingNumberFor(ID),
    destination: home,
    parcels,
    // 600 g: two 500 g steps of domestic express.
    cost: { currencyCode: 'USD', units: '16', nanos: 490_000_000 },
    estimatedDeliveryTime: timestamp(new Date('2025-03-06T05:06:07.890Z')),
    eventTime: timestamp(NOW),
  },
};
const changed = (status: Status, description: string, location: string, at = LATER): ShipmentEvent => ({
  type: STATUS_CHANGED,
  data: { shipmentId: ID, orderId: ORDER, status, description, location, eventTime: timestamp(at) },
});
const pickedUp = changed('SHIPMENT_STATUS_PICKED_UP', 'Picked up by Parcelwise Express', 'Mercato fulfilment centre');
const inTransit = changed('SHIPMENT_STATUS_IN_TRANSIT', 'In transit', 'Parcelwise Express network');
const outForDelivery = changed('SHIPMENT_STATUS_OUT_FOR_DELIVERY', 'Out for delivery', 'Springfield, US');
const delivered = changed('SHIPMENT_STATUS_DELIVERED', 'Delivered', 'Springfield, US');

describe('CreateShipment', () => {
  it('creates the shipment at the quoted price, with a derived tracking number and an estimate', () => {
    given(shipmentDecider).when(create()).then([created]);
  });

  it('answers a repeat with nothing new: one shipment per order', () => {
    given(shipmentDecider, [created]).when(create({ now: LATER })).then([]);
    given(shipmentDecider, [created, pickedUp]).when(create({ destination: abroad })).then([]);
  });

  it('refuses overnight abroad', () => {
    given(shipmentDecider).when(create({ destination: abroad, speed: 'SHIPPING_SPEED_OVERNIGHT' })).thenThrows(FailedPreconditionError);
  });
});

describe('AdvanceTracking', () => {
  it('refuses a shipment that does not exist', () => {
    given(shipmentDecider).when(advance('SHIPMENT_STATUS_LABEL_CREATED')).thenThrows(NotFoundError);
  });

  it('moves one state at a time, in order', () => {
    given(shipmentDecider, [created]).when(advance('SHIPMENT_STATUS_LABEL_CREATED')).then([pickedUp]);
    given(shipmentDecider, [created, pickedUp]).when(advance('SHIPMENT_STATUS_PICKED_UP')).then([inTransit]);
    given(shipmentDecider, [created, pickedUp, inTransit]).when(advance('SHIPMENT_STATUS_IN_TRANSIT')).then([outForDelivery]);
    given(shipmentDecider, [created, pickedUp, inTransit, outForDelivery]).when(advance('SHIPMENT_STATUS_OUT_FOR_DELIVERY')).then([delivered]);
  });

  it('does nothing when the shipment already moved on (another replica, or a run before a restart)', () => {
    given(shipmentDecider, [created, pickedUp]).when(advance('SHIPMENT_STATUS_LABEL_CREATED')).then([]);
    given(shipmentDecider, [created, pickedUp, inTransit, outForDelivery, delivered]).when(advance('SHIPMENT_STATUS_OUT_FOR_DELIVERY')).then([]);
    given(shipmentDecider, [created, pickedUp, inTransit, outForDelivery, delivered]).when(advance('SHIPMENT_STATUS_DELIVERED')).then([]);
  });
});

describe('the shipment as its events tell it', () => {
  it('lists every tracking state once, oldest first, and ends delivered', () => {
    const { shipment } = fold(shipmentDecider, [created, pickedUp, inTransit, outForDelivery, delivered]);
    expect(shipment).toMatchObject({ shipmentId: ID, orderId: ORDER, status: 'SHIPMENT_STATUS_DELIVERED', createTime: timestamp(NOW), cost: created.data.cost });
    expect(shipment!.tracking.map((t) => t.status)).toEqual([
      'SHIPMENT_STATUS_LABEL_CREATED',
      'SHIPMENT_STATUS_PICKED_UP',
      'SHIPMENT_STATUS_IN_TRANSIT',
      'SHIPMENT_STATUS_OUT_FOR_DELIVERY',
      'SHIPMENT_STATUS_DELIVERED',
    ]);
    expect(shipment!.tracking[0]).toEqual({ status: 'SHIPMENT_STATUS_LABEL_CREATED', description: 'Shipping label created', location: 'Mercato fulfilment centre', eventTime: timestamp(NOW) });
  });
});

describe('derived names', () => {
  it('gives one order one shipment id, stream and tracking number, always the same', () => {
    expect(shipmentIdFor(ORDER)).toBe(ID);
    expect(ID).toMatch(SHIPMENT_ID_PATTERN);
    expect(shipmentIdFor('order-2')).not.toBe(ID);
    expect(shipmentIdOfStream(streamOf(ID))).toBe(ID);
    expect(shipmentIdOfStream('order-1')).toBeUndefined();
    expect(shipmentIdOfStream('shipment-not-an-id')).toBeUndefined();
    expect(trackingNumberFor(ID)).toBe(trackingNumberFor(ID));
    expect(trackingNumberFor(ID)).not.toBe(trackingNumberFor(shipmentIdFor('order-2')));
  });

  it('ends a tracking number with a Luhn check digit', () => {
    const tn = trackingNumberFor(ID);
    expect(tn).toMatch(/^MC\d{15}$/);
    expect(luhnValid(tn.slice(2))).toBe(true);
    // A typo in one digit breaks the check.
    const typo = tn.slice(2, 5) + ((Number(tn[5]) + 1) % 10) + tn.slice(6);
    expect(luhnValid(typo)).toBe(false);
    // The textbook example: 7992739871 → 3.
    expect(luhnDigit('7992739871')).toBe(3);
  });
});

/** Luhn over the whole number, check digit included (written apart from the code under test). */
function luhnValid(number: string): boolean {
  const sum = [...number].reverse().reduce((acc, ch, i) => {
    const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
    return acc + (d > 9 ? d - 9 : d);
  }, 0);
  return sum % 10 === 0;
}
