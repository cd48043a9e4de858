/**
 * Exact counts of values, sorted ascending, as two parallel arrays so a shard's partial stats stay
 * compact JSON. Merging adds counts, so merged histograms are the same whatever the sharding.
 */
export interface ValueHistogram {
  values: number[];
  counts: number[];
}

export const histogramOf = (counts: ReadonlyMap<number, number>): ValueHistogram => {
  const values = [...counts.keys()].sort((a, b) => a - b);
  return { values, counts: values.map((value) => counts.get(value) ?? 0) };
};

export const countInto = (target: Map<number, number>, value: number, count = 1): void => {
  target.set(value, (target.get(value) ?? 0) + count);
};

export const mergeHistograms = (histograms: readonly ValueHistogram[]): ValueHistogram => {
  const merged = new Map<number, number>();
  for (const { values, counts } of histograms) {
    for (let i = 0; i < values.length; i += 1) countInto(merged, values[i] ?? 0, counts[i] ?? 0);
  }
  return histogramOf(merged);
};

export const totalOf = ({ counts }: ValueHistogram): number => {
  let total = 0;
  for (const count of counts) total += count;
  return total;
};

/** The middle value; with an even total, the mean of the two middle values. */
export const medianOf = (histogram: ValueHistogram): number | undefined => {
  const total = totalOf(histogram);
  if (total === 0) return undefined;
  const lowerIndex = Math.floor((total - 1) / 2);
  const upperIndex = Math.floor(total / 2);
  let lower: number | undefined;
  let seen = 0;
  for (let i = 0; i < histogram.values.length; i += 1) {
    const value = histogram.values[i] ?? 0;
    seen += histogram.counts[i] ?? 0;
    if (lower === undefined && seen > lowerIndex) lower = value;
    if (seen > upperIndex) return ((lower ?? value) + value) / 2;
  }
  return undefined;
};
