// A small review-sentiment model: a hand-written lexicon of weighted words and phrases, with
// negation (flips the next few words), intensifiers, and "but" clauses weighing more than what
// they contradict. It also tells what a sentence is doing in a review: praising or criticising
// something (pro/con), giving the verdict, or telling the reviewer's own story (context).
import { words } from './text';

const WORDS: Record<string, number> = {
  // praise
  love: 3, loved: 3, lovely: 2, great: 2.5, excellent: 3, perfect: 3, perfectly: 2, amazing: 3, awesome: 3, fantastic: 3,
  superb: 3, brilliant: 3, wonderful: 3, outstanding: 3, best: 2.5, better: 1.5, good: 1.5, nice: 1.5, happy: 2, pleased: 2,
  recommend: 2.5, impressive: 2, impressed: 2, beautiful: 2, gorgeous: 2, sturdy: 2, solid: 1.5, durable: 2, robust: 2,
  reliable: 2, comfortable: 2, comfy: 2, cosy: 1.5, cozy: 1.5, easy: 2, simple: 1, intuitive: 2, convenient: 2, handy: 1.5,
  useful: 1.5, helpful: 1.5, helps: 1, effective: 1.5, efficient: 1.5, fast: 1, quick: 1, quiet: 1.5, smooth: 1.5, crisp: 1.5,
  clear: 1, bright: 1, sharp: 1.5, accurate: 1.5, precise: 1.5, consistent: 1.5, neat: 1.5, tidy: 1.5, elegant: 2,
  stylish: 2, sleek: 1.5, smart: 1, premium: 1.5, quality: 1, value: 1, bargain: 2, worth: 1.5, fits: 1.5, fit: 1.5, fine: 0.5,
  decent: 1, okay: 0.3, ok: 0.3, free: 0.5, lightweight: 1.5, compact: 1.5, spacious: 1.5, roomy: 1.5, generous: 1.5, soft: 1,
  delicious: 2.5, tasty: 2, fresh: 1, rich: 1, favourite: 2, favorite: 2, enjoy: 2, fun: 2, joy: 2, delight: 2.5,
  delighted: 2.5, satisfied: 2, satisfying: 2, thrilled: 2.5, glad: 1.5, exactly: 1, difference: 1, improve: 1.5, upgrade: 1.5,
  secure: 1.5, stable: 1.5, steady: 1.5, strong: 0.5, powerful: 1.5, responsive: 1.5, outlast: 1.5, lasts: 1, lasted: 1.5,
  survived: 1.5, protected: 1.5, balanced: 1.5, versatile: 2, flexible: 1, adjustable: 1, breathable: 1.5, waterproof: 1.5,
  protects: 1, safe: 1.5, engaging: 2, gripping: 2, insightful: 2, clever: 1.5, charming: 2, gentle: 1, healthy: 1,
  hoped: 1, excited: 1.5, exciting: 1.5, work: 0.5, flawless: 2.5, flawlessly: 2.5, natural: 1, thorough: 1.5,
  accessible: 1, learned: 1, surprising: 0.5, enough: 0.5, cushions: 1, cushioned: 1, supportive: 1.5, sharpest: 2,
  // criticism
  hate: -3, terrible: -3, awful: -3, horrible: -3, poor: -2, poorly: -2, bad: -2, worse: -2, worst: -3, disappointing: -2.5,
  disappointed: -2.5, disappointment: -2.5, broke: -2.5, broken: -2.5, breaks: -2, cheaply: -2, flimsy: -2.5, fragile: -1.5,
  flaky: -2, faulty: -2.5, defective: -3, useless: -3, waste: -2.5, junk: -3, rubbish: -3, returned: -2, refund: -1.5,
  complaint: -2, complain: -1.5, problem: -1.5, issue: -1.5, gripe: -1.5, niggle: -1, downside: -2, drawback: -2,
  annoying: -2, annoyed: -2, irritating: -2, frustrating: -2, difficult: -1.5, hard: -0.8, awkward: -1.5, clumsy: -1.5,
  clunky: -1.5, fiddly: -1.5, fussy: -1.5, fussier: -1.5, finicky: -1.5, confusing: -1.5, vague: -1.5, unclear: -1.5,
  loud: -1.5, noisy: -1.5, rattle: -1.5, squeak: -1.5, creak: -1.5, wobble: -1.5, wobbly: -1.5, leak: -2, crack: -2,
  cracked: -2, peel: -1.5, fade: -1.5, flake: -1.5, scratch: -1.5, scratchy: -1.5, itchy: -1.5, stiff: -1, heavy: -0.5,
  bulky: -1.5, clammy: -1.5, sweaty: -1.5, slow: -1.5, late: -1, delayed: -1, expensive: -1.5, overpriced: -2.5, cheap: -1,
  pricey: -1, costly: -1, smell: -1, odour: -1.5, odor: -1.5, stain: -1.5, rust: -2, rusty: -2, dull: -1.5, blunt: -1.5,
  weak: -1.5, thin: -1, uncomfortable: -2, painful: -2, hurts: -2, sore: -1.5, blister: -1.5, unreliable: -2,
  inconsistent: -1.5, uneven: -1.5, loose: -1.5, loosen: -1.5, sticky: -1.5, stuck: -1.5, jam: -1.5, clog: -1.5, tangle: -1.5,
  mess: -1.5, messy: -1.5, spill: -1, drip: -1, slip: -1.5, slide: -1, failed: -2, fails: -2, fail: -2, failure: -2,
  died: -2, dead: -2, crash: -2, crashed: -2, distort: -1.5, bled: -1.5, bleed: -1.5, hole: -1, curl: -1, trapped: -1,
  excessive: -1.5, lacking: -1.5, lacks: -1.5, missing: -1.5, mediocre: -2, meh: -1.5, boring: -2, bland: -1.5, basic: -0.5,
  predictable: -1, tedious: -2, drags: -1.5, hurried: -1.5, rushed: -1.5, repetitive: -1.5, repeats: -1, typo: -1.5,
  sloppy: -2, wrinkle: -1, shrink: -1.5, shrank: -1.5, pilling: -1.5, frayed: -1.5, chip: -1.5, chipped: -2,
  unfortunately: -1.5, sadly: -1.5, regret: -2, avoid: -2.5, overheat: -2, wet: -0.5, struggle: -1.5, cramped: -1.5,
  tricky: -1, hassle: -1.5, pain: -1.5, dent: -1.5, warped: -2, bent: -1.5, tear: -1.5, tore: -1.5, torn: -2, ripped: -2,
  sometimes: -0.75, nowhere: -1, bugs: -1,
};

