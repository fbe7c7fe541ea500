// google.protobuf.Timestamp as the loader gives it (seconds as a decimal string), compared and
// bucketed exactly: as bigint nanoseconds, never through a float.
export interface Timestamp {
  seconds: string;
  nanos: number;
}

const NS_PER_S = 1_000_000_000n;
export const HOUR_S = 3600;

export function toNanos(t: Timestamp): bigint {
  return BigInt(t.seconds) * NS_PER_S + BigInt(t.nanos);
}

export function fromNanos(ns: bigint): Timestamp {
  let s = ns / NS_PER_S;
  let n = ns - s * NS_PER_S;
  if (n < 0n) {
    s -= 1n;
    n += NS_PER_S;
  }
  return { seconds: s.toString(), nanos: Number(n) };
}

export function fromDate(d: Date): Timestamp {
  return fromNanos(BigInt(d.getTime()) * 1_000_000n);
}

export function compareTimes(a: Timestamp, b: Timestamp): number {
  const d = toNanos(a) - toNanos(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

export function latestTime(a: Timestamp | null, b: Timestamp): Timestamp {
  return a && compareTimes(a, b) >= 0 ? a : b;
}

/** The start of the hour holding `t`, in seconds since the epoch. */
export function hourOf(t: Timestamp): number {
  const s = BigInt(t.seconds);
  const h = BigInt(HOUR_S);
  const floor = s >= 0n ? (s / h) * h : -(((-s + h - 1n) / h) * h);
  return Number(floor);
}
