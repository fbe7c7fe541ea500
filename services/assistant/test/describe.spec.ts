// Description drafts: templated from fields, in a tone, within a word budget, the same each time.
import { categoryLabel, draftDescription } from '../src/builtin/describe';

const input = { name: 'Trail Lantern', categoryId: 'outdoor', features: ['three brightness levels', 'It charges over USB-C in two hours.'], tone: 'neutral' as const, maxWords: 120 };

describe('draftDescription', () => {
  it('names the product, frames phrase features and keeps sentence features as they are', () => {
    const d = draftDescription(input);
    expect(d).toContain('Trail Lantern');
    expect(d).toContain('three brightness levels');
    expect(d).toContain('It charges over USB-C in two hours.');
  });

  it('is the same for the same input and differs by tone', () => {
    expect(draftDescription(input)).toBe(draftDescription(input));
    expect(draftDescription({ ...input, tone: 'playful' })).not.toBe(draftDescription(input));
  });

  it('keeps within the word budget, cutting the opener only when it alone is too long', () => {
    for (const maxWords of [20, 25, 40]) expect(draftDescription({ ...input, maxWords }).split(/\s+/).length).toBeLessThanOrEqual(maxWords);
    const tiny = draftDescription({ ...input, name: 'An Extraordinarily Long Product Name With Many Words In It Indeed', maxWords: 5 });
    expect(tiny.split(/\s+/).length).toBe(5);
    expect(tiny.endsWith('…')).toBe(true);
  });

  it('lists specifications in the technical tone and mentions a good rating', () => {
    const d = draftDescription({ ...input, tone: 'technical', weightGrams: 320, keywords: ['lantern', 'camping'], averageRating: 4.6, reviewCount: 12 });
    expect(d).toContain('Weight: 320 g.');
    expect(d).toContain('Keywords: lantern, camping.');
    expect(d).toContain('Customers rate it 4.6 out of 5.');
    expect(categoryLabel('home-office')).toBe('home office');
  });
});
