// Reads every target's /metrics (all at once, each with a deadline) and parses the text format.
import { performance } from 'node:perf_hooks';
import { parseExposition } from '../prom/text';
import type { Scrape } from '../signals/extract';
import { httpGet } from './http';
import type { MetricsSource, TargetStatus } from './source';
import type { ScrapeTarget } from './targets';

export interface ScrapeObserver {
  scraped?(service: string, ok: boolean, seconds: number, badLines: number): void;
}

export class Scraper implements MetricsSource {
  private readonly status: TargetStatus[];

  constructor(
    targets: readonly ScrapeTarget[],
    private readonly options: { timeoutMs: number; maxBytes: number },
    private readonly observer: ScrapeObserver = {},
  ) {
    this.status = targets.map((t) => ({ service: t.service, url: t.url, up: false, lastScrapeTime: undefined, lastError: 'not scraped yet' }));
  }

  async poll(): Promise<Scrape[]> {
    const results = await Promise.all(this.status.map((s) => this.scrapeOne(s)));
    return results.filter((r): r is Scrape => r !== undefined).sort((a, b) => a.time - b.time);
  }

  private async scrapeOne(status: TargetStatus): Promise<Scrape | undefined> {
    const started = performance.now();
    status.lastScrapeTime = Date.now();
    try {
      const res = await httpGet(status.url, this.options);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const parsed = parseExposition(res.body);
      if (parsed.samples.length === 0) throw new Error(parsed.errors[0] ? `no samples (line ${parsed.errors[0].line}: ${parsed.errors[0].message})` : 'no samples');
      status.up = true;
      status.lastError = parsed.errors.length ? `${parsed.errors.length} malformed line(s) skipped; line ${parsed.errors[0]!.line}: ${parsed.errors[0]!.message}` : '';
      this.observer.scraped?.(status.service, true, (performance.now() - started) / 1000, parsed.errors.length);
      return { service: status.service, time: Date.now(), samples: parsed.samples };
    } catch (err) {
      status.up = false;
      status.lastError = (err as Error).message;
      this.observer.scraped?.(status.service, false, (performance.now() - started) / 1000, 0);
      return undefined;
    }
  }

  statuses(): TargetStatus[] {
    return this.status.map((s) => ({ ...s }));
  }
}
