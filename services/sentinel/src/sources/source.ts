// What the service loop needs from a metrics source, scraping or Prometheus alike.
import type { Scrape } from '../signals/extract';

export interface TargetStatus {
  service: string;
  url: string;
  up: boolean;
  /** Epoch ms of the last attempt; undefined before the first. */
  lastScrapeTime: number | undefined;
  lastError: string;
}

export interface MetricsSource {
  /** Reads what is new and hands it over as scrapes, oldest first. */
  poll(now: number): Promise<Scrape[]>;
  statuses(): TargetStatus[];
}
