// Drains a subscription in the background and lets a test wait for a condition, with a time bound.
import type { RecordedEvent, SubscriptionMessage } from '../../src/store';

export class Collector {
  readonly events: RecordedEvent[] = [];
  readonly messages: SubscriptionMessage[] = [];
  error: unknown;
  private waiters: Array<() => void> = [];
  readonly done: Promise<void>;

  constructor(source: AsyncIterable<SubscriptionMessage>, keepMessages = false, private readonly onEvent?: (e: RecordedEvent) => void) {
    this.done = (async () => {
      try {
        for await (const m of source) {
          if (keepMessages) this.messages.push(m);
          if (m.kind === 'event') {
            this.events.push(m.event);
            this.onEvent?.(m.event);
          }
          for (const w of this.waiters.splice(0)) w();
        }
      } catch (err) {
        this.error = err;
      }
    })();
  }

  async waitFor(condition: () => boolean, timeoutMs: number, what = 'condition'): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (this.error) throw this.error;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what} (${this.events.length} events so far)`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(left, 50));
        this.waiters.push(() => (clearTimeout(t), resolve()));
      });
    }
  }
}
