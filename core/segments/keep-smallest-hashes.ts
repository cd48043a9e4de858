import type { ClusterSampleEntry } from './fit-cluster-model';

const byHashThenId = (a: ClusterSampleEntry, b: ClusterSampleEntry): number =>
  a.hash - b.hash || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0);

/** The `size` entries with the smallest (hash, id): a bottom-k sample, identical under any sharding. */
export const keepSmallestHashes = (
  entries: ClusterSampleEntry[],
  size: number,
): ClusterSampleEntry[] => entries.sort(byHashThenId).slice(0, size);