/** Phrases outweigh their words (matched on the lowercase word sequence). */
const PHRASES: Array<[string, number]> = [
  ['no regrets', 2.5], ['spot on', 2], ['bone dry', 2], ['kept me dry', 2], ['keeps me dry', 2], ['stays dry', 1.5],
  ['keeps me warm', 2], ['kept me warm', 2], ['keeps its shape', 1.5], ['holds its shape', 1.5], ['looks new', 1.5], ['stay put', 1.5],
  ['stays put', 1.5], ['stayed with me', 1.5], ['lies flat', 1], ['took seconds', 1.5], ['in seconds', 1], ['straight away', 1],
  ['takes ages', -1.5], ['take ages', -1.5], ['long time', -1], ['shows every', -1], ['no way to', -1.5], ['size up', -1],
  ['started to', -0.75], ['wore through', -2], ['worn through', -2], ['worth every penny', 3], ['value for money', 2], ['well made', 2], ['well built', 2], ['works well', 2],
  ['buy again', 2], ['buy it again', 2], ['bought a second', 2], ['holds up', 1.5], ['real difference', 2], ['as described', 1],
  ['as pictured', 1], ['stands up to', 1.5], ['no complaints', 2], ['does the job', 1],
  ['fell apart', -2.5], ['fall apart', -2.5], ['falls apart', -2.5], ['gave up', -1.5], ['gave out', -1.5], ['stopped working', -2.5],
  ['sent it back', -2.5], ['send it back', -2.5], ['sending it back', -2.5], ['save your money', -3], ['not worth', -2.5],
  ['learning curve', -1.5], ['on the fence', -1.5], ['expected more', -2], ['look around', -1], ['nothing special', -1.5],
  ['than i had hoped', -1.5], ['than i hoped', -1.5], ['than i would like', -1.5], ['than expected', -1], ['than i expected', -1],
  ['my one complaint', -2.5], ['one complaint', -2], ['on the downside', -2.5], ['the only issue', -2.5], ['the only problem', -2.5],
  ['one thing to know', -2], ['the catch', -1.5], ['i wish', -1.5], ['wish it', -1.5], ['would be nice', -1], ['be aware', -1],
  ['for what it costs', -1], ['runs small', -1.5], ['runs large', -1.5], ['wets out', -2], ['wet out', -2], ['too small', -2],
  ['too big', -2], ['too short', -2], ['too long', -1.5], ['too heavy', -2], ['too loud', -2], ['not enough', -1.5],
];

