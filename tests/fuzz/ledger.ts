// What the fuzzer sent and what came back, and what the event store recorded meanwhile: every
// request carries its own W3C trace id (the services copy the caller's traceparent into the
// metadata of every event they append) and its case's marker (woven into the identifiers it made
// up), so each new event in $all is traced to the request that caused it, or to nobody.
import type { KitClient } from '@mercato/kit';
import type { EventStoreServiceDefinition } from '@mercato/protos/gen/mercato/eventstore/v1/EventStoreService';
import type { RecordedEvent__Output } from '@mercato/protos/gen/mercato/eventstore/v1/RecordedEvent';

export type Who = 'anonymous' | 'user' | 'admin';

export interface Attempt {
  id: number;
  /** The W3C trace id the request carried. */
  traceId: string;
  /** The case's marker ("fz1az"): shared by the same request sent as each identity. */
  marker: string;
  /** The report's row: a service (gRPC) or a route group (HTTP). */
  group: string;
  /** "mercato.cart.v1.CartService/AddItem" or "POST /api/v1/cart/items". */
  target: string;
  who: Who;
  /** How the request was made: the generator's profile or the malformation. */
  kind: string;
  /** The request itself, readable (exact bytes in hex when short). */
  request: string;
  /** "OK", "INVALID_ARGUMENT", "HTTP 400", "closed"; undefined while in flight. */
  answer?: string;
  /** Served (true), refused (false), or unknown (undefined: a timeout may have taken effect): only a refused request must change nothing. */
  accepted?: boolean | undefined;
  /** What the answer said (a status's details, the start of an error page), for a blind spot's report. */
  details?: string;
  /** Set when the answer is a finding (an internal error, no answer, a 5xx). */
  problem?: string;
}

export interface Violation {
  attempt: Attempt;
  what: string;
}

export class Ledger {
  readonly attempts: Attempt[] = [];
  private readonly byTrace = new Map<string, Attempt>();
  private readonly byMarker = new Map<string, Attempt[]>();
  private readonly seedHex: string;
  private cases = 0;

  constructor(seed: number) {
    this.seedHex = seed.toString(16).padStart(8, '0');
  }

  /** A fresh marker for a case: hex digits between "fz" and "z", so no marker contains another. */
  marker(): string {
    return `fz${(++this.cases).toString(16)}z`;
  }

  begin(a: Omit<Attempt, 'id' | 'traceId'>): Attempt {
    const id = this.attempts.length + 1;
    const attempt: Attempt = { ...a, id, traceId: `${this.seedHex}${id.toString(16).padStart(24, '0')}` };
    this.attempts.push(attempt);
    this.byTrace.set(attempt.traceId, attempt);
    const list = this.byMarker.get(a.marker) ?? [];
    list.push(attempt);
    this.byMarker.set(a.marker, list);
    return attempt;
  }

  traceparent(a: Attempt): string {
    return `00-${a.traceId}-${a.id.toString(16).padStart(16, '0')}-01`;
  }

  /**
   * Who caused an event: the request whose trace id its traceparent carries; else, when its stream
   * name or data holds a marker whose every request was refused, those requests; else nobody the
   * fuzzer knows (a background writer: the inventory's initial stock, the shipping tracker, the
   * order saga resuming, a load run).
   */
  cause(event: RecordedEvent__Output): { rejected?: Attempt; accepted?: Attempt } {
    const traceId = /^00-([0-9a-f]{32})-/.exec(event.metadata?.traceparent ?? '')?.[1];
    const traced = traceId ? this.byTrace.get(traceId) : undefined;
    if (traced) return traced.accepted === false ? { rejected: traced } : { accepted: traced };
    const text = `${event.stream}\n${Buffer.from(event.data ?? []).toString('latin1')}`;
    for (const m of text.matchAll(/fz[0-9a-f]+z/g)) {
      const attempts = this.byMarker.get(m[0]);
      if (!attempts) continue;
      const notRefused = attempts.find((a) => a.accepted !== false);
      return notRefused ? { accepted: notRefused } : { rejected: attempts[0]! };
    }
    return {};
  }
}

export interface Position {
  commit: bigint;
  prepare: bigint;
}

const START: Position = { commit: 0n, prepare: 0n };
const after = (a: Position, b: Position): boolean => a.commit > b.commit || (a.commit === b.commit && a.prepare > b.prepare);
const toPosition = (p: { commit: string; prepare: string } | null | undefined): Position => (p ? { commit: BigInt(p.commit), prepare: BigInt(p.prepare) } : START);

/** $all read in windows: each call returns the events appended since the previous one. */
export class EventWindow {
  private cursor: Position = START;

  constructor(private readonly store: KitClient<EventStoreServiceDefinition>) {}

  /** Moves the cursor to the current head without reading what lies before it. */
  async skipToHead(): Promise<void> {
    const last = await this.store.call('ReadAll', { direction: 'READ_DIRECTION_BACKWARDS', end: {}, maxCount: 1 });
    this.cursor = toPosition(last.events[0]?.position);
  }

  /** Every event after the cursor, in order; the cursor moves past them. */
  async next(): Promise<RecordedEvent__Output[]> {
    const out: RecordedEvent__Output[] = [];
    let from = this.cursor;
    for (;;) {
      // The proto's position is inclusive: the event at the cursor comes back and is skipped.
      const page = await this.store.call('ReadAll', { direction: 'READ_DIRECTION_FORWARDS', position: { commit: from.commit.toString(), prepare: from.prepare.toString() }, maxCount: 1000 });
      for (const e of page.events) {
        const p = toPosition(e.position);
        if (after(p, this.cursor)) {
          out.push(e);
          this.cursor = p;
        }
      }
      if (page.endOfAll || page.events.length === 0) return out;
      from = toPosition(page.nextPosition);
    }
  }
}

/** The stream's category ("cart-123" → "cart-"), for counting background writers. */
export const category = (stream: string): string => /^[a-z$]+-?/i.exec(stream)?.[0] ?? stream;

/** A plain text table: numbers right-aligned, text left-aligned. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (/^\d+(\.\d+)?$/.test(c) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
