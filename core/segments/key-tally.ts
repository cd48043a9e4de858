/**
 * Counts per key in first-seen order, as parallel arrays. Counting straight into a fresh object per
 * customer gave every customer's categories and channels their own key order, so V8 saw thousands
 * of object shapes and each `counts[key] += 1` became a slow megamorphic lookup. A customer has a
 * handful of distinct keys, so a linear search is cheaper than any map.
 */
export interface KeyTally {
  keys: string[];
  counts: number[];
}

export const createKeyTally = (): KeyTally => ({ keys: [], counts: [] });

export const addToTally = (tally: KeyTally, key: string, count = 1): void => {
  const index = tally.keys.indexOf(key);
  if (index === -1) {
    tally.keys.push(key);
    tally.counts.push(count);
  } else {
    tally.counts[index] = (tally.counts[index] ?? 0) + count;
  }
};

export const totalOfTally = ({ counts }: KeyTally): number => {
  let total = 0;
  for (const count of counts) total += count;
  return total;
};

/** The key with the strictly largest count; undefined on a tie, because a tie is no preference. */
export const topKeyOf = ({ keys, counts }: KeyTally): string | undefined => {
  let best: string | undefined;
  let bestCount = 0;
  let tied = false;
  for (let i = 0; i < keys.length; i += 1) {
    const count = counts[i] ?? 0;
    if (count > bestCount) {
      best = keys[i];
      bestCount = count;
      tied = false;
    } else if (count === bestCount && count > 0) {
      tied = true;
    }
  }
  return tied ? undefined : best;
};

/** The counts as the plain record features expose, keys in first-seen order. */
export const recordOfTally = ({ keys, counts }: KeyTally): Record<string, number> => {
  const record: Record<string, number> = {};
  for (let i = 0; i < keys.length; i += 1) record[keys[i] ?? ''] = counts[i] ?? 0;
  return record;
};
