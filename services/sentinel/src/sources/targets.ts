// Where sentinel reads metrics from: every service of the topology on its metrics port, or the
// list in SENTINEL_TARGETS ("catalog=127.0.0.1:9101,cart=http://10.0.0.7:9102/metrics"), e.g.
// for a stack started on random ports.
import type { Topology } from '@mercato/topology';

export interface ScrapeTarget {
  service: string;
  url: string;
}

const NAME = /^[a-z][a-z0-9-]{0,62}$/;
const HOST_PORT = /^([\w.-]+|\[[0-9a-fA-F:]+\]):(\d{1,5})$/;

/** Parses SENTINEL_TARGETS; throws an Error naming the bad entry. */
export function parseTargets(raw: string): ScrapeTarget[] {
  const targets: ScrapeTarget[] = [];
  for (const entry of raw.split(',').map((e) => e.trim()).filter((e) => e !== '')) {
    const eq = entry.indexOf('=');
    if (eq <= 0) throw new Error(`"${entry}" is not name=host:port`);
    const service = entry.slice(0, eq).trim();
    const where = entry.slice(eq + 1).trim();
    if (!NAME.test(service)) throw new Error(`"${service}" is not a service name (lower-case letters, digits, dashes)`);
    if (targets.some((t) => t.service === service)) throw new Error(`${service} is listed twice`);
    targets.push({ service, url: targetUrl(where, service) });
  }
  if (targets.length === 0) throw new Error('no targets');
  return targets;
}

function targetUrl(where: string, service: string): string {
  if (/^https?:\/\//.test(where)) {
    let url: URL;
    try {
      url = new URL(where);
    } catch {
      throw new Error(`${service}: "${where}" is not a URL`);
    }
    return url.toString();
  }
  const m = HOST_PORT.exec(where);
  const port = Number(m?.[2]);
  if (!m || port < 1 || port > 65535) throw new Error(`${service}: "${where}" is not host:port or an http(s) URL`);
  return `http://${where}/metrics`;
}

/** Every other service of the topology, on its metrics port of `host`. */
export function topologyTargets(topology: Topology, self: string, host = '127.0.0.1'): ScrapeTarget[] {
  return topology.services.filter((s) => s.name !== self).map((s) => ({ service: s.name, url: `http://${host}:${s.ports.metrics}/metrics` }));
}
