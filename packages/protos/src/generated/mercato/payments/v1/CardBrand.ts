// Original file: protos/mercato/payments/v1/payments.proto

export const CardBrand = {
  CARD_BRAND_UNSPECIFIED: 'CARD_BRAND_UNSPECIFIED',
  CARD_BRAND_VISA: 'CARD_BRAND_VISA',
  CARD_BRAND_MASTERCARD: 'CARD_BRAND_MASTERCARD',
  CARD_BRAND_AMEX: 'CARD_BRAND_AMEX',
  CARD_BRAND_DISCOVER: 'CARD_BRAND_DISCOVER',
  CARD_BRAND_OTHER: 'CARD_BRAND_OTHER',
} as const;

export type CardBrand =
  | 'CARD_BRAND_UNSPECIFIED'
  | 0
  | 'CARD_BRAND_VISA'
  | 1
  | 'CARD_BRAND_MASTERCARD'
  | 2
  | 'CARD_BRAND_AMEX'
  | 3
  | 'CARD_BRAND_DISCOVER'
  | 4
  | 'CARD_BRAND_OTHER'
  | 5

export type CardBrand__Output = typeof CardBrand[keyof typeof CardBrand]
