// Fault injection as data: per-method latency and error rate, read from FAULTS (JSON) and from a
// flags file (FAULTS_FILE) that operators edit at runtime; changes apply without a restart.
//
// File format: { "rules": [ { "method": "mercato.payments.v1.PaymentsService/Authorize",
//   "delayMs": 200, "delayJitterMs": 50, "errorRate": 0.3, "errorCode": "UNAVAILABLE" } ] }
// "method" is a full method name, "Service/*" or "*"; the first matching rule applies.
import { EventEmitter } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { watchFile, unwatchFile } from 'node:fs';
import { status } from '@grpc/grpc-js';
import { codeFromName } from './codes';

export interface FaultRule {
  method: string;
  delayMs: number;
  delayJitterMs: number;
  errorRate: number;
  errorCode: status;
}

export interface FaultDecision {
  delayMs: number;
  error?: status;
}

export class FaultConfigError extends Error {}

const RULE_KEYS = new Set(['method', 'delayMs', 'delayJitterMs', 'errorRate', 'errorCode']);
const METHOD_RE = /^(\*|[A-Za-z_][\w.]*\/(\*|[A-Za-z_]\w*))$/;

/** Parses and validates a faults document; throws FaultConfigError naming the bad field. */
export function parseFaults(text: string, source: string): FaultRule[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new FaultConfigError(`${source}: not valid JSON (${(err as Error).message})`);
  }
  const rules = (doc as { rules?: unknown } | null)?.rules;
  if (!Array.isArray(rules)) throw new FaultConfigError(`${source}: expected an object with a "rules" list`);
  return rules.map((raw: unknown, i) => {
    const at = `${source}: rules[${i}]`;
    if (typeof raw !== 'object' || raw === null) throw new FaultConfigError(`${at} must be an object`);
    const r = raw as Record<string, unknown>;
    for (const key of Object.keys(r)) if (!RULE_KEYS.has(key)) throw new FaultConfigError(`${at}.${key} is not a known field`);
    if (typeof r.method !== 'string' || !METHOD_RE.test(r.method)) throw new FaultConfigError(`${at}.method must be "*", "pkg.Service/*" or "pkg.Service/Method"`);
    const num = (key: string, min: number, max: number, dflt: number): number => {
      const v = r[key] ?? dflt;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new FaultConfigError(`${at}.${key} must be a number from ${min} to ${max}`);
      return v;
    };
    const codeName = r.errorCode ?? 'UNAVAILABLE';
    const code = typeof codeName === 'string' ? codeFromName(codeName) : undefined;
    if (code === undefined || code === status.OK) throw new FaultConfigError(`${at}.errorCode must be a gRPC status name such as "UNAVAILABLE"`);
    return {
      method: r.method,
      delayMs: num('delayMs', 0, 60_000, 0),
      delayJitterMs: num('delayJitterMs', 0, 60_000, 0),
      errorRate: num('errorRate', 0, 1, 0),
      errorCode: code,
    };
  });
}

export class FaultInjector extends EventEmitter {
  private envRules: FaultRule[];
  private fileRules: FaultRule[] = [];
  private file: string | undefined;

  constructor(
    envJson: string | undefined,
    private readonly onError: (err: Error) => void = () => undefined,
    private readonly random: () => number = Math.random,
  ) {
    super();
    this.envRules = envJson ? parseFaults(envJson, 'FAULTS') : [];
  }

  get rules(): readonly FaultRule[] {
    return [...this.fileRules, ...this.envRules];
  }

  /** Replaces the rules set at runtime (tests, admin tools). */
  set(rules: FaultRule[]): void {
    this.envRules = rules;
    this.emit('change', this.rules);
  }

  /** Watches a flags file; a missing file means no rules, a bad one keeps the previous rules. */
  async watch(file: string, intervalMs = 500): Promise<void> {
    this.file = file;
    await this.reload();
    watchFile(file, { interval: intervalMs, persistent: false }, () => {
      void this.reload();
    });
  }

  async reload(): Promise<void> {
    if (!this.file) return;
    try {
      const exists = await stat(this.file).then(() => true, () => false);
      this.fileRules = exists ? parseFaults(await readFile(this.file, 'utf8'), this.file) : [];
      this.emit('change', this.rules);
    } catch (err) {
      this.onError(err as Error);
    }
  }

  close(): void {
    if (this.file) unwatchFile(this.file);
  }

  /** What to do to one call of `fullMethod` ("pkg.Service/Method"); undefined for nothing. */
  decide(fullMethod: string): FaultDecision | undefined {
    const rules = this.rules;
    if (rules.length === 0) return undefined;
    const service = fullMethod.slice(0, fullMethod.indexOf('/'));
    const rule = rules.find((r) => r.method === fullMethod || r.method === '*' || r.method === `${service}/*`);
    if (!rule) return undefined;
    const delayMs = rule.delayMs + (rule.delayJitterMs > 0 ? this.random() * rule.delayJitterMs : 0);
    const fail = rule.errorRate > 0 && this.random() < rule.errorRate;
    if (delayMs === 0 && !fail) return undefined;
    return fail ? { delayMs, error: rule.errorCode } : { delayMs };
  }
}
