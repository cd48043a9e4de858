import { describe, expect, it } from 'vitest';
import type { CustomerFeatures } from '../../../core/segments/customer-features';
import { deriveRfmThresholds } from '../../../core/segments/derive-rfm-thresholds';
import { scoreRfm } from '../../../core/segments/score-rfm';
import { countInto, histogramOf, mergeHistograms } from '../../../core/segments/value-histogram';

const histogram = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const value of values) countInto(counts, value);
  return histogramOf(counts);
};

const buyer = (recencyDays: number, frequency: number, monetary: number) =>
  ({ recencyDays, frequency, monetary }) as CustomerFeatures;

/** Scores every buyer against thresholds derived from all of them. */
const scoreAll = (buyers: [recency: number, frequency: number, monetary: number][]) => {
  const thresholds = deriveRfmThresholds({
    recencyDays: histogram(buyers.map(([r]) => r)),
    frequency: histogram(buyers.map(([, f]) => f)),
    monetaryCents: histogram(buyers.map(([, , m]) => Math.round(m * 100))),
  });
  return buyers.map(([r, f, m]) => scoreRfm({ features: buyer(r, f, m), thresholds }));
};

describe('scoreRfm', () => {
  it('returns 1 + floor(5 · below / n) for frequency, a tie across a quintile boundary taking the lower score', () => {
    const frequencies = [1, 1, 2, 2, 2, 3, 5, 8, 8, 10];

    const scores = scoreAll(frequencies.map((f) => [1, f, 1]));

    // The three 2s sit at ranks 2–4; rank 4 alone would score 3, but the tie scores as rank 2.
    expect(scores.map((score) => score?.f)).toEqual([1, 1, 2, 2, 2, 3, 4, 4, 4, 5]);
  });

  it('returns 5 for the most recent buyers and 1 for the longest gone', () => {
    const recencies = [1, 1, 5, 10, 30, 30, 30, 90, 200, 400];

    const scores = scoreAll(recencies.map((r) => [r, 1, 1]));

    expect(scores.map((score) => score?.r)).toEqual([5, 5, 4, 4, 2, 2, 2, 2, 1, 1]);
  });

  it('returns the same score, 1, to every buyer when all values are identical', () => {
    const scores = scoreAll([
      [7, 2, 50],
      [7, 2, 50],
      [7, 2, 50],
    ]);

    expect(scores).toEqual([
      { r: 1, f: 1, m: 1 },
      { r: 1, f: 1, m: 1 },
      { r: 1, f: 1, m: 1 },
    ]);
  });

  it('returns 1, 1, 1 for a single buyer', () => {
    expect(scoreAll([[3, 4, 99.99]])).toEqual([{ r: 1, f: 1, m: 1 }]);
  });

  it('returns monetary scores from exact cents, with refunds below zero', () => {
    const scores = scoreAll([
      [1, 1, -20],
      [1, 1, 10.01],
      [1, 1, 10.02],
      [1, 1, 10.02],
      [1, 1, 999],
    ]);

    expect(scores.map((score) => score?.m)).toEqual([1, 2, 3, 3, 5]);
  });

  it('returns undefined for a customer without orders', () => {
    const thresholds = deriveRfmThresholds({
      recencyDays: histogram([1]),
      frequency: histogram([1]),
      monetaryCents: histogram([100]),
    });

    expect(
      scoreRfm({ features: { frequency: 0, monetary: 0 } as CustomerFeatures, thresholds }),
    ).toBeUndefined();
  });

  it('returns no thresholds at all when there are no buyers', () => {
    const empty = histogram([]);

    expect(
      deriveRfmThresholds({ recencyDays: empty, frequency: empty, monetaryCents: empty }),
    ).toEqual({
      buyers: 0,
      recencyDays: [null, null, null, null],
      frequency: [null, null, null, null],
      monetaryCents: [null, null, null, null],
    });
  });

  it('returns the same thresholds from merged shard histograms as from one histogram', () => {
    const values = [1, 1, 2, 2, 2, 3, 5, 8, 8, 10];
    const whole = deriveRfmThresholds({
      recencyDays: histogram(values),
      frequency: histogram(values),
      monetaryCents: histogram(values),
    });

    const merged = mergeHistograms([
      histogram(values.slice(0, 3)),
      histogram(values.slice(3, 7)),
      histogram(values.slice(7)),
    ]);

    expect(
      deriveRfmThresholds({ recencyDays: merged, frequency: merged, monetaryCents: merged }),
    ).toEqual(whole);
  });
});
