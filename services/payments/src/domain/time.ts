// google.protobuf.Timestamp from the command's clock reading (int64 seconds as a string).
import type { Timestamp__Output } from '@mercato/protos/gen/google/protobuf/Timestamp';

export function timestamp(at: Date): Timestamp__Output {
  const ms = at.getTime();
  return { seconds: String(Math.floor(ms / 1000)), nanos: (((ms % 1000) + 1000) % 1000) * 1_000_000 };
}
