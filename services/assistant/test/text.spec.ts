// Sentences are cut verbatim; words and stems meet across inflections.
import { containment, contentStems, jaccard, splitSentences, stem, words } from '../src/builtin/text';

describe('splitSentences', () => {
  it('cuts at end punctuation followed by a capital, keeping each sentence verbatim', () => {
    const text = 'It works well. Really well!  Would I buy it again? Yes.';
    const sentences = splitSentences(text);
    expect(sentences).toEqual(['It works well.', 'Really well!', 'Would I buy it again?', 'Yes.']);
    for (const s of sentences) expect(text).toContain(s);
  });

  it('does not cut at abbreviations, initials, decimals or a lowercase continuation', () => {
    expect(splitSentences('Great for e.g. camping trips. Made by J. Smith in 2.5 weeks. ok then. Next one.')).toEqual([
      'Great for e.g. camping trips.',
      'Made by J. Smith in 2.5 weeks. ok then.',
      'Next one.',
    ]);
  });

  it('ends a sentence at a line break and keeps closing quotes with it', () => {
    expect(splitSentences('She said "it is perfect." Then\nit broke')).toEqual(['She said "it is perfect."', 'Then', 'it broke']);
  });

  it('gives nothing for blank text', () => {
    expect(splitSentences('  \n ')).toEqual([]);
  });
});

describe('words and stems', () => {
  it('splits contractions into their negation', () => {
    expect(words("It doesn't fit and I can't return it")).toEqual(['it', 'does', 'not', 'fit', 'and', 'i', 'can', 'not', 'return', 'it']);
  });

  it('brings inflections of a word to one stem', () => {
    expect(new Set(['cleaning', 'cleans', 'cleaned', 'clean'].map(stem)).size).toBe(1);
    expect(stem('easily')).toBe(stem('easy'));
    expect(stem('batteries')).toBe(stem('battery'));
    expect(stem('zips')).toBe(stem('zip'));
    expect(stem('running')).toBe(stem('run'));
  });

  it('drops stopwords from content stems and compares sets', () => {
    expect(contentStems('The hood moves with my head')).toEqual(['hood', 'mov', 'head']);
    const a = new Set(contentStems('The hopper lid does not fit tightly.'));
    const b = new Set(contentStems('My one complaint is that the hopper lid does not fit tightly.'));
    expect(containment(a, b)).toBe(1);
    expect(jaccard(a, b)).toBeGreaterThan(0.6);
  });
});
