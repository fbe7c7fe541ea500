// Original file: protos/mercato/shipping/v1/shipping.proto

import type { Address as _mercato_common_v1_Address, Address__Output as _mercato_common_v1_Address__Output } from '../../../mercato/common/v1/Address';
import type { Parcel as _mercato_shipping_v1_Parcel, Parcel__Output as _mercato_shipping_v1_Parcel__Output } from '../../../mercato/shipping/v1/Parcel';

export interface GetQuoteRequest {
  'destination'?: (_mercato_common_v1_Address | null);
  'parcels'?: (_mercato_shipping_v1_Parcel)[];
  /**
   * ISO 4217 code of the quote's prices.
   */
  'currencyCode'?: (string);
}

export interface GetQuoteRequest__Output {
  'destination': (_mercato_common_v1_Address__Output | null);
  'parcels': (_mercato_shipping_v1_Parcel__Output)[];
  /**
   * ISO 4217 code of the quote's prices.
   */
  'currencyCode': (string);
}
