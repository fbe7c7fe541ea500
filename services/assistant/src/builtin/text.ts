// Text handling for the built-in engine: sentences cut verbatim out of the source text (so an
// extractive answer can be checked against it), word tokens, a light suffix stemmer, stopwords.

const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'st', 'approx', 'no', 'incl', 'min', 'max', 'fig', 'cf', 'jr', 'sr', 'inc', 'ltd', 'co']);

/**
 * The sentences of a text, each an exact substring of it (trimmed). A sentence ends at . ! or ?
 * (with any closing quotes or brackets) followed by white space and a capital, digit or quote, or
 * at a line break; abbreviations and initials do not end one.
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  const push = (end: number): void => {
    const s = text.slice(start, end).trim();
    if (s) out.push(s);
    start = end;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i + 1);
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    let end = i + 1;
    while (end < text.length && /[.!?"'’”)\]]/.test(text[end]!)) end++;
    if (end < text.length && !/\s/.test(text[end]!)) continue;
    let next = end;
    while (next < text.length && /[ \t]/.test(text[next]!)) next++;
    const following = text[next];
    if (following !== undefined && following !== '\n' && following !== '\r' && !/[\p{Lu}\d"'“‘(]/u.test(following)) continue;
    if (c === '.') {
      const word = /([\p{L}.]+)$/u.exec(text.slice(start, i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue;
    }
    push(end);
    i = end - 1;
  }
  push(text.length);
  return out;
}

/** Lowercase word tokens; "n't" becomes its own "not", curly apostrophes are straightened. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().replace(/[’‘]/g, "'").matchAll(/[a-z0-9]+(?:'[a-z]+)?/g)) {
    const w = m[0];
    if (w.endsWith("n't")) {
      const stem = w.slice(0, -3);
      out.push(stem === 'ca' ? 'can' : stem === 'wo' ? 'will' : stem, 'not');
    } else if (w.includes("'")) out.push(w.slice(0, w.indexOf("'")));
    else out.push(w);
  }
  return out;
}

/**
 * A light, deterministic suffix stemmer (plural, -ing, -ed, -ly, -er, -est, final e and y), so
 * "cleaning", "cleans" and "cleaned" meet at "clean", and "easily"/"easy" at "easi". Not a
 * linguist's stemmer: both sides of every comparison go through it, which is what matters.
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ingly', 'edly', 'ing', 'ed', 'ly', 'est', 'er']) {
    if (!w.endsWith(suffix)) continue;
    const base = w.slice(0, -suffix.length);
    const long = suffix === 'er' || suffix === 'est' ? base.length >= 4 : base.length >= 3;
    if (long && /[aeiouy]/.test(base)) {
      w = base;
      if (/([bcdfgkmnprtvz])\1$/.test(w)) w = w.slice(0, -1);
    }
    break;
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 2 && /[^aeiou]y$/.test(w)) w = `${w.slice(0, -1)}i`;
  return w;
}

export const STOPWORDS = new Set(
  (
    'a an the and or but if then than so as of at by for from in into on onto to with without about over under after before ' +
    'is are was were be been being am do does did doing have has had having will would shall should can could may might must ' +
    'i me my mine we us our you your yours he him his she her it its they them their this that these those there here ' +
    'what which who whom whose when where why how all any both each few more most other some such own same too very just also ' +
    'only really quite still even much many lot lots up down out off again once one get got gets make made use used using ' +
    'thing things something anything everything way well ever now yet s t'
  ).split(' '),
);

/** Stems of the words that carry content (stopwords dropped). */
export function contentStems(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w) && w.length > 1)
    .map(stem);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Share of the smaller set found in the larger one. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const x of small) if (large.has(x)) shared++;
  return shared / small.size;
}
