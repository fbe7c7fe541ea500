// Prometheus as the source: one range query per service (job label = service name, as the chart's
// ServiceMonitor sets it) for the raw series sentinel reads, from where the last one ended — and
// on start the last hour, so the models are warm at once instead of after twenty minutes.
import type { Sample } from '../prom/text';
import { WATCHED_METRICS, type Scrape } from '../signals/extract';
import { httpGet } from './http';
import type { MetricsSource, TargetStatus } from './source';

export interface PrometheusOptions {
  stepMs: number;
  /** History read on the first poll. */
  warmupMs: number;
  timeoutMs: number;
  maxBytes: number;
}

interface MatrixSeries {
  metric: Record<string, string>;
  values: [number, string][];
}

/** Checks the shape of a query_range answer; throws with Prometheus's own error when it sent one. */
export function parseRangeAnswer(body: string): MatrixSeries[] {
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new Error('the answer is not JSON');
  }
  const d = doc as { status?: unknown; error?: unknown; data?: { resultType?: unknown; result?: unknown } };
  if (d?.status !== 'success') throw new Error(typeof d?.error === 'string' ? `Prometheus: ${d.error.slice(0, 300)}` : 'the answer is not a success');
  if (d.data?.resultType !== 'matrix' || !Array.isArray(d.data.result)) throw new Error('the answer is not a matrix');
  const out: MatrixSeries[] = [];
  for (const s of d.data.result as unknown[]) {
    const series = s as { metric?: unknown; values?: unknown };
    if (typeof series?.metric !== 'object' || series.metric === null || !Array.isArray(series.values)) throw new Error('a series without metric or values');
    const metric: Record<string, string> = {};
    for (const [k, v] of Object.entries(series.metric)) if (typeof v === 'string') metric[k] = v;
    const values: [number, string][] = [];
    for (const p of series.values as unknown[]) {
      if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'string') values.push([p[0], p[1]]);
    }
    out.push({ metric, values });
  }
  return out;
}

/** Series of one service → one scrape per step, in time order. */
export function toScrapes(service: string, series: readonly MatrixSeries[]): { scrapes: Scrape[]; up: boolean | undefined } {
  const byTime = new Map<number, Sample[]>();
  let up: boolean | undefined;
  let upTime = -Infinity;
  for (const s of series) {
    const { __name__: name, ...labels } = s.metric;
    if (!name) continue;
    for (const [ts, raw] of s.values) {
      const time = Math.round(ts * 1000);
      const value = raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw);
      if (name === 'up') {
        if (time > upTime) [up, upTime] = [value === 1, time];
        else if (time === upTime && value === 1) up = true;
        continue;
      }
      let samples = byTime.get(time);
      if (!samples) byTime.set(time, (samples = []));
      samples.push({ name, labels, value });
    }
  }
  const scrapes = [...byTime.entries()].sort((a, b) => a[0] - b[0]).map(([time, samples]) => ({ service, time, samples }));
  return { scrapes, up };
}

export class PrometheusSource implements MetricsSource {
  private readonly status: TargetStatus[];
  private readonly last = new Map<string, number>();
  private readonly base: string;

  constructor(
    baseUrl: string,
    services: readonly string[],
    private readonly options: PrometheusOptions,
  ) {
    this.base = baseUrl.replace(/\/+$/, '');
    this.status = services.map((service) => ({ service, url: `${this.base} {job="${service}"}`, up: false, lastScrapeTime: undefined, lastError: 'not queried yet' }));
  }

  async poll(now: number): Promise<Scrape[]> {
    const all = await Promise.all(this.status.map((s) => this.pollOne(s, now)));
    return all.flat().sort((a, b) => a.time - b.time);
  }

  private async pollOne(status: TargetStatus, now: number): Promise<Scrape[]> {
    const { stepMs } = this.options;
    const end = Math.floor(now / stepMs) * stepMs;
    const previous = this.last.get(status.service);
    const start = previous === undefined ? end - Math.min(this.options.warmupMs, 10_000 * stepMs) : previous + stepMs;
    if (start > end) return [];
    const names = ['up', ...WATCHED_METRICS].join('|');
    const query = `{job="${status.service}",__name__=~"${names}"}`;
    const url = `${this.base}/api/v1/query_range?query=${encodeURIComponent(query)}&start=${start / 1000}&end=${end / 1000}&step=${stepMs / 1000}s`;
    status.lastScrapeTime = Date.now();
    try {
      const res = await httpGet(url, this.options);
      if (res.status !== 200 && res.status !== 400 && res.status !== 422) throw new Error(`HTTP ${res.status}`);
      const { scrapes, up } = toScrapes(status.service, parseRangeAnswer(res.body));
      this.last.set(status.service, end);
      status.up = up === true;
      status.lastError = up === undefined ? `no series with job="${status.service}"` : up ? '' : 'Prometheus reports the target down';
      return scrapes;
    } catch (err) {
      status.up = false;
      status.lastError = (err as Error).message;
      return [];
    }
  }

  statuses(): TargetStatus[] {
    return this.status.map((s) => ({ ...s }));
  }
}
