// CPU time and resident memory of the suite's service processes, read from /proc (Linux), and the
// percentile the checkout benchmarks report: shared by `npm run bench:checkout` and `npm run bench`.
import { readFileSync } from 'node:fs';

/** USER_HZ on Linux: the unit of utime and stime in /proc/<pid>/stat. */
export const CLOCK_TICKS = 100;

export interface ServiceProcess {
  name: string;
  pid: number;
}

/** utime + stime of a process in clock ticks; 0 once it has gone (a crashed service is counted up to then by the caller's earlier snapshot). */
export function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** Resident set size of a process in bytes (0 once it has gone). */
export function rssBytes(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU ticks used so far by each service, by name. */
export function cpuSnapshot(processes: ServiceProcess[]): Map<string, number> {
  return new Map(processes.map((p) => [p.name, cpuTicks(p.pid)]));
}

/** CPU milliseconds each service used between two snapshots. */
export function cpuMsBetween(before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, ticks] of after) out[name] = ((ticks - (before.get(name) ?? ticks)) / CLOCK_TICKS) * 1000;
  return out;
}

export function totalRssBytes(processes: ServiceProcess[]): number {
  return processes.reduce((sum, p) => sum + rssBytes(p.pid), 0);
}

/** Samples the total RSS of the processes every `everyMs` until stopped; `peak` is the highest seen. */
export class RssSampler {
  peak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(processes: () => ServiceProcess[], everyMs = 250) {
    const sample = () => (this.peak = Math.max(this.peak, totalRssBytes(processes())));
    sample();
    this.timer = setInterval(sample, everyMs);
  }

  stop(): number {
    clearInterval(this.timer);
    return this.peak;
  }
}

/** The nearest-rank percentile of ascending `sorted` (NaN when empty). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const mib = (bytes: number): number => Math.round(bytes / 1024 / 1024);
