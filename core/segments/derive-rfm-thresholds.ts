import type { ValueHistogram } from './value-histogram';
import { totalOf } from './value-histogram';

/**
 * Where each RFM score starts, derived once from the merged histograms of all buyers.
 *
 * Scores come from each buyer's rank among the n buyers: for frequency and monetary,
 * `below(v)` is the number of buyers with a strictly smaller value, and
 * `score(v) = 1 + floor(5 · below(v) / n)`. Recency is reversed (recent is better), so there
 * `below(v)` counts buyers with a strictly larger recency. Counting only strictly worse values means
 * tied buyers share the lowest rank of their tie: they always get the same score, and a tie that
 * straddles a quintile boundary falls to the lower score. All-identical values therefore score 1.
 *
 * `frequency[i]` is the smallest frequency scoring at least `i + 2` (null when no buyer does), so a
 * buyer's score is 1 plus the number of thresholds their value reaches; recency thresholds are the
 * largest recency scoring at least `i + 2`. Monetary is in cents so histogram keys are exact.
 */
export interface RfmThresholds {
  buyers: number;
  recencyDays: (number | null)[];
  frequency: (number | null)[];
  monetaryCents: (number | null)[];
}

const thresholdsFrom = (histogram: ValueHistogram, higherIsBetter: boolean): (number | null)[] => {
  const thresholds: (number | null)[] = [null, null, null, null];
  const n = totalOf(histogram);
  const { values, counts } = histogram;
  let below = 0;
  for (let step = 0; step < values.length; step += 1) {
    const i = higherIsBetter ? step : values.length - 1 - step;
    const score = 1 + Math.floor((5 * below) / n);
    for (let level = 2; level <= score; level += 1) thresholds[level - 2] ??= values[i] ?? null;
    below += counts[i] ?? 0;
  }
  return thresholds;
};

export const deriveRfmThresholds = ({
  recencyDays,
  frequency,
  monetaryCents,
}: {
  recencyDays: ValueHistogram;
  frequency: ValueHistogram;
  monetaryCents: ValueHistogram;
}): RfmThresholds => ({
  buyers: totalOf(frequency),
  recencyDays: thresholdsFrom(recencyDays, false),
  frequency: thresholdsFrom(frequency, true),
  monetaryCents: thresholdsFrom(monetaryCents, true),
});
