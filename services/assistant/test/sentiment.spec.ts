// The review-sentiment model: lexicon, negation, contrast, excess and ease, and sentence roles.
import { classify, polarity } from '../src/builtin/sentiment';

describe('polarity', () => {
  it.each([
    ['The stitching is neat and there are no loose threads.', 'positive'],
    ['It kept me bone dry through a two-hour downpour.', 'positive'],
    ['There is very little static and mess.', 'positive'],
    ['It does not slide on wooden floors.', 'positive'],
    ['The instructions are vague.', 'negative'],
    ['The hopper lid does not fit tightly.', 'negative'],
    ['They are too warm for summer hikes.', 'negative'],
    ['The dust cover scratches very easily.', 'negative'],
    ['It is easy to chip if you knock it in the sink.', 'negative'],
    ['It looks nice, but the zip broke within a week.', 'negative'],
    ['It is not good.', 'negative'],
  ] as const)('%s → %s', (sentence, expected) => {
    const p = polarity(sentence);
    if (expected === 'positive') expect(p).toBeGreaterThan(0.5);
    else expect(p).toBeLessThan(-0.5);
  });

  it('is about zero for a plain statement of fact', () => {
    expect(Math.abs(polarity('The lid is made of bamboo.'))).toBeLessThan(0.5);
  });
});

describe('classify', () => {
  it.each([
    ['Would buy again without hesitation.', 'verdict'],
    ['Save your money.', 'verdict'],
    ['It is fine for the price, but not more than that.', 'verdict'],
    ['Bought as a replacement for a cheaper one that gave up.', 'context'],
    ['I mainly use it for layering in cold weather.', 'context'],
    ['Cleaning the burrs is easy.', 'pro'],
    ['My one complaint is that it gets clammy inside on warm, humid days.', 'con'],
    ['The lid is made of bamboo.', 'neutral'],
  ] as const)('%s → %s', (sentence, role) => {
    expect(classify(sentence).role).toBe(role);
  });
});
