// Configuration comes only from environment variables, each declared with its type, default and
// bounds. A bad or missing value stops start-up with one line naming the variable.

export class ConfigError extends Error {
  constructor(readonly variable: string, expected: string, got: string | undefined) {
    super(`config: ${variable} must be ${expected}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}`);
    this.name = 'ConfigError';
  }
}

export interface Setting<T> {
  readonly expected: string;
  readonly default?: T;
  readonly optional?: boolean;
  parse(raw: string): T | undefined;
}

type Optional<T> = Setting<T | undefined> & { optional: true };

function setting<T>(expected: string, parse: (raw: string) => T | undefined, options: { default?: T }): Setting<T> {
  return options.default === undefined ? { expected, parse } : { expected, parse, default: options.default };
}

export const env = {
  string(options: { default?: string; pattern?: RegExp; maxLength?: number; describe?: string } = {}): Setting<string> {
    const max = options.maxLength ?? 4096;
    const expected = options.describe ?? (options.pattern ? `a string matching ${String(options.pattern)}` : 'a non-empty string');
    return setting(expected, (raw) => (raw.length > 0 && raw.length <= max && (!options.pattern || options.pattern.test(raw)) ? raw : undefined), options);
  },
  int(options: { default?: number; min?: number; max?: number } = {}): Setting<number> {
    const min = options.min ?? Number.MIN_SAFE_INTEGER;
    const max = options.max ?? Number.MAX_SAFE_INTEGER;
    return setting(`an integer from ${min} to ${max}`, (raw) => {
      if (!/^-?\d+$/.test(raw.trim())) return undefined;
      const n = Number(raw);
      return Number.isSafeInteger(n) && n >= min && n <= max ? n : undefined;
    }, options);
  },
  number(options: { default?: number; min?: number; max?: number } = {}): Setting<number> {
    const min = options.min ?? -Infinity;
    const max = options.max ?? Infinity;
    return setting(`a number from ${min} to ${max}`, (raw) => {
      if (raw.trim() === '') return undefined;
      const n = Number(raw);
      return Number.isFinite(n) && n >= min && n <= max ? n : undefined;
    }, options);
  },
  port(options: { default?: number } = {}): Setting<number> {
    return env.int({ min: 0, max: 65535, ...options });
  },
  bool(options: { default?: boolean } = {}): Setting<boolean> {
    const table: Record<string, boolean> = { true: true, false: false, '1': true, '0': false, on: true, off: false, yes: true, no: false };
    return setting('one of true/false/1/0/on/off/yes/no', (raw) => table[raw.trim().toLowerCase()], options);
  },
  oneOf<const T extends string>(values: readonly T[], options: { default?: T } = {}): Setting<T> {
    return setting(`one of ${values.join('|')}`, (raw) => (values as readonly string[]).includes(raw) ? (raw as T) : undefined, options);
  },
  url(protocols: string[], options: { default?: string } = {}): Setting<string> {
    return setting(`a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`, (raw) => {
      try {
        return protocols.includes(new URL(raw).protocol) ? raw : undefined;
      } catch {
        return undefined;
      }
    }, options);
  },
  json<T>(describe: string, check: (value: unknown) => value is T): Setting<T> {
    return setting(describe, (raw) => {
      try {
        const value: unknown = JSON.parse(raw);
        return check(value) ? value : undefined;
      } catch {
        return undefined;
      }
    }, {});
  },
  optional<T>(inner: Setting<T>): Optional<T> {
    return { expected: inner.expected, parse: inner.parse, optional: true };
  },
};

export type ConfigSpec = Record<string, Setting<unknown>>;
export type Config<S extends ConfigSpec> = { [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/** Reads every declared variable; throws a ConfigError for the first bad or missing one. */
export function loadConfig<S extends ConfigSpec>(spec: S, source: NodeJS.ProcessEnv = process.env): Config<S> {
  const out: Record<string, unknown> = {};
  for (const [name, s] of Object.entries(spec)) {
    const raw = source[name];
    if (raw === undefined || raw === '') {
      if (s.default !== undefined) out[name] = s.default;
      else if (s.optional) out[name] = undefined;
      else throw new ConfigError(name, s.expected, raw === '' ? '' : undefined);
      continue;
    }
    const value = s.parse(raw);
    if (value === undefined) throw new ConfigError(name, s.expected, raw);
    out[name] = value;
  }
  return out as Config<S>;
}
