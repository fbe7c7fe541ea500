// The OpenAI-compatible streaming client against a real local HTTP server: SSE split anywhere,
// a JSON answer instead of a stream, errors, and both timeouts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { LlmError, streamChat, type LlmSettings } from '../src/llm/openai';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
let handler: Handler;
let server: http.Server;
let settings: LlmSettings;
const options = { maxTokens: 50, temperature: 0 };

beforeAll(async () => {
  server = http.createServer((req, res) => req.resume().on('end', () => handler(req, res)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  settings = { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`, model: 'm', apiKey: 'k', timeoutMs: 300 };
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function all(signal = new AbortController().signal): Promise<string[]> {
  const out: string[] = [];
  for await (const d of streamChat(settings, [{ role: 'user', content: 'hi' }], signal, options)) out.push(d);
  return out;
}

const chunk = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;

describe('streamChat', () => {
  it('yields the deltas of a stream cut at arbitrary byte boundaries, with comments and CRLF', async () => {
    let seen: { url?: string; auth?: string } = {};
    handler = (req, res) => {
      seen = { url: req.url, auth: req.headers.authorization };
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const body = `: keep-alive\r\n\r\n${chunk('Hel')}${chunk('lo, ')}${chunk('wörld')}`.replace(/\n\n/g, '\r\n\r\n') + 'data: [DONE]\n\n';
      const bytes = Buffer.from(body);
      for (let i = 0; i < bytes.length; i += 7) res.write(bytes.subarray(i, i + 7));
      res.end();
    };
    expect(await all()).toEqual(['Hel', 'lo, ', 'wörld']);
    expect(seen).toEqual({ url: '/v1/chat/completions', auth: 'Bearer k' });
  });

  it('reads a whole JSON answer when the server does not stream', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ choices: [{ message: { content: 'All at once.' } }] }));
    expect(await all()).toEqual(['All at once.']);
  });

  it('fails with the HTTP status, or with an error event', async () => {
    handler = (_req, res) => res.writeHead(503).end('overloaded');
    await expect(all()).rejects.toMatchObject({ failure: 'http', httpStatus: 503 });
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).end(`data: ${JSON.stringify({ error: { message: 'model not found' } })}\n\n`);
    await expect(all()).rejects.toMatchObject({ failure: 'http', message: expect.stringContaining('model not found') });
  });

  it('times out waiting for the first token, and between tokens', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).flushHeaders();
    await expect(all()).rejects.toMatchObject({ failure: 'timeout' });
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('first'));
    };
    const got: string[] = [];
    const err = await (async () => {
      for await (const d of streamChat(settings, [], new AbortController().signal, options)) got.push(d);
    })().catch((e: unknown) => e);
    expect(got).toEqual(['first']);
    expect(err).toBeInstanceOf(LlmError);
    expect(err).toMatchObject({ failure: 'timeout' });
  });

  it('stops when the caller goes away, as cancelled', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).flushHeaders();
    const controller = new AbortController();
    const pending = all(controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ failure: 'cancelled' });
  });

  it('fails as a network error when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const out = streamChat({ ...settings, baseUrl: `http://127.0.0.1:${port}/v1` }, [], new AbortController().signal, options);
    await expect(out.next()).rejects.toMatchObject({ failure: 'network' });
  });
});
