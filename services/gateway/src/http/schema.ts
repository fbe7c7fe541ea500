// Input schemas: one declaration both validates a request (400 naming the field, as the JSON
// spells it) and describes it in the OpenAPI document, so the two cannot drift apart.
import { badRequest } from './errors';

export type JsonSchema = Record<string, unknown>;

/** 'json' for request bodies; 'text' for query strings and HTML forms, where every value is a string. */
export type Mode = 'json' | 'text';

export interface Schema<T, O extends boolean = false> {
  readonly optional: O;
  parse(value: unknown, field: string, mode: Mode): T;
  json(): JsonSchema;
}

export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;
type AnySchema = Schema<unknown, boolean>;
type Props = Record<string, AnySchema>;
type RequiredKeys<P extends Props> = { [K in keyof P]: P[K] extends Schema<unknown, true> ? never : K }[keyof P];
type OptionalKeys<P extends Props> = { [K in keyof P]: P[K] extends Schema<unknown, true> ? K : never }[keyof P];
export type ObjectOf<P extends Props> = { [K in RequiredKeys<P>]: Infer<P[K]> } & { [K in OptionalKeys<P>]?: Infer<P[K]> };

// No control characters (newlines are allowed only where a schema says so).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_OR_NEWLINE = /[\u0000-\u001f\u007f]/;

function absent(value: unknown, mode: Mode): boolean {
  return value === undefined || value === null || (mode === 'text' && value === '');
}

export function str(options: { min?: number; max: number; pattern?: RegExp; hint?: string; format?: string; multiline?: boolean; description?: string }): Schema<string> {
  const min = options.min ?? 1;
  return {
    optional: false,
    parse(value, field, mode) {
      if (absent(value, mode) || (min > 0 && value === '')) throw badRequest(field, 'is required');
      if (typeof value !== 'string') throw badRequest(field, 'must be a string');
      if (value.length < min) throw badRequest(field, `must be at least ${min} characters`);
      if (value.length > options.max) throw badRequest(field, `must be at most ${options.max} characters`);
      if ((options.multiline ? CONTROL : CONTROL_OR_NEWLINE).test(value)) throw badRequest(field, 'must not contain control characters');
      if (options.pattern && !options.pattern.test(value)) throw badRequest(field, options.hint ?? `must match ${String(options.pattern)}`);
      return value;
    },
    json: () => ({
      type: 'string',
      ...(min > 0 ? { minLength: min } : {}),
      maxLength: options.max,
      ...(options.pattern ? { pattern: options.pattern.source } : {}),
      ...(options.format ? { format: options.format } : {}),
      ...(options.description ?? options.hint ? { description: options.description ?? options.hint } : {}),
    }),
  };
}

export function int(options: { min: number; max: number; description?: string }): Schema<number> {
  return {
    optional: false,
    parse(value, field, mode) {
      if (absent(value, mode)) throw badRequest(field, 'is required');
      const n = mode === 'text' && typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : value;
      if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw badRequest(field, 'must be an integer');
      if (n < options.min || n > options.max) throw badRequest(field, `must be from ${options.min} to ${options.max}`);
      return n;
    },
    json: () => ({ type: 'integer', minimum: options.min, maximum: options.max, ...(options.description ? { description: options.description } : {}) }),
  };
}

export function oneOf<const T extends string>(values: readonly T[], description?: string): Schema<T> {
  return {
    optional: false,
    parse(value, field, mode) {
      if (absent(value, mode)) throw badRequest(field, 'is required');
      if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) throw badRequest(field, `must be one of ${values.join(', ')}`);
      return value as T;
    },
    json: () => ({ type: 'string', enum: [...values], ...(description ? { description } : {}) }),
  };
}

export function array<T>(item: Schema<T>, options: { min?: number; max: number }): Schema<T[]> {
  const min = options.min ?? 0;
  return {
    optional: false,
    parse(value, field, mode) {
      if (absent(value, 'json')) throw badRequest(field, 'is required');
      if (!Array.isArray(value)) throw badRequest(field, 'must be a list');
      if (value.length < min) throw badRequest(field, `must have at least ${min} item${min === 1 ? '' : 's'}`);
      if (value.length > options.max) throw badRequest(field, `must have at most ${options.max} items`);
      return value.map((v, i) => item.parse(v, `${field}[${i}]`, mode));
    },
    json: () => ({ type: 'array', items: item.json(), ...(min ? { minItems: min } : {}), maxItems: options.max }),
  };
}

export function object<P extends Props>(props: P, description?: string): Schema<ObjectOf<P>> & { props: P } {
  return {
    optional: false,
    props,
    parse(value, field, mode) {
      if (value === undefined || value === null) throw badRequest(field || 'body', 'is required');
      if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(field || 'body', 'must be a JSON object');
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [key, schema] of Object.entries(props)) {
        // Own properties only: "__proto__" and friends never reach a handler.
        const raw = Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
        const parsed = schema.parse(raw, field ? `${field}.${key}` : key, mode);
        if (parsed !== undefined) out[key] = parsed;
      }
      return out as ObjectOf<P>;
    },
    json: () => {
      const required = Object.entries(props).filter(([, s]) => !s.optional).map(([k]) => k);
      return {
        type: 'object',
        properties: Object.fromEntries(Object.entries(props).map(([k, s]) => [k, s.json()])),
        ...(required.length ? { required } : {}),
        ...(description ? { description } : {}),
      };
    },
  };
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined, true> {
  return {
    optional: true,
    parse: (value, field, mode) => (absent(value, mode) ? undefined : inner.parse(value, field, mode)),
    json: () => inner.json(),
  };
}

/** Parses a whole body or parameter set; a missing body counts as an empty object. */
export function parseWith<T>(schema: Schema<T, boolean>, value: unknown, mode: Mode, field = ''): T {
  return schema.parse(value, field, mode);
}

// Shapes shared by several routes.
export const PRODUCT_ID = str({ max: 64, pattern: /^[A-Za-z0-9][A-Za-z0-9_-]*$/, hint: 'must be a product id (letters, digits, "-" and "_")' });
export const UUID = str({ max: 36, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, hint: 'must be a UUID', format: 'uuid' });
export const PAGE_SIZE = optional(int({ min: 1, max: 100, description: 'Items per page (default 20).' }));
export const PAGE_TOKEN = optional(str({ max: 2048, description: 'next_page_token of the previous page.' }));
export const CATEGORY_ID = str({ max: 40, pattern: /^[a-z0-9][a-z0-9-]*$/, hint: 'must be a category id, a lowercase slug such as "home-office"' });
