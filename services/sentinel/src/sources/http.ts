// One bounded HTTP GET: a deadline for the whole exchange, a size limit, and errors a person can
// read in ListTargets. It settles exactly once, whatever the socket does afterwards.
import http from 'node:http';
import https from 'node:https';

export interface GetOptions {
  timeoutMs: number;
  maxBytes: number;
  headers?: Record<string, string>;
}

export class FetchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FetchError';
  }
}

export function httpGet(url: string, options: GetOptions): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      reject(new FetchError(`not a URL: ${url}`));
      return;
    }
    let settled = false;
    const client = parsed.protocol === 'https:' ? https : http;
    const req = client.get(parsed, { headers: { accept: 'text/plain;version=0.0.4, application/json;q=0.9, */*;q=0.1', ...options.headers } });
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      reject(new FetchError(message));
    };
    const timer = setTimeout(() => fail(`no answer within ${options.timeoutMs} ms`), options.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => fail(err.code ?? err.message));
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) fail(`answer larger than ${options.maxBytes} bytes`);
        else chunks.push(chunk);
      });
      res.on('error', (err) => fail(err.message));
      res.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
  });
}
