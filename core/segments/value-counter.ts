import { histogramOf, type ValueHistogram } from './value-histogram';

/** Covers every recency, order count and gap in days, and most baskets' monetary cents. */
const DENSE_LIMIT = 1 << 20;

export interface ValueCounter {
  add: (value: number) => void;
  histogram: () => ValueHistogram;
}

/**
 * Counts values for one pass-1 histogram. Non-negative integers below DENSE_LIMIT go to an array
 * slot, everything else (large or negative cents, fractional traits) to a Map: with a million
 * buyers the monetary Map held hundreds of thousands of keys and its two look-ups per buyer missed
 * the cache. The array is allocated on the first dense value, so an unused counter costs nothing.
 */
export const createValueCounter = (): ValueCounter => {
  let dense: Uint32Array | undefined;
  let denseMax = -1;
  const sparse = new Map<number, number>();
  return {
    add: (value) => {
      if (Number.isInteger(value) && value >= 0 && value < DENSE_LIMIT) {
        dense ??= new Uint32Array(DENSE_LIMIT);
        dense[value] = (dense[value] ?? 0) + 1;
        if (value > denseMax) denseMax = value;
      } else {
        sparse.set(value, (sparse.get(value) ?? 0) + 1);
      }
    },
    histogram: () => {
      const all = new Map(sparse);
      for (let value = 0; value <= denseMax; value += 1) {
        const count = dense?.[value] ?? 0;
        if (count > 0) all.set(value, count);
      }
      return histogramOf(all);
    },
  };
};
