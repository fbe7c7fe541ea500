// gRPC handlers of mercato.sentinel.v1.SentinelService: validate → read the engine → answer.
// Everything here is operational detail of the whole suite (targets, internals, predictions), so
// every method is for admins; nobody else in the topology calls sentinel.
import { check, invalidArgument, notFound, type AsyncHandlers, type ServeOptions } from '@mercato/kit';
import type { SentinelServiceHandlers } from '@mercato/protos/gen/mercato/sentinel/v1/SentinelService';
import type { Prediction } from '@mercato/protos/gen/mercato/sentinel/v1/Prediction';
import type { SignalInfo } from '@mercato/protos/gen/mercato/sentinel/v1/SignalInfo';
import type { Timestamp } from '@mercato/protos/gen/google/protobuf/Timestamp';
import type { PredictionRecord, Sentinel } from './engine';
import type { Severity } from './model/alarm';
import type { SignalModel } from './model/signal';
import type { MetricsSource } from './sources/source';

const SEVERITIES = ['SEVERITY_UNSPECIFIED', 'SEVERITY_INFO', 'SEVERITY_WARNING', 'SEVERITY_CRITICAL'] as const;
const RANK: Record<(typeof SEVERITIES)[number], number> = { SEVERITY_UNSPECIFIED: 0, SEVERITY_INFO: 1, SEVERITY_WARNING: 2, SEVERITY_CRITICAL: 3 };
const SEVERITY_NAME: Record<Severity, 'SEVERITY_WARNING' | 'SEVERITY_CRITICAL'> = { warning: 'SEVERITY_WARNING', critical: 'SEVERITY_CRITICAL' };
const SERVICE = /^[a-z][a-z0-9-]{0,62}$/;
const DEFAULT_WINDOW_S = 3600;
const FORECAST_POINTS = 12;

export interface ApiDeps {
  sentinel: Sentinel;
  source: MetricsSource;
  /** The services sentinel watches (a filter must name one of them). */
  services: readonly string[];
  horizonMs: number;
  retentionMs: number;
  now?: () => number;
}

export function timestamp(ms: number): Timestamp {
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

const finite = (x: number): number => (Number.isFinite(x) ? x : 0);

function serviceFilter(value: unknown, services: readonly string[], required: boolean): string | undefined {
  const service = required ? check.text(value, 'service', { max: 63 }) : check.optionalText(value, 'service', { max: 63 });
  if (service === undefined) return undefined;
  if (!SERVICE.test(service)) throw invalidArgument('service', 'must be a service name (lower-case letters, digits, dashes)');
  if (!services.includes(service)) throw invalidArgument('service', `is not a watched service (watched: ${services.join(', ')})`);
  return service;
}

export function toPrediction(p: PredictionRecord, now: number): Prediction {
  return {
    id: p.id,
    service: p.service,
    signal: p.signal,
    kind: `PREDICTION_KIND_${p.kind}`,
    severity: SEVERITY_NAME[p.severity],
    breachTime: timestamp(p.breachTime),
    predictTime: timestamp(p.predictTime),
    leadTimeSeconds: Math.max(0, (p.breachTime - now) / 1000),
    confidence: finite(p.confidence),
    currentValue: finite(p.currentValue),
    threshold: finite(p.threshold),
    summary: p.summary,
    ...(p.resolveTime !== undefined ? { resolveTime: timestamp(p.resolveTime) } : {}),
  };
}

function toSignalInfo(model: SignalModel): SignalInfo {
  const latest = model.latest();
  return { service: model.spec.service, signal: model.spec.name, unit: model.spec.unit, currentValue: finite(latest?.v ?? 0), anomalyScore: finite(model.assessment?.anomaly ?? 0) };
}

export function sentinelHandlers(deps: ApiDeps): AsyncHandlers<SentinelServiceHandlers> {
  const now = deps.now ?? Date.now;
  return {
    ListPredictions: async (req) => {
      const service = serviceFilter(req.service, deps.services, false);
      const minSeverity = check.oneOf(req.minSeverity, 'min_severity', SEVERITIES);
      const t = now();
      const keep = (p: PredictionRecord) => (!service || p.service === service) && RANK[SEVERITY_NAME[p.severity]] >= RANK[minSeverity];
      const open = deps.sentinel.openPredictions().filter(keep).sort((a, b) => a.breachTime - b.breachTime);
      const resolved = req.includeResolved ? deps.sentinel.resolvedPredictions().filter(keep).sort((a, b) => (b.resolveTime ?? 0) - (a.resolveTime ?? 0)) : [];
      return { predictions: [...open, ...resolved].map((p) => toPrediction(p, t)), evaluateTime: timestamp(t) };
    },

    ListSignals: async (req) => {
      const service = serviceFilter(req.service, deps.services, false);
      const signals = deps.sentinel
        .signals()
        .filter((m) => !service || m.spec.service === service)
        .sort((a, b) => a.spec.service.localeCompare(b.spec.service) || a.spec.name.localeCompare(b.spec.name));
      return { signals: signals.map(toSignalInfo) };
    },

    GetSignal: async (req) => {
      const service = serviceFilter(req.service, deps.services, true)!;
      const name = check.text(req.signal, 'signal', { max: 512 });
      const maxWindow = Math.floor(deps.retentionMs / 1000);
      const windowSeconds = req.windowSeconds === 0 ? DEFAULT_WINDOW_S : check.int(req.windowSeconds, 'window_seconds', { min: 1, max: maxWindow });
      const model = deps.sentinel.signal(service, name);
      if (!model) throw notFound(`signal ${JSON.stringify(name)} of ${service}`);
      const points = model.points.since(now() - windowSeconds * 1000).map((p) => ({ time: timestamp(p.t), value: p.v }));
      const forecast = model.forecast(FORECAST_POINTS).map((f) => ({ time: timestamp(f.time), value: f.value, lower: f.lower, upper: f.upper }));
      return {
        signal: toSignalInfo(model),
        points,
        baselineMean: finite(model.baseline.count ? model.baseline.mean : 0),
        baselineStddev: finite(model.baseline.count ? model.baselineSpread() : 0),
        forecast,
        threshold: model.spec.threshold ?? 0,
      };
    },

    ListTargets: async () => ({
      targets: deps.source.statuses().map((s) => ({ service: s.service, url: s.url, up: s.up, lastError: s.lastError, ...(s.lastScrapeTime !== undefined ? { lastScrapeTime: timestamp(s.lastScrapeTime) } : {}) })),
    }),
  };
}

export const sentinelAccess: ServeOptions<SentinelServiceHandlers> = {
  access: { ListPredictions: 'admin', ListSignals: 'admin', GetSignal: 'admin', ListTargets: 'admin' },
};
