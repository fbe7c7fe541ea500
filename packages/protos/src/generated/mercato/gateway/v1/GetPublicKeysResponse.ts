// Original file: protos/mercato/gateway/v1/identity.proto

import type { PublicKey as _mercato_gateway_v1_PublicKey, PublicKey__Output as _mercato_gateway_v1_PublicKey__Output } from '../../../mercato/gateway/v1/PublicKey';

export interface GetPublicKeysResponse {
  /**
   * The current signing key first; older keys stay until tokens they signed have expired.
   */
  'keys'?: (_mercato_gateway_v1_PublicKey)[];
  /**
   * The "iss" claim of the tokens.
   */
  'issuer'?: (string);
  /**
   * How long the keys may be cached.
   */
  'maxAgeSeconds'?: (number);
}

export interface GetPublicKeysResponse__Output {
  /**
   * The current signing key first; older keys stay until tokens they signed have expired.
   */
  'keys': (_mercato_gateway_v1_PublicKey__Output)[];
  /**
   * The "iss" claim of the tokens.
   */
  'issuer': (string);
  /**
   * How long the keys may be cached.
   */
  'maxAgeSeconds': (number);
}