const NEGATORS = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'hardly', 'barely', 'without', 'neither', 'nor', 'cannot']);
const INTENSIFIERS = new Set(['very', 'really', 'extremely', 'super', 'incredibly', 'highly', 'so', 'truly', 'absolutely', 'far', 'remarkably']);
const CONTRAST = new Set(['but', 'however', 'although', 'though', 'yet', 'except']);
const NEGATION_SCOPE = 3;
/** "too warm", "a bit short": criticism even when the word itself is neutral. */
const EXCESS = new Set(['too', 'overly']);
const HEDGES = new Set(['slightly', 'somewhat', 'bit', 'little']);
/** "scratches easily", "easy to chip": ease of something bad makes it worse, not better. */
const EASE = new Set(['easy', 'easily', 'quick', 'quickly']);

const LEXICON = new Map<string, number>(Object.entries(WORDS));
/** Phrases by their first word, longest first. */
const PHRASES_BY_FIRST = new Map<string, Array<{ words: string[]; weight: number }>>();
for (const [p, weight] of [...PHRASES].sort((a, b) => b[0].split(' ').length - a[0].split(' ').length)) {
  const w = p.split(' ');
  PHRASES_BY_FIRST.set(w[0]!, [...(PHRASES_BY_FIRST.get(w[0]!) ?? []), { words: w, weight }]);
}

/**
 * A word's weight, trying its inflections back to a listed form ("tangles" → "tangle",
 * "loosened" → "loosen", "easily" → "easy"). Exact forms first: stemming the lexicon itself
 * would merge words such as "gripe" and "grip".
 */
function weightOf(word: string): number {
  const exact = LEXICON.get(word);
  if (exact !== undefined) return exact;
  const bases: string[] = [];
  if (word.endsWith('ies') || word.endsWith('ied')) bases.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('ily')) bases.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) bases.push(word.slice(0, -2));
  if (word.endsWith('s')) bases.push(word.slice(0, -1));
  if (word.endsWith('ed')) bases.push(word.slice(0, -2), word.slice(0, -1), word.slice(0, -3));
  if (word.endsWith('ing')) bases.push(word.slice(0, -3), `${word.slice(0, -3)}e`, word.slice(0, -4));
  if (word.endsWith('ly')) bases.push(word.slice(0, -2));
  if (word.endsWith('ier')) bases.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('er')) bases.push(word.slice(0, -2), word.slice(0, -1), word.slice(0, -3));
  for (const b of bases) {
    const w = LEXICON.get(b);
    if (w !== undefined) return w;
  }
  return 0;
}

/** Polarity of a sentence: above 0 praises, below 0 criticises, about 0 neither. */
export function polarity(sentence: string): number {
  return polarityOf(words(sentence));
}

function polarityOf(tokens: string[]): number {
  const base = tokens.map(weightOf);
  let score = 0;
  let negatedUntil = -1;
  let clauseWeight = 1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1];
    if (CONTRAST.has(t)) {
      // What follows "but" is what the writer means; what came before counts for less.
      score *= i === 0 ? 1 : 0.5;
      clauseWeight = 1.5;
      if (i === 0 && t === 'however') score -= 1;
      negatedUntil = -1;
      continue;
    }
    // "very little mess" negates; "a little loud" hedges.
    if (NEGATORS.has(t) || (t === 'little' && prev !== 'a')) {
      negatedUntil = i + NEGATION_SCOPE;
      continue;
    }
    if (i + 1 < tokens.length && (EXCESS.has(t) || (HEDGES.has(t) && (t !== 'bit' || prev === 'a')))) {
      if ((base[i + 1] ?? 0) <= 0.5) score += (EXCESS.has(t) ? -1.5 : -0.75) * clauseWeight;
      continue;
    }
    let weight: number;
    let span = 1;
    const phrase = PHRASES_BY_FIRST.get(t)?.find((p) => p.words.every((w, k) => tokens[i + k] === w));
    if (phrase) {
      weight = phrase.weight;
      span = phrase.words.length;
    } else if (EASE.has(t) && [i - 3, i - 2, i - 1, i + 2, i + 3].some((k) => (base[k] ?? 0) < 0 && !NEGATORS.has(tokens[k]!))) {
      weight = -1;
    } else weight = base[i]!;
    if (weight !== 0) {
      if (prev !== undefined && INTENSIFIERS.has(prev)) weight *= 1.5;
      // "not bad" is mild praise; "not good" is plain criticism.
      if (i <= negatedUntil) weight = weight > 0 ? -weight * 0.9 : -weight * 0.6;
      score += weight * clauseWeight;
    }
    i += span - 1;
  }
  return score;
}

