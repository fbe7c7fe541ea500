// Description drafts from templates: an opener in the chosen tone, the product's features as
// sentences, facts from its fields (weight, rating), a closer, all cut to the word budget. The
// template variant follows from the product name, so a product gets the same draft each time.
import { splitSentences } from './text';

export type DraftTone = 'neutral' | 'playful' | 'premium' | 'technical';

export interface DraftInput {
  name: string;
  categoryId: string;
  features: string[];
  tone: DraftTone;
  maxWords: number;
  weightGrams?: number;
  /** Tags, listed in the technical tone. */
  keywords?: string[];
  averageRating?: number;
  reviewCount?: number;
}

const OPENERS: Record<DraftTone, string[]> = {
  neutral: ['The {name} is part of our {category} range.', 'Meet the {name}, from our {category} range.', 'The {name} joins our {category} collection.'],
  playful: ['Say hello to the {name}, your new favourite in {category}!', 'The {name} is here, and your {category} game just levelled up!', 'Good news for {category} fans: the {name} has landed!'],
  premium: ['The {name}: considered design for discerning {category} enthusiasts.', 'Crafted for those who expect more, the {name} brings quiet confidence to {category}.', 'The {name} sets a refined standard in {category}.'],
  technical: ['{name} ({category}): features and specifications.', 'Product: {name}. Category: {category}.'],
};
const FEATURE_FRAMES: Record<DraftTone, string[]> = {
  neutral: ['It features {f}.', 'It comes with {f}.', 'It offers {f}.'],
  playful: ['Plus, {f}!', 'And yes: {f}!', 'Bonus: {f}!'],
  premium: ['Thoughtful details include {f}.', 'It is defined by {f}.', 'Every detail counts, from {f}.'],
  technical: ['Feature: {f}.'],
};
const CLOSERS: Record<DraftTone, string[]> = {
  neutral: ['Find it in the {category} section of Mercato.'],
  playful: ['Pop it in your cart and see for yourself!'],
  premium: ['Discover it today in our {category} collection.'],
  technical: [],
};

/** A small stable hash, so the template variant is the same for the same name. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pick<T>(list: readonly T[], seed: number, salt: number): T | undefined {
  return list.length ? list[(seed + salt * 7919) % list.length] : undefined;
}

/** "home-office" → "home office". */
export function categoryLabel(categoryId: string): string {
  return categoryId.replace(/[-_]+/g, ' ').trim() || 'general';
}

function fill(template: string, input: DraftInput, feature = ''): string {
  return template.replace(/\{name\}/g, input.name).replace(/\{category\}/g, categoryLabel(input.categoryId)).replace(/\{f\}/g, feature);
}

/** A feature that is already a sentence stays one; a phrase goes into the tone's frame. */
function featureSentence(feature: string, input: DraftInput, seed: number, i: number): string {
  const f = feature.trim().replace(/\s+/g, ' ');
  if (/[.!?]$/.test(f) && f.split(' ').length >= 4) return f;
  const phrase = /^[A-Z][a-z]/.test(f) ? f.charAt(0).toLowerCase() + f.slice(1) : f;
  return fill(pick(FEATURE_FRAMES[input.tone], seed, i + 1)!, input, phrase.replace(/[.!?]+$/, ''));
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export function draftDescription(input: DraftInput): string {
  const seed = hash(input.name);
  const sentences: string[] = [fill(pick(OPENERS[input.tone], seed, 0)!, input)];
  input.features.forEach((f, i) => sentences.push(featureSentence(f, input, seed, i)));
  if (input.tone === 'technical' && input.weightGrams) sentences.push(`Weight: ${input.weightGrams} g.`);
  if (input.tone === 'technical' && input.keywords?.length) sentences.push(`Keywords: ${input.keywords.join(', ')}.`);
  if (input.reviewCount && input.reviewCount >= 3 && input.averageRating && input.averageRating >= 4) {
    sentences.push(`Customers rate it ${input.averageRating} out of 5.`);
  }
  const closer = pick(CLOSERS[input.tone], seed, 0);
  if (closer) sentences.push(fill(closer, input));

  // Whole sentences within the budget; the opener, at least, even if it must be cut.
  const out: string[] = [];
  let used = 0;
  for (const s of sentences) {
    const n = countWords(s);
    if (used + n > input.maxWords) {
      if (out.length === 0) out.push(`${s.split(/\s+/).slice(0, input.maxWords).join(' ')}…`);
      continue;
    }
    out.push(s);
    used += n;
  }
  return out.join(' ');
}

/** Features of an existing product: the sentences of its current description. */
export function productFeatures(description: string): string[] {
  return splitSentences(description);
}
