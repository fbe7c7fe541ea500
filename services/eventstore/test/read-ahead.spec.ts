// Read-ahead of $all pages (src/api/read-ahead.ts) on a real store: paging with it returns exactly
// what paging without it does, the next full page is read before it is asked for, and a page that
// could have grown since (short, or read too long ago) is read again, never answered stale.
import { ReadAhead, READ_AHEAD_DEFAULTS, type Answered } from '../src/api/read-ahead';
import type { Position, ReadAllOptions, ReadAllPage } from '../src/store';
import { evs, openHarness, uniqueStream, type Harness } from './store/harness';

describe('ReadAll read-ahead', () => {
  let h: Harness;
  /** Every read that reached the store, by its starting point. */
  let reads: string[];
  let clock: number;

  const label = (o: ReadAllOptions) => (o.fromPosition === undefined || o.fromPosition === 'start' ? 'start' : o.fromPosition === 'end' ? 'end' : `${(o.fromPosition as Position).commit}:${(o.fromPosition as Position).prepare}`);
  const readAhead = (pages = READ_AHEAD_DEFAULTS.pages, maxPageBytes = READ_AHEAD_DEFAULTS.maxPageBytes) =>
    new ReadAhead<ReadAllPage>(
      async (o): Promise<Answered<ReadAllPage>> => {
        reads.push(label(o));
        const page = await h.store.readAllPage(o);
        return { page, answer: page };
      },
      { pages, ttlMs: 2_000, maxPageBytes, now: () => clock },
    );
  /** Pages through $all from the start like a catching-up client; returns the event ids in order. */
  async function pageThrough(ra: ReadAhead<ReadAllPage>, maxCount: number): Promise<string[]> {
    const ids: string[] = [];
    let from: ReadAllOptions['fromPosition'] = 'start';
    for (;;) {
      const page = await ra.answer({ direction: 'forwards', fromPosition: from, maxCount });
      ids.push(...page.events.map((e) => e.id));
      if (page.reachedEnd) return ids;
      from = page.checkpoint;
    }
  }

  beforeEach(async () => {
    h = (await openHarness('pglite'))!;
    reads = [];
    clock = 0;
  });
  afterEach(async () => {
    await h.close();
  });

  it('pages through $all exactly as plain reads do, each later page read ahead', async () => {
    for (let i = 0; i < 5; i++) await h.store.append(uniqueStream(), evs(7), { kind: 'any' });
    const plain = (await h.store.readAll({ maxCount: 1000 })).map((e) => e.id);
    expect(plain).toHaveLength(35);
    const ra = readAhead();
    expect(await pageThrough(ra, 10)).toEqual(plain);
    // Pages 2 and 3 (full) came from the read-ahead. Page 4 (5 events, the end) was read ahead
    // too, but a short page may have grown: it was read again when asked for.
    expect(ra.hits).toBe(2);
    expect(reads).toHaveLength(5);
    expect(new Set(reads.slice(0, 4)).size).toBe(4);
    expect(reads[4]).toBe(reads[3]);
  });

  it('never answers a short page from the read-ahead: events appended since are in the answer', async () => {
    await h.store.append(uniqueStream(), evs(3), { kind: 'any' });
    const ra = readAhead();
    const first = await ra.answer({ direction: 'forwards', fromPosition: 'start', maxCount: 2 });
    expect(first.events).toHaveLength(2);
    // The page after it (one event, short) was read ahead; then one more event is committed.
    const appended = await h.store.append(uniqueStream(), evs(1), { kind: 'any' });
    const second = await ra.answer({ direction: 'forwards', fromPosition: first.checkpoint, maxCount: 2 });
    expect(second.events).toHaveLength(2);
    expect(second.events[1]!.position).toEqual(appended.position);
    expect(ra.hits).toBe(0);
  });

  it('reads again a page read ahead longer ago than its time to live', async () => {
    await h.store.append(uniqueStream(), evs(6), { kind: 'any' });
    const ra = readAhead();
    const first = await ra.answer({ direction: 'forwards', fromPosition: 'start', maxCount: 2 });
    clock += 2_001;
    const before = reads.length;
    const second = await ra.answer({ direction: 'forwards', fromPosition: first.checkpoint, maxCount: 2 });
    expect(second.events).toHaveLength(2);
    expect(ra.hits).toBe(0);
    expect(reads.length).toBe(before + 2); // the page itself, and the one after it read ahead
  });

  it('reads nothing ahead backwards, with read-ahead off, or after a page over the byte bound', async () => {
    await h.store.append(uniqueStream(), evs(6), { kind: 'any' });
    const backwards = readAhead();
    await backwards.answer({ direction: 'backwards', fromPosition: 'end', maxCount: 2 });
    const off = readAhead(0);
    await off.answer({ direction: 'forwards', fromPosition: 'start', maxCount: 2 });
    const small = readAhead(4, 10);
    await small.answer({ direction: 'forwards', fromPosition: 'start', maxCount: 2 });
    expect(reads).toEqual(['end', 'start', 'start']);
  });

  it('holds at most `pages` pages, dropping the oldest', async () => {
    await h.store.append(uniqueStream(), evs(12), { kind: 'any' });
    const ra = readAhead(1);
    const a = await ra.answer({ direction: 'forwards', fromPosition: 'start', maxCount: 2 });
    // A second client starts elsewhere: its read-ahead replaces the first client's.
    const b = await ra.answer({ direction: 'forwards', fromPosition: 'start', maxCount: 3 });
    await ra.answer({ direction: 'forwards', fromPosition: a.checkpoint, maxCount: 2 });
    expect(ra.hits).toBe(0);
    await ra.answer({ direction: 'forwards', fromPosition: b.checkpoint, maxCount: 3 });
    expect(ra.hits).toBe(0);
  });
});
