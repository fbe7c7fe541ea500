// Extractive summaries: given reviews, when summarised, then every statement is one of their
// sentences, points made by several reviews come first, and repeats are merged.
import { summarizeReviews } from '../src/builtin/summarize';
import type { ReviewDoc } from '../src/builtin/types';

const product = { name: 'Ember Cast Iron Skillet', description: 'A heavy cast iron skillet that holds heat.', tags: ['skillet', 'cast iron', 'kitchen'] };
const review = (id: string, rating: number, body: string): ReviewDoc => ({ id, rating, body, title: '', authorName: `Author ${id}` });

const reviews = [
  review('r1', 5, 'It holds heat beautifully for searing. The handle stays cool enough. Highly recommend.'),
  review('r2', 4, 'It holds heat beautifully for searing. However, it is heavy to lift with one hand. Very happy overall.'),
  review('r3', 2, 'It is heavy to lift with one hand. The seasoning flaked off after a month. I expected more for what it costs.'),
  review('r4', 5, 'I bought this for my son. It holds heat beautifully for searing. The handle stays cool enough.'),
  review('r5', 1, 'The seasoning flaked off after a month. Rust spots appeared after one wash. Save your money.'),
];

describe('summarizeReviews', () => {
  const summary = summarizeReviews(product, reviews);

  it('uses only sentences of the reviews', () => {
    for (const s of [...summary.pros, ...summary.cons, summary.overall]) expect(reviews.some((r) => r.body.includes(s))).toBe(true);
    for (const c of summary.citations) expect(reviews.find((r) => r.id === c.sourceId)!.body).toContain(c.quote);
  });

  it('puts the most supported praise first and merges repeats', () => {
    expect(summary.pros[0]).toBe('It holds heat beautifully for searing.');
    expect(summary.pros).toContain('The handle stays cool enough.');
    expect(new Set(summary.pros).size).toBe(summary.pros.length);
  });

  it('lists complaints, preferring the plain wording over one with a lead', () => {
    expect(summary.cons).toEqual(expect.arrayContaining(['It is heavy to lift with one hand.', 'The seasoning flaked off after a month.']));
    expect(summary.cons).not.toContain('However, it is heavy to lift with one hand.');
  });

  it('keeps the reviewer\'s own story out and gives a verdict matching the average', () => {
    expect([...summary.pros, ...summary.cons]).not.toContain('I bought this for my son.');
    expect(summary.averageRating).toBe(3.4);
    expect(summary.reviewCount).toBe(5);
    expect(['Highly recommend.', 'Very happy overall.', 'I expected more for what it costs.', 'Save your money.']).toContain(summary.overall);
  });

  it('cites each review that makes a chosen point', () => {
    const heat = summary.citations.filter((c) => c.quote === 'It holds heat beautifully for searing.').map((c) => c.sourceId);
    expect(heat).toEqual(['r1', 'r2', 'r4']);
  });

  it('gives an empty summary for no reviews', () => {
    expect(summarizeReviews(product, [])).toEqual({ pros: [], cons: [], overall: '', reviewCount: 0, averageRating: 0, citations: [] });
  });
});
