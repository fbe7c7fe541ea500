// Typed failures of the catalog; the API layer maps each `code` to a gRPC status.

export type CatalogErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID_ARGUMENT';

export abstract class CatalogError extends Error {
  abstract readonly code: CatalogErrorCode;
}

/** A product, category or review that does not exist (gRPC NOT_FOUND). */
export class NotFoundError extends CatalogError {
  readonly code = 'NOT_FOUND' as const;
  constructor(
    readonly entity: 'product' | 'category' | 'review',
    readonly id: string,
  ) {
    super(`${entity} "${id}" not found`);
    this.name = 'NotFoundError';
  }
}

/** A write that collides with existing state, e.g. a second review by one user (gRPC ALREADY_EXISTS). */
export class ConflictError extends CatalogError {
  readonly code = 'CONFLICT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** A malformed input; `field` names the offending input field (gRPC INVALID_ARGUMENT). */
export class InvalidArgumentError extends CatalogError {
  readonly code = 'INVALID_ARGUMENT' as const;
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'InvalidArgumentError';
  }
}

export function isCatalogError(err: unknown): err is CatalogError {
  return err instanceof CatalogError;
}
