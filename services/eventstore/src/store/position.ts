// Positions in `$all`: {commit: writer xid, prepare: sequence value}, ordered by commit then prepare.
import type { Position } from './types';
import { InvalidArgumentError } from './errors';

export { START, comparePositions } from '@mercato/eventsourcing';

/** The string form, e.g. "C:1234/P:56789" (KurrentDB's commit/prepare naming). */
export function positionToString(p: Position): string {
  return `C:${p.commit}/P:${p.prepare}`;
}

const POSITION_RE = /^C:(\d{1,20})\/P:(\d{1,20})$/;

export function parsePosition(s: string): Position {
  const m = POSITION_RE.exec(s);
  if (!m) throw new InvalidArgumentError('position', `"${s}" is not a position like C:123/P:456`);
  return { commit: BigInt(m[1]!), prepare: BigInt(m[2]!) };
}
