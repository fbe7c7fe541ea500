// What other services' tests need: the set-up and config, and the pure rules (ids, rates) to
// predict what shipping answers.
export { setupShipping, shippingConfig, type ShippingConfig } from './service';
export { SHIPPING_SERVICE, shippingAccess, shippingHandlers, loadShipment, type ShippingDeps } from './api';
export { shipmentIdFor, trackingNumberFor, streamOf, shipmentIdOfStream, SHIPMENT_ID_PATTERN, STREAM_PREFIX } from './domain/ids';
export * from './domain/rates';
export { shipmentDecider, CREATED, STATUS_CHANGED, NEXT_STATUS, type ShipmentCommand, type ShipmentEvent, type ShipmentState } from './domain/shipment';
export { isCountryCode, regionOf } from './domain/countries';
export { Tracker, type TrackerOptions, type ChangeWatch } from './tracking';
