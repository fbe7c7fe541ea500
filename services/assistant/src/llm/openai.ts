// A streaming client for any OpenAI-compatible chat endpoint (Ollama, vLLM, llama.cpp, hosted
// APIs): POST {base}/chat/completions with stream: true, read the server-sent events, yield the
// text deltas. Time is bounded twice: until the first token, and between tokens after that.

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmSettings {
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  /** Allowed wait for the first token, and then between tokens. */
  timeoutMs: number;
}

export type LlmFailure = 'timeout' | 'http' | 'network' | 'protocol' | 'cancelled';

export class LlmError extends Error {
  constructor(
    readonly failure: LlmFailure,
    message: string,
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'LlmError';
  }
}

export interface ChatOptions {
  maxTokens: number;
  temperature: number;
}

/** Text deltas of one chat completion; aborting `signal` (the caller gave up) stops it. */
export async function* streamChat(settings: LlmSettings, messages: ChatMessage[], signal: AbortSignal, options: ChatOptions): AsyncGenerator<string> {
  const controller = new AbortController();
  let timedOut = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
  };
  const onAbort = (): void => controller.abort();
  if (signal.aborted) throw new LlmError('cancelled', 'the caller went away');
  signal.addEventListener('abort', onAbort, { once: true });
  arm();
  try {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'text/event-stream' };
    if (settings.apiKey) headers.authorization = `Bearer ${settings.apiKey}`;
    const res = await fetch(`${settings.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: settings.model, messages, stream: true, max_tokens: options.maxTokens, temperature: options.temperature }),
      signal: controller.signal,
    });
    if (!res.ok) {
      const body = await res.text().catch(() => '');
      throw new LlmError('http', `HTTP ${res.status}${body ? `: ${body.slice(0, 200)}` : ''}`, res.status);
    }
    if (!res.body) throw new LlmError('protocol', 'the endpoint answered without a body');
    if (!(res.headers.get('content-type') ?? '').includes('text/event-stream')) {
      // Some servers ignore stream: true and answer one JSON document.
      const text = completionText(JSON.parse(await res.text()) as unknown, 'message');
      if (text) yield text;
      return;
    }
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    let data: string[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl).replace(/\r$/, '');
        buffer = buffer.slice(nl + 1);
        if (line === '') {
          // A blank line ends an event.
          const payload = data.join('\n');
          data = [];
          if (!payload) continue;
          if (payload === '[DONE]') return;
          const delta = completionText(parseJson(payload), 'delta');
          if (delta) {
            arm();
            yield delta;
          }
        } else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        // Comments (":") and other fields (event:, id:, retry:) carry nothing we need.
      }
    }
    const rest = data.join('\n');
    if (rest && rest !== '[DONE]') {
      const delta = completionText(parseJson(rest), 'delta');
      if (delta) yield delta;
    }
  } catch (err) {
    if (err instanceof LlmError) throw err;
    if (timedOut) throw new LlmError('timeout', `no token within ${settings.timeoutMs} ms`);
    if (signal.aborted) throw new LlmError('cancelled', 'the caller went away');
    throw new LlmError('network', `the endpoint could not be reached: ${(err as Error).message}`);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    // Ends the HTTP exchange when the consumer stopped early.
    controller.abort();
  }
}

function parseJson(payload: string): unknown {
  try {
    return JSON.parse(payload) as unknown;
  } catch {
    throw new LlmError('protocol', `the endpoint sent an event that is not JSON: ${payload.slice(0, 80)}`);
  }
}

/** The text of a chunk (delta) or of a whole answer (message); an error document throws. */
function completionText(doc: unknown, part: 'delta' | 'message'): string {
  const d = doc as { error?: { message?: unknown } | string; choices?: Array<{ delta?: { content?: unknown }; message?: { content?: unknown }; text?: unknown }> };
  if (d?.error) throw new LlmError('http', `the endpoint reported an error: ${typeof d.error === 'string' ? d.error : String(d.error.message ?? 'unknown')}`);
  const choice = d?.choices?.[0];
  const content = part === 'delta' ? choice?.delta?.content ?? choice?.text : choice?.message?.content;
  return typeof content === 'string' ? content : '';
}
