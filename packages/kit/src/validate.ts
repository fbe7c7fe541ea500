// Field checks for request messages. Each throws INVALID_ARGUMENT naming the field, so a caller
// knows exactly what to fix.
import { invalidArgument } from './errors';

const PRINTABLE = /^[^\p{Cc}\p{Cs}]*$/u;

export const check = {
  /** A required string of bounded length, without control characters. */
  text(value: unknown, field: string, options: { min?: number; max?: number; pattern?: RegExp; hint?: string } = {}): string {
    const min = options.min ?? 1;
    const max = options.max ?? 1024;
    if (typeof value !== 'string') throw invalidArgument(field, 'must be a string');
    if (value.length < min) throw invalidArgument(field, min === 1 ? 'is required' : `must be at least ${min} characters`);
    if (value.length > max) throw invalidArgument(field, `must be at most ${max} characters`);
    if (!PRINTABLE.test(value)) throw invalidArgument(field, 'must not contain control characters');
    if (options.pattern && !options.pattern.test(value)) throw invalidArgument(field, options.hint ?? `must match ${String(options.pattern)}`);
    return value;
  },
  /** An optional string: empty means absent. */
  optionalText(value: unknown, field: string, options: { max?: number; pattern?: RegExp; hint?: string } = {}): string | undefined {
    if (value === undefined || value === null || value === '') return undefined;
    return check.text(value, field, { ...options, min: 1 });
  },
  int(value: unknown, field: string, options: { min?: number; max?: number } = {}): number {
    const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw invalidArgument(field, 'must be an integer');
    if (options.min !== undefined && n < options.min) throw invalidArgument(field, `must be at least ${options.min}`);
    if (options.max !== undefined && n > options.max) throw invalidArgument(field, `must be at most ${options.max}`);
    return n;
  },
  /** A page size: 0 or absent gives the default. */
  pageSize(value: unknown, field = 'page_size', options: { default?: number; max?: number } = {}): number {
    const n = value === undefined || value === null || value === 0 ? options.default ?? 20 : check.int(value, field, { min: 1, max: options.max ?? 100 });
    return n;
  },
  uuid(value: unknown, field: string): string {
    return check.text(value, field, {
      max: 36,
      pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      hint: 'must be a UUID',
    });
  },
  oneOf<const T extends string>(value: unknown, field: string, values: readonly T[]): T {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw invalidArgument(field, `must be one of ${values.join(', ')}`);
    }
    return value as T;
  },
  /** An enum decoded by proto-loader as its name: rejects the UNSPECIFIED value and unknown numbers. */
  enumValue<const T extends string>(value: unknown, field: string, values: readonly T[]): T {
    if (typeof value === 'string' && value.endsWith('_UNSPECIFIED')) throw invalidArgument(field, 'is required');
    return check.oneOf(value, field, values);
  },
  list<T>(value: unknown, field: string, options: { min?: number; max?: number } = {}): T[] {
    if (!Array.isArray(value)) throw invalidArgument(field, 'must be a list');
    if (options.min !== undefined && value.length < options.min) throw invalidArgument(field, `must have at least ${options.min} item${options.min === 1 ? '' : 's'}`);
    if (options.max !== undefined && value.length > options.max) throw invalidArgument(field, `must have at most ${options.max} items`);
    return value as T[];
  },
  present<T>(value: T | null | undefined, field: string): T {
    if (value === undefined || value === null) throw invalidArgument(field, 'is required');
    return value;
  },
};
