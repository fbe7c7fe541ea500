// Just enough UUID checking for the codec tests.
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-([1-8])[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const validate = (s: string): boolean => UUID_RE.test(s);
export const version = (s: string): number => Number(UUID_RE.exec(s)?.[1] ?? 0);
