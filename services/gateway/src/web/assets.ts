// The storefront's static files (one stylesheet, one script, an icon), read once at start-up and
// served with a content hash in their URL, so browsers may cache them for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Asset {
  name: string;
  body: Buffer;
  contentType: string;
  hash: string;
  /** The URL pages link to (versioned by content). */
  url: string;
}

const TYPES: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.svg': 'image/svg+xml' };
// src/web and dist/web are both two levels below the service folder, where static/ lives.
export const STATIC_DIR = path.resolve(__dirname, '../../static');

export function loadAssets(dir = STATIC_DIR): Map<string, Asset> {
  const assets = new Map<string, Asset>();
  for (const name of ['app.css', 'app.js', 'favicon.svg']) {
    const body = readFileSync(path.join(dir, name));
    const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
    assets.set(name, { name, body, contentType: TYPES[path.extname(name)]!, hash, url: `/static/${name}?v=${hash}` });
  }
  return assets;
}
