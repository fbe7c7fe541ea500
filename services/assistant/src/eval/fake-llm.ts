// A stand-in for an OpenAI-compatible endpoint, for tests and the evaluation: a real HTTP server
// speaking the chat-completions streaming protocol, told how to behave — answer, hang, fail with
// a status, or stall after the first words — and counting what it was asked.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeLlmMode =
  | { kind: 'answer'; text: (request: FakeLlmRequest) => string; chunkChars?: number }
  | { kind: 'hang' }
  | { kind: 'status'; status: number }
  | { kind: 'stall'; after: string };

export interface FakeLlmRequest {
  model: string;
  stream: boolean;
  messages: Array<{ role: string; content: string }>;
  authorization: string | undefined;
}

export interface FakeLlm {
  /** Base URL for LLM_BASE_URL, e.g. http://127.0.0.1:PORT/v1. */
  baseUrl: string;
  mode: FakeLlmMode;
  /** Requests received so far (any mode). */
  readonly requests: FakeLlmRequest[];
  close(): Promise<void>;
}

function sse(res: http.ServerResponse, text: string, chunkChars: number, model: string): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (let i = 0; i < text.length; i += chunkChars) {
    const chunk = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', model, choices: [{ index: 0, delta: { content: text.slice(i, i + chunkChars) }, finish_reason: null }] };
    res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  }
  res.write(`data: ${JSON.stringify({ id: 'chatcmpl-fake', object: 'chat.completion.chunk', model, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
  res.end('data: [DONE]\n\n');
}

export async function startFakeLlm(mode: FakeLlmMode = { kind: 'hang' }): Promise<FakeLlm> {
  const requests: FakeLlmRequest[] = [];
  const state = { mode };
  const server = http.createServer((req, res) => {
    const body: Buffer[] = [];
    req.on('data', (c: Buffer) => body.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      const doc = JSON.parse(Buffer.concat(body).toString('utf8')) as { model: string; stream: boolean; messages: FakeLlmRequest['messages'] };
      const request: FakeLlmRequest = { model: doc.model, stream: doc.stream, messages: doc.messages, authorization: req.headers.authorization };
      requests.push(request);
      const m = state.mode;
      switch (m.kind) {
        case 'answer':
          sse(res, m.text(request), m.chunkChars ?? 12, doc.model);
          return;
        case 'hang':
          // Headers and nothing else: the client waits for a first token that never comes.
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.flushHeaders();
          return;
        case 'status':
          res.writeHead(m.status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `fake failure ${m.status}` } }));
          return;
        case 'stall':
          // A first token, then silence: the client's wait between tokens runs out mid-answer.
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.write(`data: ${JSON.stringify({ choices: [{ index: 0, delta: { content: m.after } }] })}\n\n`);
          return;
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    get mode() {
      return state.mode;
    },
    set mode(next: FakeLlmMode) {
      state.mode = next;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
