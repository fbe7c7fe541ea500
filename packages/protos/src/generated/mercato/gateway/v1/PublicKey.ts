// Original file: protos/mercato/gateway/v1/identity.proto


/**
 * A public key as a JSON Web Key (RFC 7517); fields that do not apply to the key type are empty.
 */
export interface PublicKey {
  /**
   * Key id, matching the "kid" header of the tokens it verifies.
   */
  'kid'?: (string);
  /**
   * "OKP" for Ed25519, "EC", "RSA".
   */
  'kty'?: (string);
  /**
   * "EdDSA", "ES256", "RS256".
   */
  'alg'?: (string);
  /**
   * Always "sig".
   */
  'use'?: (string);
  /**
   * Curve for OKP and EC keys, e.g. "Ed25519".
   */
  'crv'?: (string);
  /**
   * Base64url public key (OKP) or x coordinate (EC).
   */
  'x'?: (string);
  'y'?: (string);
  /**
   * RSA modulus and exponent, base64url.
   */
  'n'?: (string);
  'e'?: (string);
}

/**
 * A public key as a JSON Web Key (RFC 7517); fields that do not apply to the key type are empty.
 */
export interface PublicKey__Output {
  /**
   * Key id, matching the "kid" header of the tokens it verifies.
   */
  'kid': (string);
  /**
   * "OKP" for Ed25519, "EC", "RSA".
   */
  'kty': (string);
  /**
   * "EdDSA", "ES256", "RS256".
   */
  'alg': (string);
  /**
   * Always "sig".
   */
  'use': (string);
  /**
   * Curve for OKP and EC keys, e.g. "Ed25519".
   */
  'crv': (string);
  /**
   * Base64url public key (OKP) or x coordinate (EC).
   */
  'x': (string);
  'y': (string);
  /**
   * RSA modulus and exponent, base64url.
   */
  'n': (string);
  'e': (string);
}
