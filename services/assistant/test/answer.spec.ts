// Grounded Q&A: answers come from the product's fields, description and reviews, or say so.
import { answerQuestion, NO_ANSWER, searchQuery } from '../src/builtin/answer';
import type { ProductDoc, ReviewDoc } from '../src/builtin/types';

const product: ProductDoc = {
  id: 'KIT-0001',
  name: 'Hearth Cast Iron Skillet',
  description: 'A cast iron skillet for weeknight dinners. It comes pre-seasoned with flaxseed oil. Hand washing is recommended.',
  categoryId: 'kitchen',
  tags: ['skillet', 'cast iron'],
  price: { currencyCode: 'USD', units: '49', nanos: 500_000_000 },
  weightGrams: 2300,
  averageRating: 4.5,
  reviewCount: 2,
};
const reviews: ReviewDoc[] = [
  { id: 'R1', rating: 5, title: 'Great', authorName: 'Ada L.', body: 'It cleans up in a minute with warm water. The handle gets hot on the stove.' },
  { id: 'R2', rating: 4, title: 'Good', authorName: 'Alan T.', body: 'It is heavy but holds heat well. Cleaning it is quick.' },
];

describe('answerQuestion', () => {
  it('answers from review sentences that match the question, by stem and synonym', () => {
    const a = answerQuestion('Is it easy to clean?', product, reviews);
    expect(a.grounded).toBe(true);
    expect(a.citations.map((c) => c.quote)).toEqual(expect.arrayContaining(['It cleans up in a minute with warm water.', 'Cleaning it is quick.']));
    expect(a.text).toContain('Ada L. (5 of 5 stars) says: "It cleans up in a minute with warm water."');
    expect(answerQuestion('Is it dishwasher safe?', product, reviews).citations[0]!.quote).toBe('Hand washing is recommended.');
  });

  it('answers from the description, citing the product', () => {
    const a = answerQuestion('What oil is it seasoned with?', product, reviews);
    expect(a.citations[0]).toEqual({ sourceType: 'product', sourceId: 'KIT-0001', quote: 'It comes pre-seasoned with flaxseed oil.' });
  });

  it('answers price, weight and rating from the fields', () => {
    expect(answerQuestion('How much does it cost?', product, reviews).text).toContain('49.50 USD');
    expect(answerQuestion('How heavy is it?', product, reviews).text).toContain('2300 g');
    expect(answerQuestion('What rating does it have?', product, reviews).text).toContain('4.5 of 5 from 2 reviews');
  });

  it('says it does not know rather than guessing', () => {
    const a = answerQuestion('Does it work with bluetooth?', product, reviews);
    expect(a).toEqual({ text: NO_ANSWER, grounded: false, citations: [] });
  });

  it('suggests catalog products for alternatives, searching by the product type', () => {
    expect(searchQuery('Any alternatives?', product)).toBe('skillet');
    const a = answerQuestion('Any alternatives?', product, reviews, [
      { id: 'KIT-0001', name: 'Hearth Cast Iron Skillet', averageRating: 4.5, reviewCount: 2 },
      { id: 'KIT-0009', name: 'Larder Carbon Steel Pan', price: { currencyCode: 'USD', units: '39', nanos: 0 }, averageRating: 4.1, reviewCount: 7 },
    ]);
    expect(a.grounded).toBe(true);
    expect(a.text).toContain('Larder Carbon Steel Pan (KIT-0009) at 39.00 USD, rated 4.1 of 5');
    expect(a.text).not.toContain('similar product in the catalog: Hearth');
  });

  it('searches the catalog by the question\'s content words', () => {
    expect(searchQuery('Does it come with a lid for the pan?', product)).toBe('lid or pan');
  });
});
