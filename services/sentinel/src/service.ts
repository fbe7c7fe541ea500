// The sentinel service's set-up, shared by main.ts and the integration tests: a source (each
// service's /metrics, or Prometheus), the engine, its metrics and alerts, the gRPC API, and a
// loop that reads every interval.
import { ConfigError, env, type Config, type Kit } from '@mercato/kit';
import { loadTopology } from '@mercato/topology';
import { sentinelAccess, sentinelHandlers } from './api';
import { Sentinel } from './engine';
import { SentinelMetrics } from './metrics';
import { defaultDetectorSettings } from './model/signal';
import { limitsFromTopology } from './signals/definitions';
import { DEFAULT_EXTRACT } from './signals/extract';
import { PrometheusSource } from './sources/prometheus';
import { Scraper } from './sources/scraper';
import type { MetricsSource } from './sources/source';
import { parseTargets, topologyTargets, type ScrapeTarget } from './sources/targets';

export const sentinelConfig = {
  SENTINEL_PROMETHEUS_URL: env.optional(env.url(['http:', 'https:'])),
  SENTINEL_SCRAPE_INTERVAL_SECONDS: env.int({ default: 15, min: 1, max: 3600 }),
  SENTINEL_HORIZON_MINUTES: env.int({ default: 30, min: 1, max: 1440 }),
  SENTINEL_TARGETS: env.optional(env.string({ maxLength: 16_384, describe: 'a list of name=host:port (or name=http://host:port/metrics), comma-separated' })),
};

export type SentinelConfig = Config<typeof sentinelConfig>;

const DAY_MS = 86_400_000;

export async function setupSentinel(kit: Kit<SentinelConfig>): Promise<void> {
  const { config, log } = kit;
  const intervalMs = config.SENTINEL_SCRAPE_INTERVAL_SECONDS * 1000;
  const horizonMs = config.SENTINEL_HORIZON_MINUTES * 60_000;
  const topology = loadTopology();
  const detector = defaultDetectorSettings(horizonMs, intervalMs);
  const metrics = new SentinelMetrics(kit.metrics.registry);
  const timeoutMs = Math.min(10_000, Math.max(500, Math.round(intervalMs * 0.8)));

  let targets: ScrapeTarget[];
  if (config.SENTINEL_TARGETS !== undefined) {
    if (config.SENTINEL_PROMETHEUS_URL) throw new ConfigError('SENTINEL_TARGETS', 'unset when SENTINEL_PROMETHEUS_URL is set (one source at a time)', config.SENTINEL_TARGETS);
    try {
      targets = parseTargets(config.SENTINEL_TARGETS);
    } catch (err) {
      throw new ConfigError('SENTINEL_TARGETS', `name=host:port entries, comma-separated (${(err as Error).message})`, config.SENTINEL_TARGETS);
    }
  } else targets = topologyTargets(topology, kit.name);
  const services = targets.map((t) => t.service);

  const source: MetricsSource = config.SENTINEL_PROMETHEUS_URL
    ? new PrometheusSource(config.SENTINEL_PROMETHEUS_URL, services, { stepMs: intervalMs, warmupMs: 3_600_000, timeoutMs: Math.max(timeoutMs, 5_000), maxBytes: 64 * 2 ** 20 })
    : new Scraper(targets, { timeoutMs, maxBytes: 16 * 2 ** 20 }, {
        scraped: (target, ok, seconds, badLines) => {
          metrics.scrapes.inc({ target, outcome: ok ? 'ok' : 'error' });
          metrics.scrapeSeconds.observe(seconds);
          if (badLines > 0) metrics.badLines.inc({ target }, badLines);
        },
      });

  const sentinel = new Sentinel({ intervalMs, detector, extract: DEFAULT_EXTRACT, resolvedRetentionMs: DAY_MS, maxResolved: 1000 }, limitsFromTopology(topology), {
    // The alerts: a warn line per prediction (and when one turns critical), next to the metrics.
    opened: (p) => {
      metrics.opened(p);
      log.warn({ service: p.service, signal: p.signal, kind: p.kind, severity: p.severity, breach_in_s: Math.round((p.breachTime - p.predictTime) / 1000), confidence: Number(p.confidence.toFixed(3)) }, `predicted breach: ${p.summary}`);
    },
    escalated: (p) => log.warn({ service: p.service, signal: p.signal, kind: p.kind, severity: p.severity }, `prediction now critical: ${p.summary}`),
    resolved: (p) => {
      metrics.resolvedOne(p);
      log.info({ service: p.service, signal: p.signal, kind: p.kind, outcome: p.outcome }, 'prediction resolved');
    },
    breached: (spec, _time, value, predicted) => {
      metrics.breached(spec, predicted);
      log.info({ service: spec.service, signal: spec.name, kind: spec.kind, value, threshold: spec.threshold, predicted }, 'signal crossed its line');
    },
    removed: (spec) => metrics.removed(spec),
  });

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let inFlight: Promise<void> | undefined;
  const round = async (): Promise<void> => {
    const scrapes = await source.poll(Date.now());
    for (const scrape of scrapes) sentinel.ingest(scrape);
    const now = Date.now();
    sentinel.expire(now);
    metrics.sync(sentinel, now, horizonMs);
    metrics.targets(source.statuses());
  };
  const schedule = (delayMs: number): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      const started = Date.now();
      inFlight = round()
        .catch((err: Error) => log.error({ err: err.message }, 'sentinel round failed'))
        .finally(() => {
          inFlight = undefined;
          schedule(Math.max(0, intervalMs - (Date.now() - started)));
        });
    }, delayMs);
    timer.unref();
  };
  schedule(0);
  kit.onShutdown(async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await inFlight;
  });

  log.info({ source: config.SENTINEL_PROMETHEUS_URL ? 'prometheus' : 'scrape', targets: services.length, interval_s: config.SENTINEL_SCRAPE_INTERVAL_SECONDS, horizon_min: config.SENTINEL_HORIZON_MINUTES }, 'sentinel watching');
  kit.serve('mercato.sentinel.v1.SentinelService', sentinelHandlers({ sentinel, source, services, horizonMs, retentionMs: detector.retentionMs }), sentinelAccess);
}
