// Original file: protos/mercato/shipping/v1/shipping.proto

export const ShippingSpeed = {
  SHIPPING_SPEED_UNSPECIFIED: 'SHIPPING_SPEED_UNSPECIFIED',
  SHIPPING_SPEED_STANDARD: 'SHIPPING_SPEED_STANDARD',
  SHIPPING_SPEED_EXPRESS: 'SHIPPING_SPEED_EXPRESS',
  SHIPPING_SPEED_OVERNIGHT: 'SHIPPING_SPEED_OVERNIGHT',
} as const;

export type ShippingSpeed =
  | 'SHIPPING_SPEED_UNSPECIFIED'
  | 0
  | 'SHIPPING_SPEED_STANDARD'
  | 1
  | 'SHIPPING_SPEED_EXPRESS'
  | 2
  | 'SHIPPING_SPEED_OVERNIGHT'
  | 3

export type ShippingSpeed__Output = typeof ShippingSpeed[keyof typeof ShippingSpeed]
