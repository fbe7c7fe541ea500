// Group commit: concurrent append calls are batched into one es_append call (one transaction).
// Each request keeps its own outcome: a conflict in one does not fail the others.
import type { Database } from '@mercato/db';
import { StoreUnavailableError, StreamDeletedError, WrongExpectedRevisionError } from './errors';
import type { CheckedBatch } from './limits';
import { isConnectionError, isTransientConflict, backoffMs, sleep } from './retry';
import type { LocalCommit } from './subscription';
import type { AppendResult, EventToAppend, ExpectedRevision, Position } from './types';

export interface AppendRequest {
  stream: string;
  events: readonly EventToAppend[];
  expected: ExpectedRevision;
  checked: CheckedBatch;
}

interface Pending extends AppendRequest {
  resolve: (r: AppendResult) => void;
  reject: (e: Error) => void;
}

export interface GroupCommitOptions {
  /** Groups committing at the same time (each uses one pooled connection). */
  maxInFlight: number;
  maxGroupEvents: number;
  maxGroupBytes: number;
  /** How long to keep retrying a group whose connection broke (safe: appends are idempotent). */
  connectionRetryMs: number;
  maxConflictRetries: number;
}

const KIND_CODE = { any: 0, no_stream: 1, stream_exists: 2, exact: 3 } as const;
const DEFAULT_CONTENT_TYPE = 'application/json';

interface ResultRow {
  req: number;
  status: number;
  out_revision: string | number | null;
  out_current: string | number | null;
  out_commit: string | null;
  out_prepare: string | number | null;
}

export class GroupCommitter {
  private readonly queue: Pending[] = [];
  private inFlight = 0;
  private closed = false;
  private readonly idle = new Set<() => void>();

  constructor(
    private readonly db: Database,
    private readonly options: GroupCommitOptions,
    private readonly onCommitted: (commit: LocalCommit) => void,
  ) {}

  submit(request: AppendRequest): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the event store is closed'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ ...request, resolve, reject });
      this.pump();
    });
  }

  /** Stops taking requests and waits for the groups in flight. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new StoreUnavailableError('the event store is closed'));
    if (this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idle.add(resolve));
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const group: Pending[] = [];
      let events = 0;
      let bytes = 0;
      while (this.queue.length > 0) {
        const next = this.queue[0]!;
        if (group.length > 0 && (events + next.events.length > this.options.maxGroupEvents || bytes + next.checked.bytes > this.options.maxGroupBytes)) break;
        group.push(this.queue.shift()!);
        events += next.events.length;
        bytes += next.checked.bytes;
      }
      this.inFlight += 1;
      void this.run(group).finally(() => {
        this.inFlight -= 1;
        if (this.inFlight === 0) for (const f of this.idle) f();
        this.pump();
      });
    }
  }

  private async run(group: Pending[]): Promise<void> {
    const params = encodeGroup(group);
    const started = Date.now();
    let conflicts = 0;
    let failures = 0;
    for (;;) {
      try {
        const { rows } = await this.db.query<ResultRow>(
          `SELECT * FROM es_append($1::text[], $2::int[], $3::text[], $4::int[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], $11::bytea, $12::int[], $13::int[])`,
          params,
        );
        this.settle(group, rows);
        return;
      } catch (err) {
        if (isTransientConflict(err) && conflicts < this.options.maxConflictRetries) {
          conflicts += 1;
          await sleep(backoffMs(conflicts, 1, 50));
          continue;
        }
        if (isConnectionError(err) && !this.closed && Date.now() - started < this.options.connectionRetryMs) {
          failures += 1;
          await sleep(backoffMs(failures, 50, 1_000));
          continue;
        }
        const failure = isConnectionError(err) ? new StoreUnavailableError('the database is unavailable', { cause: err }) : (err as Error);
        for (const p of group) p.reject(failure);
        return;
      }
    }
  }

  private settle(group: Pending[], rows: ResultRow[]): void {
    let last: Position | undefined;
    const written: Array<{ stream: string; type: string }> = [];
    for (const row of rows) {
      const p = group[Number(row.req) - 1];
      if (!p) continue;
      switch (Number(row.status)) {
        case 0:
        case 2: {
          const position = { commit: BigInt(row.out_commit!), prepare: BigInt(row.out_prepare!) };
          if (Number(row.status) === 0) {
            for (const e of p.events) written.push({ stream: p.stream, type: e.type });
            if (!last || position.commit > last.commit || (position.commit === last.commit && position.prepare > last.prepare)) last = position;
          }
          p.resolve({ nextExpectedRevision: BigInt(row.out_revision!), position });
          break;
        }
        case 1: {
          const current = BigInt(row.out_current!);
          p.reject(new WrongExpectedRevisionError(p.stream, p.expected, current < 0n ? 'no_stream' : current));
          break;
        }
        case 3:
          p.reject(new StreamDeletedError(p.stream));
          break;
        default:
          p.reject(new Error(`es_append returned unknown status ${row.status}`));
      }
    }
    if (last) this.onCommitted({ last, events: written });
  }
}

function encodeGroup(group: Pending[]): unknown[] {
  const streams: string[] = [];
  const kinds: number[] = [];
  const revs: string[] = [];
  const counts: number[] = [];
  const ids: string[] = [];
  const types: string[] = [];
  const ctypes: string[] = [];
  const metas: string[] = [];
  const offs: number[] = [];
  const lens: number[] = [];
  const chunks: Uint8Array[] = [];
  const evReq: number[] = [];
  const evOrd: number[] = [];
  let offset = 0;
  group.forEach((p, r) => {
    streams.push(p.stream);
    kinds.push(KIND_CODE[p.expected.kind]);
    revs.push(p.expected.kind === 'exact' ? p.expected.revision.toString() : '-1');
    counts.push(p.events.length);
    p.events.forEach((e, i) => {
      ids.push(e.id);
      types.push(e.type);
      ctypes.push(e.contentType ?? DEFAULT_CONTENT_TYPE);
      metas.push(p.checked.metadataJson[i]!);
      offs.push(offset);
      lens.push(e.data.byteLength);
      chunks.push(e.data);
      evReq.push(r + 1);
      evOrd.push(i + 1);
      offset += e.data.byteLength;
    });
  });
  return [streams, kinds, revs, counts, ids, types, ctypes, metas, offs, lens, Buffer.concat(chunks), evReq, evOrd];
}
