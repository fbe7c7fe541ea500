// A parser for the Prometheus text exposition format (0.0.4, and the OpenMetrics subset services
// send). Robust by construction: a malformed line is skipped and reported, never thrown, and the
// input is bounded, so a sick target cannot take sentinel down with it.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  /** Epoch ms, when the line carries one. */
  timestamp?: number;
}

export interface ParseResult {
  samples: Sample[];
  /** Declared types by metric family name (counter, gauge, histogram, summary, untyped…). */
  types: Map<string, string>;
  errors: { line: number; message: string }[];
}

export interface ParseLimits {
  maxSamples: number;
  maxLineLength: number;
  maxErrors: number;
}

const DEFAULT_LIMITS: ParseLimits = { maxSamples: 200_000, maxLineLength: 16_384, maxErrors: 20 };

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const FLOAT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseExposition(text: string, limits: Partial<ParseLimits> = {}): ParseResult {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const result: ParseResult = { samples: [], types: new Map(), errors: [] };
  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lineNo++;
    const raw = text.slice(start, end);
    start = end + 1;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') {
      if (end === text.length) break;
      continue;
    }
    const fail = (message: string) => {
      if (result.errors.length < lim.maxErrors) result.errors.push({ line: lineNo, message });
    };
    if (line.length > lim.maxLineLength) {
      fail(`line longer than ${lim.maxLineLength} characters`);
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s+TYPE\s+(\S+)\s+(\S+)\s*$/.exec(line);
      if (m) {
        if (METRIC_NAME.test(m[1]!)) result.types.set(m[1]!, m[2]!.toLowerCase());
        else fail(`bad metric name in TYPE: ${m[1]}`);
      }
      continue;
    }
    if (result.samples.length >= lim.maxSamples) {
      fail(`more than ${lim.maxSamples} samples; the rest is ignored`);
      break;
    }
    const parsed = parseSampleLine(line);
    if (typeof parsed === 'string') fail(parsed);
    else result.samples.push(parsed);
  }
  return result;
}

/** One sample line, or a message saying what is wrong with it. */
export function parseSampleLine(line: string): Sample | string {
  let i = 0;
  const n = line.length;
  while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
  const nameStart = i;
  while (i < n && line[i] !== '{' && line[i] !== ' ' && line[i] !== '\t') i++;
  const name = line.slice(nameStart, i);
  if (!METRIC_NAME.test(name)) return `bad metric name ${JSON.stringify(name.slice(0, 80))}`;
  const labels: Record<string, string> = {};
  if (line[i] === '{') {
    i++;
    for (;;) {
      while (i < n && (line[i] === ' ' || line[i] === '\t')) i++;
      if (line[i] === '}') {
        i++;
        break;
      }
      const labelStart = i;
      while (i < n && line[i] !== '=' && line[i] !== ' ' && line[i] !== '}' && line[i] !== ',') i++;
      const label = line.slice(labelStart, i);
      if (!LABEL_NAME.test(label)) return `bad label name ${JSON.stringify(label.slice(0, 80))} in ${name}`;
      while (i < n && line[i] === ' ') i++;
      if (line[i] !== '=') return `expected = after label ${label} in ${name}`;
      i++;
      while (i < n && line[i] === ' ') i++;
      if (line[i] !== '"') return `expected a quoted value for label ${label} in ${name}`;
      i++;
      let value = '';
      let closed = false;
      while (i < n) {
        const c = line[i]!;
        if (c === '\\') {
          const next = line[i + 1];
          if (next === 'n') value += '\n';
          else if (next === '\\' || next === '"') value += next;
          else return `bad escape in the value of label ${label} in ${name}`;
          i += 2;
          continue;
        }
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        value += c;
        i++;
      }
      if (!closed) return `unterminated value of label ${label} in ${name}`;
      if (Object.prototype.hasOwnProperty.call(labels, label)) return `label ${label} repeated in ${name}`;
      labels[label] = value;
      while (i < n && line[i] === ' ') i++;
      if (line[i] === ',') {
        i++;
        continue;
      }
      if (line[i] === '}') {
        i++;
        break;
      }
      return `expected , or } after label ${label} in ${name}`;
    }
  }
  const rest = line.slice(i).trim().split(/[ \t]+/);
  if (rest.length === 0 || rest[0] === '') return `no value for ${name}`;
  if (rest.length > 2) return `unexpected text after the value of ${name}`;
  const value = parseValue(rest[0]!);
  if (value === undefined) return `bad value ${JSON.stringify(rest[0]!.slice(0, 40))} for ${name}`;
  const sample: Sample = { name, labels, value };
  if (rest.length === 2) {
    const ts = rest[1]!;
    if (!/^-?\d+(\.\d+)?$/.test(ts)) return `bad timestamp ${JSON.stringify(ts.slice(0, 40))} for ${name}`;
    // OpenMetrics writes seconds with a fraction; the classic format writes integer milliseconds.
    sample.timestamp = ts.includes('.') ? Math.round(Number(ts) * 1000) : Number(ts);
  }
  return sample;
}

/** A float as Go's ParseFloat reads it (Prometheus does): NaN and Inf in any case, with a sign. */
function parseValue(raw: string): number | undefined {
  if (FLOAT.test(raw)) return Number(raw);
  const m = /^([+-]?)(nan|inf|infinity)$/i.exec(raw);
  if (!m) return undefined;
  if (m[2]!.toLowerCase() === 'nan') return NaN;
  return m[1] === '-' ? -Infinity : Infinity;
}