/** Weaker than this, a sentence neither praises nor criticises (a lone "fine" or "enough" does not). */
export const POLAR = 0.55;

export type SentenceRole = 'pro' | 'con' | 'verdict' | 'context' | 'neutral';

const VERDICT = [
  /\brecommend(ed)?\b/i, /\bregrets?\b/i, /\b(five|four|three|two|one|[1-5]) stars?\b/i, /\bbuy (it )?again\b/i, /\bbought (a )?second\b/i,
  /\b(sent|send|sending|returned|returning) (it|them) back\b/i, /\breturn(ed|ing)? (it|them)\b/i, /\bsave your money\b/i, /\bkeep (it|them)\b/i,
  /\boverall\b/i, /\bworth (it|every|the money)\b/i, /\bwhat it costs\b/i, /\blook around\b/i, /\bon the fence\b/i,
  /\bavoid\b/i, /\bwhat I (hoped|wanted|expected) for\b/i, /\b(things|niggles|quibbles) aside\b/i, /\bnot excited\b/i, /\bexpected more\b/i,
];
const CONTEXT = [
  /^(I |we )?(bought|got|ordered|received|purchased|picked up)\b/i, /\bas a (gift|present|replacement)\b/i, /^(this|it) was a (gift|present)\b/i,
  /^(I|we) (have|'ve) (had|owned|used) (it|this|them)\b/i, /^(I|we) (mainly |mostly |usually |often )?use (it|this|them) (for|to|on|in|at|when)\b/i,
  /^(I|we) (bought|got|ordered|chose|picked) (this|it|them)\b/i,
];

/** Words a verdict is made of besides sentiment words: about buying, price and expectations, not about the product. */
const VERDICT_WORDS = new Set(
  ('price prices money cost costs costing buy buying bought purchase product item quality overall value star stars again time first ' +
    'expected expect hope hoped excited recommend recommended caveat caveats aside small things fence returning look around hesitation ' +
    'gift second regrets happy keep worth penny pleased alternatives choice purchase order ordered more less thing').split(' '),
);

/** Judgements that say nothing about what the product is like ("great", not "soft"). */
const EVALUATIVE = new Set(
  ('good great excellent love loved fine decent ok okay perfect amazing awesome fantastic superb brilliant wonderful outstanding best ' +
    'better nice happy pleased impressed satisfied disappointed disappointing terrible awful horrible poor bad worse worst mediocre meh ' +
    'regret avoid waste junk rubbish useless glad thrilled delighted hoped').split(' '),
);

/** True when every content word is a judgement or about the purchase: an opinion of the product as a whole. */
function isGeneralOpinion(tokens: string[]): boolean {
  return tokens.every((t) => STOP.has(t) || NEGATORS.has(t) || INTENSIFIERS.has(t) || CONTRAST.has(t) || VERDICT_WORDS.has(t) || EVALUATIVE.has(t));
}
const STOP = new Set('a an the and or but so it its it\'s this that these those i me my we our you your is are was were be been am do does did have has had will would can could should for of to in on at with as by from than then there here all at what which who at just very really'.split(' '));

/** What a review sentence does, with its polarity. */
export function classify(sentence: string): { role: SentenceRole; polarity: number } {
  const tokens = words(sentence);
  const p = polarityOf(tokens);
  if (VERDICT.some((re) => re.test(sentence))) return { role: 'verdict', polarity: p };
  if (p !== 0 && isGeneralOpinion(tokens)) return { role: 'verdict', polarity: p };
  // The reviewer's own story ("Bought as a replacement for one that gave up"), unless a "but" turns it to the product.
  if (CONTEXT.some((re) => re.test(sentence)) && !tokens.some((w) => CONTRAST.has(w))) return { role: 'context', polarity: p };
  if (p >= POLAR) return { role: 'pro', polarity: p };
  if (p <= -POLAR) return { role: 'con', polarity: p };
  return { role: 'neutral', polarity: p };
}
