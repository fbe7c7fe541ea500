// Sentinel's core: scrapes in, signals extracted, one model per signal, predictions kept and
// announced. No I/O and no clock of its own — every time comes with the data — so the service and
// the evaluation (simulated days in seconds) run exactly this code.
import { randomUUID } from 'node:crypto';
import type { AlarmEvent, Severity } from './model/alarm';
import { SignalModel, type DetectorSettings } from './model/signal';
import { SignalExtractor, type ExtractOptions, type Scrape } from './signals/extract';
import type { Limits, PredictionKindName, SignalSpec } from './signals/definitions';

export type Outcome = 'breached' | 'recovered' | 'stale';

export interface PredictionRecord {
  id: string;
  service: string;
  signal: string;
  kind: PredictionKindName;
  severity: Severity;
  /** Epoch ms. */
  breachTime: number;
  predictTime: number;
  confidence: number;
  currentValue: number;
  threshold: number;
  summary: string;
  resolveTime?: number;
  outcome?: Outcome;
}

export interface SentinelListener {
  opened?(p: PredictionRecord): void;
  escalated?(p: PredictionRecord): void;
  resolved?(p: PredictionRecord): void;
  /** The signal crossed its threshold (predicted or not). */
  breached?(spec: SignalSpec, time: number, value: number, predicted: boolean): void;
  /** A signal that stopped reporting was forgotten. */
  removed?(spec: SignalSpec): void;
}

export interface SentinelSettings {
  intervalMs: number;
  detector: DetectorSettings;
  extract: ExtractOptions;
  /** Resolved predictions are kept this long (and at most maxResolved of them). */
  resolvedRetentionMs: number;
  maxResolved: number;
  newId?: () => string;
}

const SEVERITY_RANK: Record<Severity, number> = { warning: 2, critical: 3 };

export class Sentinel {
  private readonly extractor: SignalExtractor;
  private readonly models = new Map<string, SignalModel>();
  private readonly bySpec = new WeakMap<SignalSpec, SignalModel>();
  private readonly open = new Map<string, PredictionRecord>();
  private resolvedList: PredictionRecord[] = [];
  private readonly newId: () => string;

  constructor(
    readonly settings: SentinelSettings,
    limits: Limits,
    private readonly listener: SentinelListener = {},
  ) {
    this.extractor = new SignalExtractor(limits, settings.extract);
    this.newId = settings.newId ?? randomUUID;
  }

  /** Takes one service's samples read at one time. */
  ingest(scrape: Scrape): void {
    for (const { spec, time, value } of this.extractor.extract(scrape)) {
      // The extractor hands out one spec object per signal: it finds the model without a key.
      let model = this.bySpec.get(spec);
      if (!model) {
        const key = modelKey(spec.service, spec.name);
        model = this.models.get(key);
        if (!model) this.models.set(key, (model = new SignalModel(spec, this.settings.detector, this.settings.intervalMs)));
        model.spec = spec;
        this.bySpec.set(spec, model);
      }
      const events = model.observe(time, value);
      if (events.length > 0) this.handle(modelKey(spec.service, spec.name), model, events);
    }
  }

  /** Stands down alarms of signals gone quiet, forgets signals gone for good, trims history. */
  expire(now: number): void {
    for (const [key, model] of this.models) {
      const events = model.expire(now);
      if (events.length > 0) this.handle(key, model, events);
      if (now - model.lastSeen > this.settings.detector.retentionMs) {
        this.models.delete(key);
        this.bySpec.delete(model.spec);
        this.listener.removed?.(model.spec);
      }
    }
    const keepAfter = now - this.settings.resolvedRetentionMs;
    this.resolvedList = this.resolvedList.filter((p) => (p.resolveTime ?? now) >= keepAfter).slice(-this.settings.maxResolved);
  }

  private handle(key: string, model: SignalModel, events: AlarmEvent[]): void {
    const { spec } = model;
    const value = model.assessment?.value ?? model.latest()?.v ?? NaN;
    for (const e of events) {
      switch (e.type) {
        case 'PredictionOpened': {
          const p: PredictionRecord = {
            id: this.newId(),
            service: spec.service,
            signal: spec.name,
            kind: spec.kind,
            severity: e.severity,
            breachTime: e.time + e.etaMs,
            predictTime: e.time,
            confidence: e.confidence,
            currentValue: value,
            threshold: spec.threshold ?? NaN,
            summary: summarize(model, e.etaMs),
          };
          this.open.set(key, p);
          this.listener.opened?.(p);
          break;
        }
        case 'PredictionUpdated': {
          const p = this.open.get(key);
          if (!p) break;
          const escalated = SEVERITY_RANK[e.severity] > SEVERITY_RANK[p.severity];
          Object.assign(p, { severity: e.severity, breachTime: e.time + e.etaMs, confidence: e.confidence, currentValue: value, summary: summarize(model, e.etaMs) });
          if (escalated) this.listener.escalated?.(p);
          break;
        }
        case 'PredictionResolved': {
          const p = this.open.get(key);
          if (!p) break;
          this.open.delete(key);
          p.resolveTime = e.time;
          p.outcome = e.outcome;
          p.currentValue = value;
          this.resolvedList.push(p);
          this.listener.resolved?.(p);
          break;
        }
        case 'BreachObserved':
          this.listener.breached?.(spec, e.time, value, e.predicted);
          break;
        case 'BreachForecast':
        case 'ForecastWithdrawn':
        case 'BreachOngoing':
        case 'BreachCleared':
          break;
        default: {
          const never: never = e;
          throw new Error(`unexpected alarm event ${JSON.stringify(never)}`);
        }
      }
    }
  }

  openPredictions(): PredictionRecord[] {
    return [...this.open.values()];
  }

  resolvedPredictions(): PredictionRecord[] {
    return [...this.resolvedList];
  }

  signals(): SignalModel[] {
    return [...this.models.values()];
  }

  signal(service: string, name: string): SignalModel | undefined {
    return this.models.get(modelKey(service, name));
  }

  /** The open prediction on a signal, if any. */
  predictionFor(service: string, name: string): PredictionRecord | undefined {
    return this.open.get(modelKey(service, name));
  }
}

const modelKey = (service: string, name: string): string => `${service}\u0000${name}`;

/** "payments heap grows 4.1 MiB/min; the line (288 MiB) is reached in ~12 min". */
export function summarize(model: SignalModel, etaMs: number): string {
  const { spec } = model;
  const slopePerMin = (model.trend()?.slope ?? 0) * 60_000;
  const eta = Math.max(1, Math.round(etaMs / 60_000));
  const line = spec.threshold === undefined ? '' : formatValue(spec.threshold, spec.unit);
  return `${spec.service} ${spec.label} rises ${formatValue(slopePerMin, spec.unit)}/min (now ${formatValue(model.assessment?.value ?? NaN, spec.unit)}); reaches ${line} in ~${eta} min`;
}

export function formatValue(value: number, unit: SignalSpec['unit']): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'bytes':
      return `${(value / 2 ** 20).toFixed(1)} MiB`;
    case 'seconds':
      return `${(value * 1000).toFixed(value < 0.01 ? 2 : 0)} ms`;
    case 'ratio':
      return `${(value * 100).toFixed(value < 0.01 ? 2 : 1)}%`;
    case 'count':
      return value.toFixed(1);
    default: {
      const never: never = unit;
      return String(never);
    }
  }
}
